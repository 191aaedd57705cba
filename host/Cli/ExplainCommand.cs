using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Dispatch;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary><c>explain add Dense Sparse</c>: the candidate chain and the rule (and configuration key) behind each position; <c>explain --signature add</c>: the function's typed signature.</summary>
internal static class ExplainCommand
{
    public static int Run(string[] overrides, string function, string[] typeNames, bool signature = false, bool json = false)
    {
        using var host = AppHost.Start(overrides, out int exit);
        if (host is null) return exit;
        var dispatcher = host.Services.GetRequiredService<Dispatcher>();
        if (!FunctionCatalog.TryGet(function, out ArrayFunction f))
        {
            // NumPy's zeros, ones, identity, diff, …: an Np composition of catalogue functions, which are what dispatches.
            if (ComposedFunctions.TryGet(function, out ComposedFunction? composed))
            {
                if (composed.Requires.Count != 1)
                {
                    Console.Error.WriteLine($"error: '{function}' is {composed.Member}, which calls {string.Join(", ", composed.Requires.Select(r => r.Name))}; explain one of those.");
                    return 1;
                }
                f = composed.Requires[0];
                if (!json) Console.WriteLine($"'{function}' is {composed.Member}, which calls '{f.Name}':");
            }
            else
            {
                Console.Error.WriteLine($"error: unknown function '{function}'.{DidYouMean(function, FunctionCatalog.All.Select(x => x.Name).Concat(ComposedFunctions.All.Select(c => c.Name)))}");
                return 1;
            }
        }
        if (signature)
        {
            // The typed signature instead of a chain: the argument struct, its fields, the result and the handler's shape.
            Console.WriteLine(FunctionReference.Describe(f));
            return 0;
        }
        var types = new List<Type>();
        foreach (string name in typeNames)
        {
            if (Resolve(dispatcher.BackendSet, name) is not { } type)
            {
                IEnumerable<string> known = dispatcher.BackendSet.Backends.SelectMany(b => b.OwnedTypes.Select(t => t.Name).Prepend(b.Name));
                Console.Error.WriteLine($"error: '{name}' is neither a loaded backend nor an array type one of them owns (backends: {string.Join(", ", dispatcher.Backends)}).{DidYouMean(name, known)}");
                return 1;
            }
            types.Add(type);
        }
        DispatchPlan plan = dispatcher.Explain(f, types);
        if (json)
        {
            Json.Write(new
            {
                function = plan.Function,
                types = plan.Types.Select(t => t.Name),
                candidates = plan.Candidates.Select((c, i) => new { position = i + 1, backend = c.Backend, rule = c.Rule.ToString(), coerces = c.Coerces, reason = c.Reason, takes = c.Support?.ToString() ?? "everything" }),
                excluded = plan.Excluded.Select(d => new { backend = d.Backend, reason = d.Reason }),
            });
            return 0;
        }
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(plan.Function)}[/] on [[{Markup.Escape(string.Join(", ", plan.Types.Select(t => t.Name)))}]]");
        var table = new Table().AddColumns("#", "Backend", "Rule", "Why", "Takes");
        for (int i = 0; i < plan.Candidates.Count; i++)
        {
            Candidate c = plan.Candidates[i];
            table.AddRow($"{i + 1}", Markup.Escape(c.Backend), c.Rule.ToString() + (c.Coerces ? " (coerces)" : ""), Markup.Escape(c.Reason), Markup.Escape(c.Support?.ToString() ?? "everything"));
        }
        foreach (Decline d in plan.Excluded) table.AddRow("-", Markup.Escape(d.Backend), "excluded", Markup.Escape(d.Reason), "");
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>" Did you mean 'x'?" for the nearest known name (as configuration errors say it), or nothing.</summary>
    internal static string DidYouMean(string name, IEnumerable<string> known) =>
        NameMatcher.Nearest(name, known) is { } nearest ? $" Did you mean '{nearest}'?" : "";

    private static Type? Resolve(BackendSet set, string name)
    {
        foreach (BackendRegistration b in set.Backends)
        {
            if (string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase) && b.OwnedTypes.Count > 0) return b.OwnedTypes[0];
        }
        foreach (BackendRegistration b in set.Backends)
        {
            foreach (Type t in b.OwnedTypes)
            {
                if (string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t.FullName, name, StringComparison.Ordinal)) return t;
            }
        }
        return null;
    }
}
