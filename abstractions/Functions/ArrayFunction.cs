using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>How a function finds its backend.</summary>
public enum FunctionKind
{
    /// <summary>Dispatched on the runtime types of its relevant array arguments (NEP 18).</summary>
    Array,
    /// <summary>Creates arrays: goes to the explicit or scoped backend, else <c>like=</c>, else <c>DefaultBackend</c> (NEP 35).</summary>
    Creation,
}

/// <summary>The identity of one protocol function (<c>"sum"</c>, <c>"linalg.svd"</c>, <c>"sparse.linalg.cg"</c>).</summary>
/// <remarks>Identities are process-wide and live in <see cref="ArrayFunctions"/>; <see cref="Id"/> indexes the dispatcher's tables.</remarks>
public abstract class ArrayFunction
{
    private protected ArrayFunction(int id, string name, FunctionKind kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    /// <summary>A small dense integer, unique per process, that indexes dispatch tables.</summary>
    public int Id { get; }

    /// <summary>The NumPy-style name, with a dotted namespace for submodules (<c>"linalg.svd"</c>).</summary>
    public string Name { get; }

    /// <summary>How the function finds its backend.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The argument struct of the function's typed signature.</summary>
    public abstract Type ArgsType { get; }

    /// <summary>The result type of the function's typed signature.</summary>
    public abstract Type ResultType { get; }

    /// <summary>The delegate type a handler for this function must have.</summary>
    public abstract Type HandlerType { get; }

    /// <summary>Drops the cached invoker of dispatch generation <paramref name="token"/>, so a replaced generation (and the plugin versions it references) can be collected.</summary>
    /// <remarks>Internal: the invoker cache is the host's optimisation, not part of the protocol plugins implement.</remarks>
    internal abstract void ForgetInvoker(object token);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A protocol function with its typed signature: arguments <typeparamref name="TArgs"/>, result <typeparamref name="TResult"/>.</summary>
public sealed class ArrayFunction<TArgs, TResult> : ArrayFunction where TArgs : struct, IArrayArgs<TArgs>
{
    private InvokerCache? _cache;

    internal ArrayFunction(int id, string name, FunctionKind kind) : base(id, name, kind) { }

    /// <summary>
    /// Calls the function through <paramref name="dispatcher"/>. The dispatcher's resolved table for this function is
    /// cached here per dispatch generation, which saves the generic interface call on every hit.
    /// </summary>
    public TResult Invoke(IArrayDispatcher dispatcher, in TArgs args)
    {
        InvokerCache? cache = Volatile.Read(ref _cache);
        if (cache is not null && ReferenceEquals(cache.Token, dispatcher.DispatchToken)) return cache.Invoker.Invoke(in args);   // a dispatcher that is not the host's has no token: no hit
        return dispatcher.Invoke(this, in args);
    }

    /// <summary>Remembers the invoker that serves this function for the dispatch generation <paramref name="token"/> (called by the host's dispatcher).</summary>
    internal void CacheInvoker(object token, IFunctionInvoker<TArgs, TResult> invoker)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(invoker);
        Volatile.Write(ref _cache, new InvokerCache(token, invoker));
    }

    /// <inheritdoc/>
    internal override void ForgetInvoker(object token)
    {
        InvokerCache? cache = Volatile.Read(ref _cache);
        if (cache is not null && ReferenceEquals(cache.Token, token)) Interlocked.CompareExchange(ref _cache, null, cache);
    }

    private sealed record InvokerCache(object Token, IFunctionInvoker<TArgs, TResult> Invoker);

    /// <inheritdoc/>
    public override Type ArgsType => typeof(TArgs);

    /// <inheritdoc/>
    public override Type ResultType => typeof(TResult);

    /// <inheritdoc/>
    public override Type HandlerType => typeof(ArrayHandler<TArgs, TResult>);
}
