using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>The typed API assembly (ArrayDispatch.Chunked.Api): Dask's rechunk, from_npy and svd_compressed with C# signatures.</summary>
public sealed class TypedApiTests
{
    [Fact]
    public void Rechunk_FromNpy_and_SvdCompressed_through_the_typed_api()
    {
        using TestHost host = ChunkedHost.Create();
        double[] data = Enumerable.Range(0, 60).Select(i => Math.Sin(i)).ToArray();
        NDArray dense = Np.AsArray(data, backend: "Dense").Reshape(12, 5);
        string path = Path.Combine(Path.GetTempPath(), $"typed-{Guid.NewGuid():N}.npy");
        try
        {
            Np.Save(path, dense);
            NDArray lazy = ChunkedArrays.FromNpy(path, [4, 5]);
            NDArray rechunked = ChunkedArrays.Rechunk(lazy, 6, -1);
            NDArray ragged = ChunkedArrays.Rechunk(lazy, [[5, 7], [2, 3]]);

            lazy.ShouldBeAssignableTo<ChunkedArray>();
            rechunked.Compute().ToArray<double>().ShouldBe(data);
            ragged.Compute().ToArray<double>().ShouldBe(data);

            (NDArray u, NDArray s, NDArray v) = ChunkedArrays.SvdCompressed(rechunked, k: 2, nPowerIter: 2, seed: 7);
            NDArray[] computed = Np.Compute(u, s, v);
            (computed[0].Shape, computed[1].Shape, computed[2].Shape).ShouldBe((new Shape(12, 2), new Shape(2), new Shape(2, 5)));
            double[] exact = Np.Linalg.Svd(dense, fullMatrices: false).S.ToArray<double>();
            computed[1].ToArray<double>()[0].ShouldBe(exact[0], 1e-6 * exact[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
