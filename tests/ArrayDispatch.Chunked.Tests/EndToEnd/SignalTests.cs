using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// np.convolve and np.correlate of chunked sequences, long enough that the window matrix is built in several blocks of
/// output rows (and the kernel in pieces): lazy results equal to Dense's in every mode.
/// </summary>
public sealed class SignalTests
{
    [Theory]
    [InlineData("full")]
    [InlineData("same")]
    [InlineData("valid")]
    public void Convolve_and_correlate_in_several_blocks_are_lazy_and_equal_to_Dense(string mode)
    {
        using TestHost host = Create();
        NDArray signal = DenseData(new Shape(120_000), 1), kernel = DenseData(new Shape(100), 2);
        NDArray x = Np.AsArray(signal, backend: "Chunked", chunks: [25_000]), k = Np.AsArray(kernel, backend: "Chunked", chunks: [40]);
        foreach ((string what, NDArray lazy, NDArray dense) in new[]
        {
            ("convolve", Np.Convolve(x, k, mode), Np.Convolve(signal, kernel, mode)),
            ("correlate", Np.Correlate(x, k, mode), Np.Correlate(signal, kernel, mode)),
            ("correlate, longer second", Np.Correlate(k, x, mode), Np.Correlate(kernel, signal, mode)),
        })
        {
            lazy.ShouldBeOfType<ChunkedArray>(what);
            lazy.Shape.ShouldBe(dense.Shape, what);
            double[] actual = Values(lazy), expected = dense.ToArray<double>();
            actual.Length.ShouldBe(expected.Length, what);
            for (int i = 0; i < expected.Length; i++) actual[i].ShouldBe(expected[i], 1e-9 * (1 + Math.Abs(expected[i])), $"{what} {mode} [{i}]");
        }
    }
}
