using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Dense;
using ArrayDispatch.Gpu;
using ArrayDispatch.Sparse;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Chunks of backends other than Dense (Dask wrapping CuPy or pydata/sparse): every chunk operation goes through the
/// dispatcher, so chunks stay on their backend and results come back as that backend's arrays.
/// </summary>
public sealed class OtherChunkBackendTests
{
    private static TestHost GpuChunks() => TestHost.Create(
        new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Chunked:ChunkBackend"] = "Gpu",
            ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu",
        },
        new DensePlugin(), new GpuPlugin(), new ChunkedPlugin());

    [Fact]
    public void Chunks_wrapping_a_gpu_array_compute_on_the_gpu_and_agree_with_dense()
    {
        using TestHost host = GpuChunks();
        NDArray d = DenseData((40, 30));
        NDArray x = Np.AsArray(Np.AsArray(d, backend: "Gpu"), backend: "Chunked", chunks: [16, 16]);

        NDArray fused = Np.Sum(x * 2.0 + 1.0, 0);
        NDArray result = fused.Compute();

        result.Backend.ShouldBe("Gpu");
        result.ToHost().ToContiguous<double>().ShouldBe(Np.Sum(d * 2.0 + 1.0, 0).ToArray<double>(), 1e-9);
    }

    [Fact]
    public void Chunked_creation_makes_gpu_chunks_when_the_chunk_backend_is_gpu()
    {
        using TestHost host = GpuChunks();
        NDArray x = Np.Ones((20, 12), backend: "Chunked", chunks: [8, 5]);

        NDArray computed = (x * 3.0).Compute();

        computed.Backend.ShouldBe("Gpu");
        computed.ToHost().ToContiguous<double>().ShouldAllBe(v => v == 3.0);
        Np.Mean(x).Compute().ToHost().ToContiguous<double>().ShouldBe([1.0]);
    }

    [Fact]
    public void Svd_of_gpu_chunks_runs_its_chunk_qrs_on_the_gpu_and_agrees_with_dense()
    {
        // The Gpu implements linalg.qr and linalg.svd on the device, so the tall-skinny SVD's chunk tasks are no longer refused.
        using TestHost host = GpuChunks();
        NDArray d = DenseData((40, 8));
        NDArray x = Np.AsArray(Np.AsArray(d, backend: "Gpu"), backend: "Chunked", chunks: [10, 8]);

        NDArray s = Np.Linalg.Svd(x, fullMatrices: false).S.Compute();

        s.ToHost().ToContiguous<double>().ShouldBe(Np.Linalg.SvdVals(d).ToArray<double>(), 1e-9);
    }

    [Fact]
    public void Chunks_wrapping_a_sparse_matrix_stay_sparse_and_agree_with_dense()
    {
        using TestHost host = TestHost.Create(new DensePlugin(), new SparsePlugin(), new ChunkedPlugin());
        var values = new double[30 * 20];
        for (int i = 0; i < values.Length; i += 7) values[i] = i % 5 - 2;
        NDArray d = Np.AsArray(Interchange.HostBuffer.FromContiguous(values, new Shape(30, 20)), backend: "Dense");
        NDArray s = Np.AsArray(d, backend: "Sparse", format: "csr");
        NDArray x = Np.AsArray(s, backend: "Chunked", chunks: [10, 10]);
        NDArray v = Np.AsArray(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), backend: "Dense");

        NDArray scaled = (x * 2.0).Compute();
        NDArray rowSums = Np.Sum(x, 1).Compute();
        NDArray product = x.MatMul(v).Compute();

        scaled.Backend.ShouldBe("Sparse");
        scaled.ToHost().ToContiguous<double>().ShouldBe((d * 2.0).ToArray<double>());
        rowSums.ToHost().ToContiguous<double>().ShouldBe(Np.Sum(d, 1).ToArray<double>(), 1e-12);
        product.ToHost().ToContiguous<double>().ShouldBe(d.MatMul(v).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void Sparse_parts_joined_as_chunks_reduce_and_multiply_chunk_by_chunk_as_one_matrix()
    {
        // Sparse's README: a matrix past one sparse array's 2^31 - 1 entries is held as Sparse chunks joined by Chunked.
        using TestHost host = TestHost.Create(new DensePlugin(), new SparsePlugin(), new ChunkedPlugin());
        var values = new double[40 * 20];
        for (int i = 0; i < values.Length; i += 3) values[i] = i % 11 - 5;
        NDArray d = Np.AsArray(Interchange.HostBuffer.FromContiguous(values, new Shape(40, 20)), backend: "Dense");
        NDArray top = Np.AsArray(Np.AsArray(d[..25], backend: "Sparse", format: "csr"), backend: "Chunked", chunks: [25, 20]);
        NDArray bottom = Np.AsArray(Np.AsArray(d[25..], backend: "Sparse", format: "csr"), backend: "Chunked", chunks: [15, 20]);
        NDArray v = Np.AsArray(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), backend: "Dense");

        NDArray x = Np.Concatenate([top, bottom], 0);

        x.Backend.ShouldBe("Chunked");
        x.Chunks![0].ShouldBe([25, 15]);
        Np.Sum(x, 1).Compute().ToHost().ToContiguous<double>().ShouldBe(Np.Sum(d, 1).ToArray<double>(), 1e-12);
        x.MatMul(v).Compute().ToHost().ToContiguous<double>().ShouldBe(d.MatMul(v).ToArray<double>(), 1e-12);
        (x * 2.0).Compute().Backend.ShouldBe("Sparse");
    }

    [Fact]
    public void Fused_chains_on_sparse_chunks_stay_sparse_although_sparse_declines_out()
    {
        using TestHost host = TestHost.Create(new DensePlugin(), new SparsePlugin(), new ChunkedPlugin());
        // The second multiply would write into the first one's result (out=), which Sparse declines: it is called without.
        // 1200 x 1000 float64 chunks are 9.6 MB if dense: over the size where dense chunks are tiled (Sparse ones are not).
        var values = new double[2400 * 1000];
        for (int i = 0; i < values.Length; i += 997) values[i] = i % 7 - 3;
        NDArray d = Np.AsArray(Interchange.HostBuffer.FromContiguous(values, new Shape(2400, 1000)), backend: "Dense");
        NDArray x = Np.AsArray(Np.AsArray(d, backend: "Sparse", format: "csr"), backend: "Chunked", chunks: [1200, 1000]);

        NDArray y = (x * 2.0 * 3.0).Compute();

        y.Backend.ShouldBe("Sparse");
        y.ToHost().ToContiguous<double>().ShouldBe((d * 6.0).ToArray<double>());
    }
}
