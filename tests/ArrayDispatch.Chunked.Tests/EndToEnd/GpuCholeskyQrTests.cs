using ArrayDispatch.Gpu;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// CholeskyQR2 over Gpu chunks (the GPU's own tall-and-skinny QR: products and one small Cholesky per step): every task
/// runs on the device, and only the two norms of the first step's accuracy check come back to the host.
/// </summary>
public sealed class GpuCholeskyQrTests : IDisposable
{
    private readonly GpuDevice _device = new(GpuAcceleratorKind.Cpu);
    private readonly ValueRecordingScheduler _scheduler = new();
    private readonly TestHost _host;

    public GpuCholeskyQrTests() => _host = GpuChunkTests.CreateHost(_device, _scheduler, choleskyQr: true);

    public void Dispose()
    {
        _host.Dispose();
        _device.Dispose();
    }

    [Fact]
    public void Svd_and_qr_of_gpu_chunks_run_on_the_device_and_agree_with_dense()
    {
        NDArray x = Np.Random.Sample((60, 8), Np.Random.DefaultRng(7), backend: "Chunked", chunks: [20, 8]);
        NDArray d = Np.AsArray(x.Compute().ToHost(), backend: "Dense");
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        var (q, r) = Np.Linalg.Qr(x);
        _scheduler.Clear();
        GpuTransferCounts before = _device.Transfers;
        NDArray[] computed = Np.Compute(u!, s, v!, q!, r);
        GpuTransferCounts moved = _device.Transfers - before;
        moved.DownloadedBytes.ShouldBeLessThanOrEqualTo(8 * moved.Downloads, "a task read more than scalars back to the host");
        _scheduler.Values.Keys.ShouldContain(k => k.StartsWith("cholqr-r1-", StringComparison.Ordinal));
        foreach ((string key, (string function, Type[] types)) in _scheduler.Values)
        {
            types.ShouldAllBe(t => t == typeof(GpuArray), $"task {key} ({function}) returned {string.Join(", ", types.Select(t => t.Name))}");
        }
        computed.ShouldAllBe(c => c is GpuArray);

        NDArray[] host = [.. computed.Select(c => Np.AsArray(c.ToHost(), backend: "Dense"))];
        double[] dense = Np.Linalg.Svd(d, fullMatrices: false, computeUV: false).S.ToArray<double>();
        host[1].ToArray<double>().ShouldBe(dense, 1e-12 * dense[0]);
        Np.MatMul(host[0] * host[1], host[2]).ToArray<double>().ShouldBe(d.ToArray<double>(), 1e-12);
        Np.MatMul(host[3], host[4]).ToArray<double>().ShouldBe(d.ToArray<double>(), 1e-12);
        Np.MatMul(host[3].T, host[3]).ToArray<double>().ShouldBe(Np.Eye(8, backend: "Dense").ToArray<double>(), 1e-13);
        Np.MatMul(host[0].T, host[0]).ToArray<double>().ShouldBe(Np.Eye(8, backend: "Dense").ToArray<double>(), 1e-13);
    }
}
