using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>
/// The real host for Sparse's tests: the runtime's dispatcher (<see cref="TestHost"/>) with the Dense backend (the default)
/// and Sparse loaded, and dense test data placed on Dense through the protocol.
/// </summary>
public static class SparseHost
{
    /// <summary>The host's key for <see cref="SparseOptions.AllowDensify"/>.</summary>
    public const string AllowDensify = "ArrayDispatch:Backends:Sparse:AllowDensify";

    /// <summary>A host with Dense and Sparse, configured by <paramref name="settings"/> (full keys, e.g. <see cref="AllowDensify"/>).</summary>
    public static TestHost Create(params (string Key, string? Value)[] settings) =>
        TestHost.Create(settings.ToDictionary(s => s.Key, s => s.Value), new DensePlugin(), new SparsePlugin());

    /// <summary>A Dense array (a copy of <paramref name="data"/>) of <paramref name="shape"/>, 1-d when no shape is given.</summary>
    public static NDArray DenseOf<T>(T[] data, params int[] shape) where T : unmanaged =>
        Np.Array(HostBuffer.FromContiguous(data, shape.Length == 0 ? new Shape(data.Length) : new Shape(shape)), backend: "Dense");
}
