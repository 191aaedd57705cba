using System.Collections.Frozen;
using ArrayDispatch.Runtime.Options;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>The configured ordering rules, frozen from one <see cref="ArrayDispatchOptions"/> value.</summary>
internal sealed class DispatchRules
{
    private static readonly FunctionRule s_noRule = new();

    public DispatchRules(ArrayDispatchOptions options)
    {
        Priority = [.. options.Priority];
        PriorityIndex = options.Priority.Select((name, i) => (name, i)).DistinctBy(p => p.name)
            .ToFrozenDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        Functions = options.Functions.ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        DefaultBackend = options.DefaultBackend;
    }

    public IReadOnlyList<string> Priority { get; }

    public FrozenDictionary<string, int> PriorityIndex { get; }

    public FrozenDictionary<string, FunctionRule> Functions { get; }

    public string? DefaultBackend { get; }

    public FunctionRule For(string function) => Functions.GetValueOrDefault(function) ?? s_noRule;
}
