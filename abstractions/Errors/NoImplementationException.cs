using System.Text;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch;

/// <summary>No backend handled a function for the given argument types (NumPy's <c>TypeError: no implementation found</c>).</summary>
public sealed class NoImplementationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public NoImplementationException(string function, IReadOnlyList<Type> types, IReadOnlyList<Decline> declines, IReadOnlyList<PluginFailure> failedPlugins)
    {
        Function = function;
        Types = types;
        Declines = declines;
        FailedPlugins = failedPlugins;
    }

    /// <summary>The function's name.</summary>
    public string Function { get; }

    /// <summary>The distinct relevant argument types, in dispatch order.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>Each backend consulted, and why it declined.</summary>
    public IReadOnlyList<Decline> Declines { get; }

    /// <summary>
    /// Plugins that did not load (one of them might have handled the call), including those disabled by configuration
    /// (outcome <c>Disabled</c>), which the message lists apart as <c>disabled by configuration: …</c>, not as failures.
    /// </summary>
    public IReadOnlyList<PluginFailure> FailedPlugins { get; }

    /// <summary>The <see cref="PluginFailure.Outcome"/> of a plugin switched off with <c>ArrayDispatch:Plugins:&lt;Name&gt;:Enabled=false</c>.</summary>
    public const string DisabledOutcome = "Disabled";

    /// <inheritdoc/>
    public override string Message
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append("no implementation found for '").Append(Function).Append("' on types [")
              .AppendJoin(", ", Types.Select(t => t.Name)).Append(']');
            int width = Declines.Count == 0 ? 0 : Declines.Max(d => d.Backend.Length) + 1;
            foreach (Decline d in Declines)
            {
                sb.Append('\n').Append("  ").Append((d.Backend + ":").PadRight(width + 1)).Append(d.Reason);
            }
            if (Declines.Count == 0) sb.Append("\n  no backend is loaded that owns these types or handles this function");
            // A plugin switched off on purpose is not a failure: it gets a line of its own, without a reason to chase.
            PluginFailure[] failed = FailedPlugins.Where(p => p.Outcome != DisabledOutcome).ToArray();
            PluginFailure[] disabled = FailedPlugins.Where(p => p.Outcome == DisabledOutcome).ToArray();
            if (failed.Length > 0)
            {
                sb.Append("\nplugins that failed to load: ")
                  .AppendJoin("; ", failed.Select(p => $"{p.Name} ({p.Outcome}: {p.Reason})"));
            }
            if (disabled.Length > 0)
            {
                sb.Append("\ndisabled by configuration: ").AppendJoin(", ", disabled.Select(p => p.Name));
            }
            return sb.ToString();
        }
    }
}

/// <summary>A backend's handler threw: the original exception, with the function and backend named.</summary>
public sealed class BackendCallException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public BackendCallException(string function, string backend, Exception inner)
        : base($"backend '{backend}' failed in '{function}': {inner.Message}", inner)
    {
        Function = function;
        Backend = backend;
    }

    /// <summary>The function called.</summary>
    public string Function { get; }

    /// <summary>The backend whose handler threw.</summary>
    public string Backend { get; }
}
