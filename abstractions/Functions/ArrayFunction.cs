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
    // The signature's types are fields of this class, not overrides in the generic one: a property of
    // ArrayFunction<TArgs, TResult> is compiled once per argument struct (structs are not shared generic code), which the
    // host's start-up paid for ~40 functions' three properties when it validates registrations.
    private protected ArrayFunction(int id, string name, FunctionKind kind, Type argsType, Type resultType, Type handlerType)
    {
        Id = id;
        Name = name;
        Kind = kind;
        ArgsType = argsType;
        ResultType = resultType;
        HandlerType = handlerType;
    }

    /// <summary>A small dense integer, unique per process, that indexes dispatch tables.</summary>
    public int Id { get; }

    /// <summary>The NumPy-style name, with a dotted namespace for submodules (<c>"linalg.svd"</c>).</summary>
    public string Name { get; }

    /// <summary>How the function finds its backend.</summary>
    public FunctionKind Kind { get; }

    /// <summary>The argument struct of the function's typed signature.</summary>
    public Type ArgsType { get; }

    /// <summary>The result type of the function's typed signature.</summary>
    public Type ResultType { get; }

    /// <summary>The delegate type a handler for this function must have.</summary>
    public Type HandlerType { get; }

    /// <summary>Drops the cached invoker of dispatch generation <paramref name="generation"/>, so a replaced generation (and the plugin versions it references) can be collected.</summary>
    /// <remarks>Internal: the invoker cache is the host's optimisation, not part of the protocol plugins implement.</remarks>
    /// <remarks>
    /// Not generic code: a rebuild calls this for every catalogue function, and at start-up (when plugins register after
    /// the dispatcher exists) none has an invoker yet; an override per argument struct was compiled for each of them
    /// (~100 tier-0 methods in the host's cold start, issue #18), only to find nothing to drop.
    /// </remarks>
    internal void ForgetInvoker(DispatchGeneration generation)
    {
        if (ReferenceEquals(Volatile.Read(ref _cachedGeneration), generation)) DropInvoker(generation);
    }

    // The generation of the cached invoker, kept here so that ForgetInvoker needs no generic code (see above).
    private protected DispatchGeneration? _cachedGeneration;

    private protected abstract void DropInvoker(DispatchGeneration generation);

    /// <summary>
    /// Registers <paramref name="handler"/> (of <see cref="HandlerType"/>) for this function: the typed
    /// <see cref="Plugins.IBackendBuilder.Implement{TArgs, TResult}"/> call for a handler known only as a <see cref="Delegate"/>.
    /// </summary>
    /// <remarks>A virtual call instead of <c>MakeGenericMethod(...).Invoke</c>: reflection's invoke emitted and fully
    /// optimised one stub per signature (45 in the host's cold start, issue #18).</remarks>
    internal abstract void ImplementOn(Plugins.IBackendBuilder builder, Delegate handler);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A protocol function with its typed signature: arguments <typeparamref name="TArgs"/>, result <typeparamref name="TResult"/>.</summary>
public sealed class ArrayFunction<TArgs, TResult> : ArrayFunction where TArgs : struct, IArrayArgs<TArgs>
{
    private FunctionInvoker<TArgs, TResult>? _invoker;

    internal ArrayFunction(int id, string name, FunctionKind kind)
        : base(id, name, kind, typeof(TArgs), typeof(TResult), typeof(ArrayHandler<TArgs, TResult>)) { }

    /// <summary>
    /// Calls the function through <paramref name="dispatcher"/>. The dispatcher's resolved table for this function is
    /// cached here per dispatch generation, so a hit costs two field compares and one virtual call instead of the
    /// generic interface call into the dispatcher.
    /// </summary>
    public TResult Invoke(IArrayDispatcher dispatcher, in TArgs args)
    {
        FunctionInvoker<TArgs, TResult>? invoker = Volatile.Read(ref _invoker);
        if (invoker is not null && ReferenceEquals(invoker.Owner, dispatcher) && !invoker.Generation.Retired) return invoker.Invoke(in args);
        return dispatcher.Invoke(this, in args);
    }

    /// <summary>Remembers the invoker that serves this function for its dispatch generation (called by the host's dispatcher).</summary>
    /// <remarks>An invoker of a generation retired meanwhile is stored harmlessly: the hit test above refuses it.</remarks>
    internal void CacheInvoker(FunctionInvoker<TArgs, TResult> invoker)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        Volatile.Write(ref _cachedGeneration, invoker.Generation);
        Volatile.Write(ref _invoker, invoker);
    }

    /// <inheritdoc/>
    private protected override void DropInvoker(DispatchGeneration generation)
    {
        FunctionInvoker<TArgs, TResult>? invoker = Volatile.Read(ref _invoker);
        if (invoker is not null && ReferenceEquals(invoker.Generation, generation)) Interlocked.CompareExchange(ref _invoker, null, invoker);
    }

    /// <inheritdoc/>
    internal override void ImplementOn(Plugins.IBackendBuilder builder, Delegate handler) =>
        builder.Implement(this, handler as ArrayHandler<TArgs, TResult> ?? throw new ArgumentException(
            $"the handler of '{Name}' must be an {TypeNames.Of(HandlerType)} (got {TypeNames.Of(handler?.GetType())})", nameof(handler)));
}
