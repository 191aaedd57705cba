using System.Diagnostics;
using System.Globalization;
using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Gpu;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// gpu-bench [--small] [--accelerator Auto|Cuda|OpenCL|Cpu] [--repeat N]
// Elementwise GB/s against the device's copy bandwidth, reductions, float32/float64 matmul GFLOP/s, transfers, and the
// first-call (kernel compile) latency apart from steady state. --small uses sizes that finish in seconds on ILGPU's CPU
// accelerator (a simulator, ~1.5 us per element): numbers then check the script, not the hardware.
bool small = args.Contains("--small");
string accelerator = Arg("--accelerator") ?? "Auto";
int repeat = int.Parse(Arg("--repeat") ?? (small ? "3" : "20"), CultureInfo.InvariantCulture);
int n = small ? 1 << 16 : 1 << 26;
int matmul = small ? 128 : 4096;

var device = new GpuDevice(Enum.Parse<GpuAcceleratorKind>(accelerator, ignoreCase: true));
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DefaultBackend"] = "Gpu" }).Build();
var services = new ServiceCollection();
services.AddArrayDispatch(configuration).AddBackend(new GpuPlugin(device));
using ServiceProvider provider = services.BuildServiceProvider();
using IDisposable binding = Np.UseDispatcher(provider.GetRequiredService<IArrayDispatcher>());

Console.WriteLine($"device: {device.Describe()}");
Console.WriteLine($"sizes: elementwise/reduction n = {n:N0}, matmul {matmul} x {matmul}, {repeat} timed runs (median)");
Console.WriteLine();
Console.WriteLine($"{"operation",-34} {"first call",12} {"steady",12} {"rate",16}");
Console.WriteLine(new string('-', 77));

foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
{
    int size = dtype.ItemSize();
    using var x = (GpuArray)Np.Random.Sample(new Shape(n), Np.Random.DefaultRng(1), dtype);
    using var y = (GpuArray)Np.Random.Sample(new Shape(n), Np.Random.DefaultRng(2), dtype);
    string t = dtype.Name();
    Row($"copy {t} (device to device)", () => Np.Copy(x), s => GBps(2L * n * size, s));
    Row($"add {t}", () => Np.Add(x, y), s => GBps(3L * n * size, s));
    Row($"multiply {t} by scalar", () => Np.Multiply(x, 2.5), s => GBps(2L * n * size, s));
    Row($"exp {t}", () => Np.Exp(x), s => GBps(2L * n * size, s));
    Row($"sum {t}", () => Np.Sum(x), s => GBps((long)n * size, s));
    Row($"max {t}", () => Np.Max(x), s => GBps((long)n * size, s));
    Row($"argmax {t}", () => Np.Argmax(x), s => GBps((long)n * size, s));
}

double[] host = new double[n];
Row("upload float64 (host to device)", () => Np.AsArray(host, backend: "Gpu"), s => GBps(8L * n, s));
using (var g = (GpuArray)Np.AsArray(host, backend: "Gpu"))
{
    Row("download float64 (device to host)", () => { g.ToHost(); return null; }, s => GBps(8L * n, s));
}

foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
{
    using var a = (GpuArray)Np.Random.Sample(new Shape(matmul, matmul), Np.Random.DefaultRng(3), dtype);
    using var b = (GpuArray)Np.Random.Sample(new Shape(matmul, matmul), Np.Random.DefaultRng(4), dtype);
    Row($"matmul {dtype.Name()} {matmul}", () => Np.MatMul(a, b), s => $"{2.0 * matmul * matmul * matmul / s / 1e9,10:F1} GFLOP/s", Math.Min(repeat, small ? 2 : 5));
}

// Correctness on this device: the tiled matmul (GPUs only) and a reduction against plain host loops.
{
    const int m = 300, k = 200, p = 100;
    double[] a = Enumerable.Range(0, m * k).Select(i => Math.Sin(i)).ToArray(), b = Enumerable.Range(0, k * p).Select(i => Math.Cos(i)).ToArray();
    using var ga = (GpuArray)Np.AsArray(a, backend: "Gpu");
    using var gb = (GpuArray)Np.AsArray(b, backend: "Gpu");
    using var c = (GpuArray)Np.MatMul(ga.Reshape(m, k), gb.Reshape(k, p));
    double[] got = c.ToArray<double>();
    double worst = 0;
    for (int i = 0; i < m; i++)
    {
        for (int j = 0; j < p; j++)
        {
            double e = 0;
            for (int q = 0; q < k; q++) e += a[i * k + q] * b[q * p + j];
            worst = Math.Max(worst, Math.Abs(e - got[i * p + j]));
        }
    }
    using var total = (GpuArray)Np.Sum(ga);
    Console.WriteLine();
    Console.WriteLine($"check: matmul float64 {m}x{k} @ {k}x{p} max |error| vs host = {worst:E2}; sum error = {Math.Abs(total.Item<double>() - a.Sum()):E2}");
}

(int kernels, TimeSpan compile) = device.CompiledKernels;
Console.WriteLine();
Console.WriteLine($"kernels compiled: {kernels}, {compile.TotalSeconds:F2} s in all ({compile.TotalMilliseconds / Math.Max(1, kernels):F0} ms each on average)");
device.Dispose();
return 0;

void Row(string name, Func<NDArray?> op, Func<double, string> rate, int runs = -1)
{
    runs = runs < 0 ? repeat : runs;
    double first = Time(op);
    var times = new double[runs];
    for (int i = 0; i < runs; i++) times[i] = Time(op);
    Array.Sort(times);
    double steady = times[runs / 2];
    Console.WriteLine($"{name,-34} {Ms(first),12} {Ms(steady),12} {rate(steady),16}");
}

double Time(Func<NDArray?> op)
{
    device.Synchronize();
    long start = Stopwatch.GetTimestamp();
    NDArray? result = op();
    device.Synchronize();
    double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    (result as IDisposable)?.Dispose();
    return seconds;
}

static string Ms(double seconds) => seconds >= 1 ? $"{seconds:F2} s" : $"{seconds * 1e3:F3} ms";

static string GBps(long bytes, double seconds) => $"{bytes / seconds / 1e9,10:F1} GB/s";

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
