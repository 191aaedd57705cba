using ArrayDispatch.Testing;

[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// One ILGPU CPU accelerator for the whole test run (kernels compile once, ~0.3 s each) and a fresh host per test
/// class instance with <see cref="Np"/> bound to it.
/// </summary>
public abstract class GpuTestBase : IDisposable
{
    /// <summary>The shared accelerator: ILGPU's CPU accelerator runs the real kernels on this GPU-less machine.</summary>
    public static readonly GpuDevice Device = new(GpuAcceleratorKind.Cpu);

    protected GpuTestBase() => Host = TestHost.Create(new GpuPlugin(Device));

    protected TestHost Host { get; }

    protected static GpuArray Gpu<T>(T[] data, params int[] shape) where T : unmanaged =>
        (GpuArray)Np.AsArray(shape.Length == 0 ? Interchange.HostBuffer.FromContiguous(data, new Shape(data.Length)) : Interchange.HostBuffer.FromContiguous(data, new Shape(shape)), backend: "Gpu");

    protected static double[] Doubles(int n, int seed, double lo = -5, double hi = 5)
    {
        var random = new Random(seed);
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = lo + (hi - lo) * random.NextDouble();
        return data;
    }

    protected static void ShouldBeClose(double[] actual, double[] expected, double tolerance = 1e-12, string? what = null)
    {
        actual.Length.ShouldBe(expected.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e)) { double.IsNaN(a).ShouldBeTrue($"{what}[{i}]: expected NaN, got {a}"); continue; }
            if (double.IsInfinity(e)) { a.ShouldBe(e, $"{what}[{i}]"); continue; }
            Math.Abs(a - e).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(e)), $"{what}[{i}]: expected {e}, got {a}");
        }
    }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}
