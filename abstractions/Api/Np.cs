using System.Runtime.CompilerServices;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch;

/// <summary>
/// The NumPy API as a protocol: every call goes through the dispatcher to the backend that owns the arrays involved.
/// <c>AddArrayDispatch</c> binds it to the host's dispatcher; <see cref="UseDispatcher"/> binds it for one async flow.
/// </summary>
public static partial class Np
{
    private static IArrayDispatcher? s_global;

    // The live process-wide bindings, oldest first (one per started host): s_global is the newest's dispatcher.
    private static readonly List<Unbinder> s_bindings = [];
    private static readonly Lock s_bindingGate = new();

    /// <summary>The dispatcher calls go to: the one bound to this async flow, else the host's.</summary>
    /// <exception cref="InvalidOperationException">No dispatcher is bound.</exception>
    public static IArrayDispatcher Dispatcher
    {
        get
        {
            // The common case first, with no taken branch: nothing bound per flow anywhere, a host bound once.
            IArrayDispatcher? global = Volatile.Read(ref s_global);
            if (AmbientState.Open == 0 && global is not null) return global;
            return FlowDispatcher();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IArrayDispatcher FlowDispatcher() =>
        AmbientState.Current?.Dispatcher ?? Volatile.Read(ref s_global) ?? ThrowNotBound();

    private static IArrayDispatcher ThrowNotBound() => throw new InvalidOperationException(
        "no array dispatcher is bound: call services.AddArrayDispatch(configuration) and start the host (its StartAsync binds Np), or use Np.UseDispatcher(dispatcher)");

    /// <summary>
    /// Binds the process-wide dispatcher (done by the host when it starts); returns a token that unbinds it. With several
    /// hosts started in one process the newest started serves, and stopping it gives the static facade back to the one
    /// started before it that still runs.
    /// </summary>
    public static IDisposable Bind(IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var binding = new Unbinder(dispatcher);
        lock (s_bindingGate)
        {
            s_bindings.Add(binding);
            Volatile.Write(ref s_global, dispatcher);
        }
        return binding;
    }

    /// <summary>Sends the calls of the current async flow to <paramref name="dispatcher"/> until the result is disposed (for several hosts in one process).</summary>
    public static IDisposable UseDispatcher(IArrayDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        AmbientState.Opened();
        AmbientState? previous = AmbientState.Current;
        AmbientState.Current = new AmbientState(dispatcher, previous?.Scope);
        return new Restorer(previous);
    }

    /// <summary>
    /// Tries <paramref name="backend"/> first for every call in the current async flow until the scope is disposed
    /// (uarray's <c>set_backend</c>). Scopes nest.
    /// </summary>
    /// <param name="backend">The backend's name.</param>
    /// <param name="only">Try no other backend (uarray's <c>only=True</c>).</param>
    /// <param name="coerce">Let the backend convert arrays it does not own.</param>
    public static BackendScope UseBackend(string backend, bool only = false, bool coerce = false) => new(backend, only, coerce);

    /// <summary>Calls a function defined by a plugin, by name, e.g. <c>Np.Call("sparse.linalg.cg", [a, b], new Dictionary&lt;string, object?&gt; { ["rtol"] = 1e-10 })</c>.</summary>
    /// <exception cref="ArgumentException">No loaded plugin defines <paramref name="function"/>, or it is not called by name.</exception>
    public static NDArray[] Call(string function, NDArray[] arrays, IReadOnlyDictionary<string, object?>? options = null)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (!FunctionCatalog.TryGet(function, out ArrayFunction f))
        {
            throw new ArgumentException($"no function named '{function}' is defined; functions outside NumPy's API come from plugins, so check that the plugin defining it is loaded", nameof(function));
        }
        if (f is not ArrayFunction<CallArgs, NDArray[]> callable)
        {
            throw new ArgumentException($"'{function}' takes {f.ArgsType.Name}, not arrays and options: call it through its Np method", nameof(function));
        }
        return callable.Invoke(Dispatcher, new CallArgs(arrays, options));
    }

    /// <summary>Evaluates lazy arrays together, sharing common work (Dask's <c>compute(a, b, …)</c>); eager arrays come back as they are.</summary>
    public static NDArray[] Compute(params NDArray[] arrays) => ArrayFunctions.Compute.Invoke(Dispatcher, new ArrayListArgs(NotNull(arrays), null));

    /// <summary>
    /// <see cref="Compute(NDArray[])"/> that stops with an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled, before or during the compute (a lazy backend reads it from
    /// <see cref="ComputeCancellation.Token"/>). The arrays stay usable: a later compute starts again.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static NDArray[] Compute(NDArray[] arrays, CancellationToken cancellationToken)
    {
        NotNull(arrays);
        cancellationToken.ThrowIfCancellationRequested();
        using (ComputeCancellation.Use(cancellationToken))
        {
            return Compute(arrays);
        }
    }

    /// <summary>
    /// Cancels every compute of the current async flow with <paramref name="cancellationToken"/> until the result is
    /// disposed, the implicit ones included (reading a lazy array's values, printing it, a function that computes part
    /// of its input): <c>using (Np.UseCancellation(stoppingToken)) { … }</c>. Scopes nest; either token cancels.
    /// </summary>
    public static IDisposable UseCancellation(CancellationToken cancellationToken) => ComputeCancellation.Use(cancellationToken);

    /// <summary>Writes the task graph behind <paramref name="arrays"/> to <paramref name="path"/> (Dask's <c>visualize</c>).</summary>
    public static string Visualize(string path, params NDArray[] arrays) => ArrayFunctions.Visualize.Invoke(Dispatcher, new VisualizeArgs(NotNull(arrays), NotNull(path)));

    private sealed class Unbinder(IArrayDispatcher dispatcher) : IDisposable
    {
        public IArrayDispatcher Dispatcher { get; } = dispatcher;

        // Stopping the newest of two hosts left Np unbound while the older one still ran ("no array dispatcher is bound").
        public void Dispose()
        {
            lock (s_bindingGate)
            {
                if (!s_bindings.Remove(this)) return;
                Volatile.Write(ref s_global, s_bindings.Count == 0 ? null : s_bindings[^1].Dispatcher);
            }
        }
    }

    private sealed class Restorer(AmbientState? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            AmbientState.Current = previous;
            AmbientState.Closed();
        }
    }

    // A facade argument that may not be null, named as the caller wrote it (ArgumentNullException's parameter name).
    internal static T NotNull<T>([System.Diagnostics.CodeAnalysis.NotNull] T? value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) where T : class =>
        value ?? throw new ArgumentNullException(name);
}
