using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse;

/// <summary>What the handlers of one registration share: the dispatcher that creates dense results, and the options.</summary>
internal sealed class SparseContext(IArrayDispatcher dispatcher, SparseOptions options)
{
    /// <summary>The options.</summary>
    public SparseOptions Options { get; } = options;

    /// <summary>A dense array on the configured dense backend, made from a host buffer through the protocol.</summary>
    public NDArray Dense(HostBuffer buffer) =>
        dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(buffer, Placement: new Placement(Backend: Options.DenseBackend)));

    /// <summary>A 0-d dense array holding <paramref name="value"/>.</summary>
    public NDArray Scalar<T>(T value) where T : unmanaged => Dense(HostBuffer.FromContiguous(new[] { value }, Shape.Scalar));

    /// <summary>Refuses a densifying call unless <c>AllowDensify</c> is set.</summary>
    /// <exception cref="SparseDensifyException">Densifying is not allowed.</exception>
    public void RequireDensify(string function, string reason)
    {
        if (!Options.AllowDensify) throw new SparseDensifyException(function, reason);
    }
}
