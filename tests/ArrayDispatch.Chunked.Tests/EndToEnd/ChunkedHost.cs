using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Dense;
using Shouldly;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>A test host with Dense (the chunk backend, and the default) and Chunked in-process.</summary>
internal static class ChunkedHost
{
    public static TestHost Create(int degree = 2, int splitEvery = 16) => Create(degree, splitEvery, optimize: true, scheduler: null);

    /// <summary>A test host whose tall-and-skinny QR and SVD take TSQR (Dask's graph, the default), never CholeskyQR2.</summary>
    public static TestHost CreateTsqr() => Create(2, 16, optimize: true, scheduler: null, choleskyQr: false);

    /// <summary>A test host with <c>Backends:Chunked:CholeskyQr</c> on: tall-and-skinny float64 QR and SVD by CholeskyQR2 where its bound holds.</summary>
    public static TestHost CreateCholeskyQr() => Create(2, 16, optimize: true, scheduler: null, choleskyQr: true);

    /// <summary>A test host whose Chunked plugin runs graphs on <paramref name="scheduler"/> (the local one when null).</summary>
    public static TestHost Create(int degree, int splitEvery, bool optimize, ArrayDispatch.Chunked.Scheduling.IChunkScheduler? scheduler, bool choleskyQr = false) => TestHost.Create(
        new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Chunked:MaxDegreeOfParallelism"] = degree.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ArrayDispatch:Backends:Chunked:SplitEvery"] = splitEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ArrayDispatch:Backends:Chunked:Optimize"] = optimize ? "true" : "false",
            ["ArrayDispatch:Backends:Chunked:CholeskyQr"] = choleskyQr ? "true" : "false",
        },
        new DensePlugin(), new ChunkedPlugin(scheduler));

    /// <summary>A deterministic float64 Dense array of <paramref name="shape"/>.</summary>
    public static NDArray DenseData(Shape shape, int seed = 1)
    {
        var data = new double[shape.Size];
        var random = new Random(seed);
        for (int i = 0; i < data.Length; i++) data[i] = Math.Round(random.NextDouble() * 20 - 10, 3);
        return Np.AsArray(Interchange.HostBuffer.FromContiguous(data, shape), backend: "Dense");
    }

    public static double[] Values(NDArray a) => a.Compute().ToArray<double>();

    /// <summary>A lazy Chunked result has Dense's shape and dtype before and after compute, and Dense's values.</summary>
    public static void Check(NDArray chunked, NDArray dense)
    {
        chunked.ShouldBeOfType<ChunkedArray>();
        chunked.Shape.ShouldBe(dense.Shape);
        chunked.DType.ShouldBe(dense.DType);
        NDArray computed = chunked.Compute();
        computed.Shape.ShouldBe(dense.Shape);
        computed.DType.ShouldBe(dense.DType);
        computed.ToArray<double>().ShouldBe(dense.ToArray<double>(), 1e-9);
    }
}
