using System.Collections.Concurrent;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>The process-wide registry of function identities: the protocol's own and those plugins define in their namespaces.</summary>
public static class FunctionCatalog
{
    private static readonly Lock s_gate = new();
    private static readonly ConcurrentDictionary<string, ArrayFunction> s_byName = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, ArrayFunction> s_aliases = new(StringComparer.Ordinal);
    private static ArrayFunction[] s_byId = [];

    /// <summary>Every function defined so far, in <see cref="ArrayFunction.Id"/> order.</summary>
    public static IReadOnlyList<ArrayFunction> All => Volatile.Read(ref s_byId);

    /// <summary>The number of functions defined so far; every <see cref="ArrayFunction.Id"/> is below it.</summary>
    public static int Count => Volatile.Read(ref s_byId).Length;

    /// <summary>
    /// Defines a function, or returns the existing one of that name when its signature is the same. Plugins use this for
    /// functions under their own namespace (<c>"sparse.linalg.cg"</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, or already defined with another signature.</exception>
    public static ArrayFunction<TArgs, TResult> Define<TArgs, TResult>(string name, FunctionKind kind = FunctionKind.Array)
        where TArgs : struct, IArrayArgs<TArgs>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (s_gate)
        {
            if (s_byName.TryGetValue(name, out ArrayFunction? existing))
            {
                return existing as ArrayFunction<TArgs, TResult>
                    ?? throw new ArgumentException(
                        $"function '{name}' is already defined with arguments '{existing.ArgsType.Name}' and result '{existing.ResultType.Name}', not '{typeof(TArgs).Name}' and '{typeof(TResult).Name}'",
                        nameof(name));
            }
            var function = new ArrayFunction<TArgs, TResult>(s_byId.Length, name, kind);
            s_byName[name] = function;
            Volatile.Write(ref s_byId, [.. s_byId, function]);
            return function;
        }
    }

    /// <summary>
    /// Makes <paramref name="alias"/> a second name of <paramref name="function"/> (NumPy's <c>absolute</c> for <c>abs</c>,
    /// the array API standard's <c>acos</c> for <c>arccos</c>): <see cref="TryGet"/> finds the same identity under both
    /// names, so a handler registered for either serves both and dispatch, explain and configuration see one function.
    /// </summary>
    /// <exception cref="ArgumentException">The alias already names another function.</exception>
    public static TFunction Alias<TFunction>(string alias, TFunction function) where TFunction : ArrayFunction
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(function);
        lock (s_gate)
        {
            if (s_byName.TryGetValue(alias, out ArrayFunction? existing) && !ReferenceEquals(existing, function))
                throw new ArgumentException($"'{alias}' already names function '{existing.Name}', so it cannot also name '{function.Name}'", nameof(alias));
            s_byName[alias] = function;
            s_aliases[alias] = function;
            return function;
        }
    }

    /// <summary>Every alias defined so far and the function it names.</summary>
    public static IReadOnlyDictionary<string, ArrayFunction> Aliases
    {
        get
        {
            ArrayFunctions.EnsureDefined();
            lock (s_gate) return new Dictionary<string, ArrayFunction>(s_aliases, StringComparer.Ordinal);
        }
    }

    /// <summary>Finds a function by name or alias.</summary>
    public static bool TryGet(string name, out ArrayFunction function)
    {
        ArrayFunctions.EnsureDefined();
        return s_byName.TryGetValue(name, out function!);
    }

    /// <summary>The function with the given <see cref="ArrayFunction.Id"/>.</summary>
    public static ArrayFunction Get(int id) => Volatile.Read(ref s_byId)[id];
}
