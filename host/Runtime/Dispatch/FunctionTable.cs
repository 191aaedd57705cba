using System.Collections.Concurrent;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>Non-generic view of a function's table, so a snapshot can hold all of them in one array indexed by function id.</summary>
internal abstract class FunctionTable;

/// <summary>
/// The resolved chains of one function, per (types, scope), built on first use. A one-entry inline cache serves the
/// common case of a call site that always sees the same types; the dictionary serves the rest without allocating.
/// </summary>
internal sealed class FunctionTable<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, DispatchContext context) : FunctionTable, IFunctionInvoker<TArgs, TResult>
    where TArgs : struct, IArrayArgs<TArgs>
{
    private readonly ConcurrentDictionary<TypeKey, HandlerChain<TArgs, TResult>> _chains = new();
    private readonly ConcurrentDictionary<(string? Backend, int ScopeId), HandlerChain<TArgs, TResult>> _creationChains = new();
    private ChainEntry? _last;

    /// <summary>The hot path: collect the relevant types, find the chain (a compare on a hit), run it.</summary>
    public TResult Invoke(in TArgs args)
    {
        BackendScope? scope = BackendScope.Current;
        TypeKey key = TypeKey.Collect(in args, scope?.Id ?? 0);
        if (key.Overflow)
        {
            var collector = new TypeListCollector { Types = [] };
            args.VisitRelevant(ref collector);
            return Build(collector.Types, scope).Invoke(in args, collector.Types.ToArray());
        }
        if (key.Count == 0 && scope is null && function.Kind == FunctionKind.Creation)
        {
            return GetCreationChain(null, null).Invoke(in args, []);
        }
        return GetChain(in key).Invoke(in args, key.Types);
    }

    public HandlerChain<TArgs, TResult> GetChain(in TypeKey key)
    {
        ChainEntry? last = Volatile.Read(ref _last);
        if (last is not null && last.Key.Equals(key)) return last.Chain;   // fields, not properties: no copy of the key
        if (!_chains.TryGetValue(key, out HandlerChain<TArgs, TResult>? chain))
        {
            chain = Build(key.Types.ToArray(), BackendScope.Current);
            chain = _chains.GetOrAdd(key, chain);
        }
        Volatile.Write(ref _last, new ChainEntry(key, chain));   // allocates only when the types change
        return chain;
    }

    /// <summary>The uncached path for calls with more distinct types than <see cref="TypeKey.Capacity"/>.</summary>
    public HandlerChain<TArgs, TResult> Build(IReadOnlyList<Type> types, BackendScope? scope) =>
        new(function, ChainResolver.Resolve(context.Backends, context.Rules, function, types, scope), context);

    /// <summary>The chain of a creation call with no array argument: explicit backend, scope, or the default.</summary>
    public HandlerChain<TArgs, TResult> GetCreationChain(string? explicitBackend, BackendScope? scope)
    {
        (string?, int) key = (explicitBackend, explicitBackend is null ? scope?.Id ?? 0 : 0);
        if (_creationChains.TryGetValue(key, out HandlerChain<TArgs, TResult>? chain)) return chain;
        chain = new(function, ChainResolver.ResolveCreation(context.Backends, context.Rules, function, explicitBackend, scope), context);
        return _creationChains.GetOrAdd(key, chain);
    }

    private sealed class ChainEntry(TypeKey key, HandlerChain<TArgs, TResult> chain)
    {
        public readonly TypeKey Key = key;
        public readonly HandlerChain<TArgs, TResult> Chain = chain;
    }
}
