using System.CommandLine;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// <c>conformance --fixtures DIR [--backend NAME]</c>: runs NumPy's reference answers (a <c>manifest.json</c> made by
/// <c>generate.py</c>) against a backend; cases whose function the backend does not declare count as skipped. Exits 1 when any case failed.
/// </summary>
internal static class ConformanceCommand
{
    public static void AddTo(RootCommand root, Option<string[]> config)
    {
        var fixtures = new Option<DirectoryInfo>("--fixtures") { Description = "The folder holding manifest.json", Required = true };
        var backend = new Option<string>("--backend") { Description = "The backend to check", DefaultValueFactory = _ => "Dense" };
        var command = new Command("conformance", "Check a backend against NumPy's answers");
        command.Options.Add(fixtures);
        command.Options.Add(backend);
        command.SetAction(p => Run(p.GetValue(config) ?? [], p.GetValue(fixtures)!, p.GetValue(backend)!));
        root.Subcommands.Add(command);
    }

    private static int Run(string[] overrides, DirectoryInfo fixtures, string backend)
    {
        if (!File.Exists(Path.Combine(fixtures.FullName, "manifest.json")))
        {
            Console.Error.WriteLine($"error: no manifest.json in {fixtures.FullName}");
            return 2;
        }
        using var host = AppHost.Start(overrides, out int exit);
        if (host is null) return exit;
        var dispatcher = host.Services.GetRequiredService<IArrayDispatcher>();
        if (!dispatcher.Backends.Contains(backend))
        {
            Console.Error.WriteLine($"error: backend '{backend}' is not loaded (loaded: {string.Join(", ", dispatcher.Backends)})");
            return 2;
        }
        FixtureManifest manifest = FixtureManifest.Load(fixtures.FullName);
        IReadOnlyList<FixtureResult> results = new FixtureRunner(dispatcher, backend).RunAll(manifest);
        foreach (FixtureResult r in results.Where(r => r.Outcome == FixtureOutcome.Failed))
        {
            AnsiConsole.MarkupLine($"[red]FAIL[/] {Markup.Escape(r.Id)} ({Markup.Escape(r.Function)}): {Markup.Escape(r.Reason ?? "")}");
        }
        int passed = results.Count(r => r.Outcome == FixtureOutcome.Passed);
        int failed = results.Count(r => r.Outcome == FixtureOutcome.Failed);
        int skipped = results.Count(r => r.Outcome == FixtureOutcome.Skipped);
        Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
        return failed > 0 ? 1 : 0;
    }
}
