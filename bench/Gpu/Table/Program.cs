using System.Diagnostics;
using System.Globalization;
using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Gpu;
using ILGPU.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// gpu-bench [--small] [--accelerator Auto|Cuda|OpenCL|Cpu] [--repeat N] [--peak-fp32 TFLOPS] [--peak-fp64 TFLOPS]
// Elementwise GB/s against the device's copy bandwidth, reductions, float32/float64 matmul GFLOP/s, transfers, and the
// first-call (kernel compile) latency apart from steady state. The last column compares each row with its goal: element-
// wise and reduction rows with the driver's device-to-device memcpy bandwidth (goal: at least 80%), matmul with the
// device's peak non-tensor FLOP/s (computed from SM count, clock and architecture, or given; goal: float32 at least 30%).
// --small uses sizes that finish in seconds on ILGPU's CPU accelerator (a simulator, ~1.5 us per element): numbers then
// check the script, not the hardware.
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
(double peak32, double peak64, string peakSource) = Peaks(device.Runtime.Accelerator);
Console.WriteLine($"peak (non-tensor): float32 {peak32 / 1e12:F1} TFLOP/s, float64 {peak64 / 1e12:F1} TFLOP/s ({peakSource}); {TheoreticalBandwidth(device.Runtime.Accelerator)}");
Console.WriteLine();
Console.WriteLine($"{"operation",-34} {"first call",12} {"steady",12} {"rate",16}   {"vs goal",-30}");
Console.WriteLine(new string('-', 110));
double copyBandwidth = 0;    // bytes/s of the driver's device-to-device memcpy, the reference of the GB/s rows

foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
{
    int size = dtype.ItemSize();
    using var x = (GpuArray)Np.Random.Sample(new Shape(n), Np.Random.DefaultRng(1), dtype);
    using var y = (GpuArray)Np.Random.Sample(new Shape(n), Np.Random.DefaultRng(2), dtype);
    string t = dtype.Name();
    using (var target = (GpuArray)Np.Empty(new Shape(n), dtype))
    {
        Row($"memcpy {t} (driver, reference)", () => { RawCopy(x, target); return null; }, s => GBps(2L * n * size, s), reference: true);
    }
    Row($"copy {t} (Np.Copy)", () => Np.Copy(x), s => GBps(2L * n * size, s));
    Row($"add {t}", () => Np.Add(x, y), s => GBps(3L * n * size, s));
    Row($"multiply {t} by scalar", () => Np.Multiply(x, 2.5), s => GBps(2L * n * size, s));
    Row($"exp {t}", () => Np.Exp(x), s => GBps(2L * n * size, s));
    Row($"sum {t}", () => Np.Sum(x), s => GBps((long)n * size, s));
    Row($"max {t}", () => Np.Max(x), s => GBps((long)n * size, s));
    Row($"argmax {t}", () => Np.Argmax(x), s => GBps((long)n * size, s));
}

double[] host = new double[n];
Row("upload float64 (host to device)", () => Np.AsArray(host, backend: "Gpu"), s => GBps(8L * n, s), transfer: true);
using (var g = (GpuArray)Np.AsArray(host, backend: "Gpu"))
{
    Row("download float64 (device to host)", () => { g.ToHost(); return null; }, s => GBps(8L * n, s), transfer: true);
}

var checks = new List<string>();
foreach (DType dtype in new[] { DType.Float32, DType.Float64 })
{
    using var a = (GpuArray)Np.Random.Sample(new Shape(matmul, matmul), Np.Random.DefaultRng(3), dtype);
    using var b = (GpuArray)Np.Random.Sample(new Shape(matmul, matmul), Np.Random.DefaultRng(4), dtype);
    double flops = 2.0 * matmul * matmul * matmul, peak = dtype == DType.Float32 ? peak32 : peak64;
    Row($"matmul {dtype.Name()} {matmul}", () => Np.MatMul(a, b), s => $"{flops / s / 1e9,10:F1} GFLOP/s", Math.Min(repeat, small ? 2 : 5),
        goal: s => double.IsNaN(peak) ? "peak unknown" : $"{100 * flops / s / peak,5:F1}% of peak{(dtype == DType.Float32 ? flops / s / peak >= 0.30 ? "  (goal >= 30%: met)" : "  (goal >= 30%: NOT met)" : "")}");
    // Spot check of the full-size product (the blocked kernel on GPUs) against host dot products in float64.
    using (var c = (GpuArray)Np.MatMul(a, b))
    {
        double[] ha = Host64(a), hb = Host64(b), hc = Host64(c);
        var random = new Random(5);
        double worst = 0;
        for (int s = 0; s < 64; s++)
        {
            int i = random.Next(matmul), j = random.Next(matmul);
            double e = 0;
            for (int q = 0; q < matmul; q++) e += ha[(long)i * matmul + q] * hb[(long)q * matmul + j];
            worst = Math.Max(worst, Math.Abs(hc[(long)i * matmul + j] - e) / Math.Max(1, Math.Abs(e)));
        }
        checks.Add($"check: matmul {dtype.Name()} {matmul}: 64 sampled entries, max relative error vs host = {worst:E2}");
    }
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
    Console.WriteLine($"check: matmul float64 {m}x{k} @ {k}x{p} (ragged blocks) max |error| vs host = {worst:E2}; sum error = {Math.Abs(total.Item<double>() - a.Sum()):E2}");
    foreach (string line in checks) Console.WriteLine(line);
}

if (device.Runtime.Staging.DisabledReason is { } reason) Console.WriteLine($"note: pinned staging turned off, transfers went direct: {reason}");
(int kernels, TimeSpan compile) = device.CompiledKernels;
Console.WriteLine();
Console.WriteLine($"kernels compiled: {kernels}, {compile.TotalSeconds:F2} s in all ({compile.TotalMilliseconds / Math.Max(1, kernels):F0} ms each on average)");
device.Dispose();
return 0;

void Row(string name, Func<NDArray?> op, Func<double, string> rate, int runs = -1, bool reference = false, bool transfer = false, Func<double, string>? goal = null)
{
    runs = runs < 0 ? repeat : runs;
    double first = Time(op);
    var times = new double[runs];
    for (int i = 0; i < runs; i++) times[i] = Time(op);
    Array.Sort(times);
    double steady = times[runs / 2];
    string versus;
    if (goal is not null) versus = goal(steady);
    else if (reference)
    {
        copyBandwidth = Bytes(name) / steady;
        versus = "100.0% (the reference)";
    }
    else if (transfer || copyBandwidth == 0) versus = "";
    else
    {
        double share = Bytes(name) / steady / copyBandwidth;
        versus = $"{100 * share,5:F1}% of copy{(share >= 0.8 ? "  (goal >= 80%: met)" : "  (goal >= 80%: NOT met)")}";
    }
    Console.WriteLine($"{name,-34} {Ms(first),12} {Ms(steady),12} {rate(steady),16}   {versus}");
}

// The bytes a GB/s row moves (the same formulas as the rate column).
double Bytes(string name)
{
    int size = name.Contains("float32", StringComparison.Ordinal) ? 4 : 8;
    if (name.StartsWith("add", StringComparison.Ordinal)) return 3.0 * n * size;
    if (name.StartsWith("sum", StringComparison.Ordinal) || name.StartsWith("max", StringComparison.Ordinal) || name.StartsWith("argmax", StringComparison.Ordinal)) return (double)n * size;
    return 2.0 * n * size;
}

static double[] Host64(GpuArray x)
{
    using var converted = (GpuArray)Np.AsType(x, DType.Float64);
    return converted.ToArray<double>();
}

static void RawCopy(GpuArray source, GpuArray target)
{
    if (source.DType == DType.Float32) source.Storage.View<float>().CopyTo(target.Storage.View<float>());
    else source.Storage.View<double>().CopyTo(target.Storage.View<double>());
}

// Peak non-tensor FLOP/s: SMs x FP32 (FP64) lanes per SM x 2 (FMA) x clock, from the CUDA device's properties.
(double Fp32, double Fp64, string Source) Peaks(ILGPU.Runtime.Accelerator accelerator)
{
    double? given32 = Arg("--peak-fp32") is { } p32 ? double.Parse(p32, CultureInfo.InvariantCulture) * 1e12 : null;
    double? given64 = Arg("--peak-fp64") is { } p64 ? double.Parse(p64, CultureInfo.InvariantCulture) * 1e12 : null;
    if (accelerator is ILGPU.Runtime.Cuda.CudaAccelerator cuda)
    {
        (int major, int minor) = (cuda.Architecture.Major, cuda.Architecture.Minor);
        (int lanes32, int lanes64) = (major, minor) switch
        {
            (9, 0) => (128, 64),            // H100 / H200
            (8, 0) or (7, 0) => (64, 32),   // A100, V100
            (6, 0) => (64, 32),
            _ => (128, 2),                  // consumer parts: FP64 at 1/64
        };
        double clock = cuda.ClockRate * 1e3;   // kHz
        double fp32 = cuda.NumMultiprocessors * lanes32 * 2.0 * clock, fp64 = cuda.NumMultiprocessors * lanes64 * 2.0 * clock;
        return (given32 ?? fp32, given64 ?? fp64,
            $"sm_{major}{minor}, {cuda.NumMultiprocessors} SMs at {clock / 1e9:F2} GHz x {lanes32}/{lanes64} FP32/FP64 lanes{(given32 is null && given64 is null ? "" : "; overridden by arguments")}");
    }
    return (given32 ?? double.NaN, given64 ?? double.NaN, "not a CUDA device: pass --peak-fp32/--peak-fp64 to compare");
}

static string TheoreticalBandwidth(ILGPU.Runtime.Accelerator accelerator) => accelerator is ILGPU.Runtime.Cuda.CudaAccelerator cuda
    ? $"DRAM {2.0 * cuda.MemoryClockRate * 1e3 * cuda.MemoryBusWidth / 8 / 1e9:F0} GB/s theoretical ({cuda.MemoryBusWidth}-bit at {cuda.MemoryClockRate / 1e3:F0} MHz, double data rate)"
    : "DRAM bandwidth unknown (not a CUDA device)";

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
