using System.Collections.Concurrent;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// The resolved chains of one function, per (types, scope), built on first use. A one-entry inline cache serves the
/// common case of a call site that always sees the same types; the dictionary serves the rest without allocating.
/// </summary>
internal sealed class FunctionTable<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, DispatchContext context, DispatchGeneration generation)
    : FunctionInvoker<TArgs, TResult>(context.Dispatcher, generation)
    where TArgs : struct, IArrayArgs<TArgs>
{
    private readonly ConcurrentDictionary<TypeKey, HandlerChain<TArgs, TResult>> _chains = new();
    private readonly ConcurrentDictionary<(string? Backend, int ScopeId), HandlerChain<TArgs, TResult>> _creationChains = new();
    private ChainEntry? _last;
    private RecentCall<TArgs, TResult>? _recent;

    /// <summary>The hot path: the last call's visit sequence (a compare per array on a hit), else the keyed tables.</summary>
    public override TResult Invoke(in TArgs args)
    {
        RecentCall<TArgs, TResult>? recent = Volatile.Read(ref _recent);
        if (AmbientState.Open == 0)
        {
            // No scope open anywhere in the process: scope id 0, and no async-local read.
            if (recent is not null && recent.Matches(in args, 0)) return recent.Chain.Invoke(in args, recent.Types);
            return InvokeKeyed(in args, null, 0);
        }
        return InvokeScoped(in args, recent);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]   // keeps the hit path's frame small
    private TResult InvokeScoped(in TArgs args, RecentCall<TArgs, TResult>? recent)
    {
        BackendScope? scope = BackendScope.Current;
        int scopeId = scope?.Id ?? 0;
        if (recent is not null && recent.Matches(in args, scopeId)) return recent.Chain.Invoke(in args, recent.Types);
        return InvokeKeyed(in args, scope, scopeId);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private TResult InvokeKeyed(in TArgs args, BackendScope? scope, int scopeId)
    {
        TypeKey key = TypeKey.Collect(in args, scopeId);
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
        HandlerChain<TArgs, TResult> chain = GetChain(in key);
        if (RecentCall<TArgs, TResult>.Record(in args) is { } visited)
        {
            Volatile.Write(ref _recent, new RecentCall<TArgs, TResult>(visited, scopeId, chain, key.Types.ToArray()));   // allocates only when the types change
        }
        return chain.Invoke(in args, key.Types);
    }

    public HandlerChain<TArgs, TResult> GetChain(in TypeKey collected)
    {
        ChainEntry? last = Volatile.Read(ref _last);
        if (last is not null && last.Key.SameTypes(in collected)) return last.Chain;   // fields, not properties: no copy of the key
        TypeKey key = collected.WithHash();
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
