using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Dispatch;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary><c>backends</c>: one row per plugin found.</summary>
internal static class BackendsCommand
{
    public static int Run(string[] overrides, bool json = false, bool functions = false)
    {
        using var host = AppHost.Start(overrides, out int exit);
        if (host is null) return exit;
        var dispatcher = host.Services.GetRequiredService<Dispatcher>();
        var report = host.Services.GetRequiredService<PluginLoadReport>();
        var registry = host.Services.GetRequiredService<BackendRegistry>();
        IConfiguration section = host.Services.GetRequiredService<IConfiguration>().GetSection(ArrayDispatch.Runtime.Options.ArrayDispatchOptions.SectionName);
        IReadOnlyList<(string Key, string Path, string Value, bool IsDefault)> Settings(PluginLoadResult r) =>
            !r.Loaded || !registry.Current.ByName.TryGetValue(r.Name, out BackendRegistration? b) ? []
            : b.BackendSettings.Select(s =>
            {
                (string path, string? value) = s.Read(section, r.Name);
                return (s.Key, path, value ?? s.Default ?? "(not set)", value is null);
            }).ToArray();
        if (json)
        {
            Json.Write(new
            {
                defaultBackend = dispatcher.Options.DefaultBackend,
                priority = dispatcher.Options.Priority,
                plugins = report.Latest.Select(r => new
                {
                    name = r.Name,
                    version = r.Version?.ToString(),
                    status = r.Outcome.ToString(),
                    loaded = r.Loaded,
                    reason = r.Loaded ? null : r.Reason,
                    arrayTypes = r.ArrayTypes ?? [],
                    functions = r.Loaded ? r.FunctionCount : (int?)null,
                    priorityIndex = dispatcher.Options.Priority.IndexOf(r.Name) is int i and >= 0 ? i : (int?)null,
                    details = r.Loaded ? BackendDetails.Describe(host.Services, r.Name) : null,
                    settings = Settings(r).ToDictionary(x => x.Key, x => new { key = x.Path, value = x.Value, isDefault = x.IsDefault }),
                    declaredFunctions = functions && r.Loaded ? dispatcher.FunctionsOf(r.Name).Order(StringComparer.Ordinal).ToArray() : null,
                    arrayApi = functions && r.Loaded ? ConformanceCommand.ArrayApiJson(dispatcher, r.Name) : null,
                    folder = r.Folder,
                }),
            });
            return 0;
        }
        StartupTrace.Mark("backends: services resolved");
        var table = new Table().AddColumns("Backend", "Version", "Status", "Array types", "Functions", "Priority", "Details");
        foreach (PluginLoadResult r in report.Latest)
        {
            // Shown as "rank (configuration key)": explain cites the same key, ArrayDispatch:Priority:<index>.
            int rank = dispatcher.Options.Priority.IndexOf(r.Name);
            string status = r.Outcome switch
            {
                PluginOutcome.Loaded => "[green]loaded[/]",
                PluginOutcome.Disabled => "[grey]disabled[/]",
                _ => $"[red]refused: {r.Outcome}[/]",
            };
            string details = r.Loaded
                ? BackendDetails.Describe(host.Services, r.Name) ?? (r.Folder is null ? "in-process" : Path.GetRelativePath(AppContext.BaseDirectory, r.Folder))
                : r.Reason;
            // The backend's own settings that name another backend (Chunked's ChunkBackend): what the chunks are made on.
            foreach ((string key, string path, string value, bool isDefault) in Settings(r))
            {
                details += $"; {key} = {value} ({(isDefault ? "default; set " : "")}{path})";
            }
            table.AddRow(Markup.Escape(r.Name), r.Version?.ToString() ?? "", status, Markup.Escape(string.Join(", ", r.ArrayTypes ?? [])),
                r.Loaded ? r.FunctionCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", rank >= 0 ? $"{rank + 1} (Priority:{rank})" : "-", Markup.Escape(details));
        }
        StartupTrace.Mark("backends: rows made (device descriptions)");
        AnsiConsole.Write(table);
        StartupTrace.Mark("backends: table written (Spectre.Console)");
        AnsiConsole.MarkupLine($"Default backend: [bold]{Markup.Escape(dispatcher.Options.DefaultBackend ?? "(none)")}[/]; priority: {Markup.Escape(string.Join(" > ", dispatcher.Options.Priority.Select((name, i) => $"{name} (Priority:{i})")))}; backends not listed keep their argument-order place");
        if (functions) WriteFunctions(dispatcher, report);
        return 0;
    }

    /// <summary>
    /// <c>backends --functions</c>: the array API standard's coverage in the protocol, then per loaded backend the
    /// functions it declares, its coverage line and the standard's names it does not serve.
    /// </summary>
    private static void WriteFunctions(Dispatcher dispatcher, PluginLoadReport report)
    {
        Console.WriteLine(ArrayApiStandard.Protocol.ToString());
        foreach (PluginLoadResult r in report.Latest.Where(r => r.Loaded))
        {
            IReadOnlyCollection<string> declared = dispatcher.FunctionsOf(r.Name);
            ArrayApiCoverage coverage = ArrayApiStandard.CoverageOf(declared);
            Console.WriteLine();
            Console.WriteLine($"{r.Name}: {declared.Count} functions; {coverage}");
            Console.WriteLine($"  {string.Join(", ", declared.Order(StringComparer.Ordinal))}");
            if (coverage.Missing.Count > 0) Console.WriteLine($"  not served: {string.Join(", ", coverage.Missing)}");
            // What it declared it does not take (FunctionSupport), grouped: the dispatcher refuses those calls up front.
            var restricted = declared.Order(StringComparer.Ordinal)
                .Select(name => (Name: name, Support: FunctionCatalog.TryGet(name, out ArrayFunction f) ? dispatcher.SupportOf(r.Name, f) : null))
                .Where(x => x.Support is { IsUnrestricted: false })
                .GroupBy(x => x.Support!.ToString() + (x.Support!.Reason is { } why ? $" ({why})" : ""));
            foreach (var group in restricted) Console.WriteLine($"  takes {group.Key}: {string.Join(", ", group.Select(x => x.Name))}");
        }
    }
}
