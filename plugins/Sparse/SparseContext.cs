using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse;

/// <summary>What the handlers of one registration share: the dispatcher that creates dense results, and the options.</summary>
internal sealed class SparseContext(IArrayDispatcher dispatcher, SparseOptions options)
{
    /// <summary>The options.</summary>
    public SparseOptions Options { get; } = options;

    // Whether the dense backend creates arrays with `empty` (a minimal dense backend may only take `asarray`).
    private readonly Lazy<bool> _denseHasEmpty = new(() => dispatcher.FunctionsOf(options.DenseBackend).Contains("empty"));

    /// <summary>A dense array on the configured dense backend, made from a host buffer through the protocol.</summary>
    public NDArray Dense(HostBuffer buffer) =>
        dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(buffer, Placement: new Placement(Backend: Options.DenseBackend)));

    /// <summary>
    /// A new C-contiguous dense array of <typeparamref name="T"/>'s dtype on the configured dense backend (its <c>empty</c>)
    /// whose elements a kernel writes in place through <see cref="IHostContiguousBytes"/>, or null when that backend's
    /// arrays do not expose their host bytes (then the kernel fills a .NET array that <see cref="Dense"/> hands over).
    /// </summary>
    public (NDArray Array, IHostContiguousBytes Bytes)? EmptyDense<T>(Shape shape) where T : unmanaged
    {
        if (!_denseHasEmpty.Value) return null;
        NDArray array = dispatcher.Create(ArrayFunctions.Empty, new FullArgs(shape, DTypes.Of<T>(), default, new Placement(Backend: Options.DenseBackend)));
        if (array is IHostContiguousBytes { IsHostCContiguous: true } bytes && array.Shape == shape && array.DType == DTypes.Of<T>()) return (array, bytes);
        array.Dispose();
        return null;
    }

    /// <summary>A 0-d dense array holding <paramref name="value"/>.</summary>
    public NDArray Scalar<T>(T value) where T : unmanaged => Dense(HostBuffer.FromContiguous(new[] { value }, Shape.Scalar));

    /// <summary>Refuses a densifying call unless <c>AllowDensify</c> is set.</summary>
    /// <exception cref="SparseDensifyException">Densifying is not allowed.</exception>
    public void RequireDensify(string function, string reason)
    {
        if (!Options.AllowDensify) throw new SparseDensifyException(function, reason);
    }
}
