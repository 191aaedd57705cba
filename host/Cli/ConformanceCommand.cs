using System.CommandLine;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Functions;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// <c>conformance [--fixtures DIR] [--backend NAME]</c>: runs NumPy's reference answers (a <c>manifest.json</c> made by
/// <c>tests/fixtures/generate.py</c>; by default the repository's own <c>tests/fixtures/numpy</c>) against a backend.
/// Cases whose function the backend does not declare count as skipped; a case whose files cannot be read fails with the
/// reason and the run goes on. Always ends with <c>N passed, N failed, N skipped</c>; exits 1 when any case failed.
/// </summary>
internal static class ConformanceCommand
{
    public static void AddTo(RootCommand root, Option<string[]> config)
    {
        var fixtures = new Option<DirectoryInfo>("--fixtures")
        {
            Description = $"The folder holding manifest.json (default: the repository's {FixtureManifest.RepositoryFolder}); a folder without one has each .npy/.npz file loaded",
        };
        var backend = new Option<string>("--backend") { Description = "The backend to check", DefaultValueFactory = _ => "Dense" };
        var verbose = new Option<bool>("--list") { Description = "Also list the skipped cases with their reasons" };
        var json = new Option<bool>("--json") { Description = "Write one JSON object (counts and every case with its outcome and reason) instead of text" };
        var command = new Command("conformance", "Check a backend against NumPy's answers");
        command.Options.Add(fixtures);
        command.Options.Add(backend);
        command.Options.Add(verbose);
        command.Options.Add(json);
        command.SetAction(p => Run(p.GetValue(config) ?? [], p.GetValue(fixtures), p.GetValue(backend)!, p.GetValue(verbose), p.GetValue(json)));
        root.Subcommands.Add(command);
    }

    private static int Run(string[] overrides, DirectoryInfo? fixtures, string backend, bool list, bool json)
    {
        string? folder = fixtures?.FullName ?? FixtureManifest.Locate();
        if (folder is null)
        {
            Console.Error.WriteLine($"error: no fixtures found; pass --fixtures DIR (the repository keeps them in {FixtureManifest.RepositoryFolder})");
            return 2;
        }
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"error: the fixture folder {folder} does not exist");
            return 2;
        }
        using var host = AppHost.Start(overrides, out int exit);
        if (host is null) return exit;
        var dispatcher = host.Services.GetRequiredService<IArrayDispatcher>();
        if (!dispatcher.Backends.Contains(backend))
        {
            Console.Error.WriteLine($"error: backend '{backend}' is not loaded (loaded: {string.Join(", ", dispatcher.Backends)}).{ExplainCommand.DidYouMean(backend, dispatcher.Backends)}");
            return 2;
        }
        IReadOnlyList<FixtureResult> results;
        if (!File.Exists(Path.Combine(folder, "manifest.json")))
        {
            if (!json) Console.WriteLine($"no manifest.json in {folder}: checking that each .npy/.npz file loads on {backend}");
            results = new FixtureRunner(dispatcher, backend).RunAll(FixtureManifest.FromFolder(folder));
        }
        else
        {
            try
            {
                results = new FixtureRunner(dispatcher, backend).RunAll(FixtureManifest.Load(folder));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                results = [new FixtureResult("manifest.json", "?", FixtureOutcome.Failed, ex.Message)];
            }
        }
        int passed = results.Count(r => r.Outcome == FixtureOutcome.Passed);
        int failed = results.Count(r => r.Outcome == FixtureOutcome.Failed);
        int skipped = results.Count(r => r.Outcome == FixtureOutcome.Skipped);
        if (json)
        {
            var report = new
            {
                backend,
                fixtures = folder,
                passed,
                failed,
                skipped,
                arrayApi = ArrayApiJson(dispatcher, backend),
                cases = results.Select(r => new { id = r.Id, function = r.Function, outcome = r.Outcome.ToString().ToLowerInvariant(), reason = r.Reason }),
            };
            Json.Write(report);
            return failed > 0 ? 1 : 0;
        }
        foreach (FixtureResult r in results.Where(r => r.Outcome == FixtureOutcome.Failed || (list && r.Outcome == FixtureOutcome.Skipped)))
        {
            string tag = r.Outcome == FixtureOutcome.Failed ? "[red]FAIL[/]" : "[yellow]SKIP[/]";
            AnsiConsole.MarkupLine($"{tag} {Markup.Escape(r.Id)} ({Markup.Escape(r.Function)}): {Markup.Escape(r.Reason ?? "")}");
        }
        Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        WriteCoverage(dispatcher, backend);
        return failed > 0 ? 1 : 0;
    }

    /// <summary>
    /// The array API standard's coverage: the protocol's line, then the backend's, and the names the backend does not
    /// serve (those whose functions it does not declare).
    /// </summary>
    internal static void WriteCoverage(IArrayDispatcher dispatcher, string backend)
    {
        Console.WriteLine(ArrayApiStandard.Protocol.ToString());
        ArrayApiCoverage own = ArrayApiStandard.CoverageOf(dispatcher.FunctionsOf(backend));
        Console.WriteLine($"{backend}: {own}");
        if (own.Missing.Count > 0) Console.WriteLine($"  not served by {backend}: {string.Join(", ", own.Missing)}");
    }

    internal static object ArrayApiJson(IArrayDispatcher dispatcher, string backend)
    {
        ArrayApiCoverage protocol = ArrayApiStandard.Protocol;
        ArrayApiCoverage own = ArrayApiStandard.CoverageOf(dispatcher.FunctionsOf(backend));
        return new
        {
            version = ArrayApiStandard.Version,
            protocol = new { served = protocol.Served, total = protocol.Total, main = protocol.MainServed, linalg = protocol.LinalgServed, missing = protocol.Missing },
            backend = new { served = own.Served, total = own.Total, main = own.MainServed, linalg = own.LinalgServed, missing = own.Missing },
        };
    }
}
