using System.Diagnostics;
using System.Globalization;
using ArrayDispatch.Functions;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// Seed example 3, "the same with CuPy": the seed's SVD of a random 5000x1000 array on the Gpu backend, once as one
/// GpuArray and once as a chunked array of Gpu chunks (Dask over CuPy), with the wall time and the relative
/// reconstruction error computed on the device. The app references no plugin: the device is named by the Gpu
/// backend's description, and everything runs through Np.
/// </summary>
internal static class GpuSvdExample
{
    /// <summary>The seed's sizes; on ILGPU's CPU accelerator (a simulator) the demo uses <see cref="SimulatorSizes"/>.</summary>
    public static readonly (int Rows, int Cols, int ChunkRows) SeedSizes = (5000, 1000, 1000);

    /// <summary>Sizes the CPU simulator runs in about a second: its kernels cost about 1.5 µs per GPU thread.</summary>
    public static readonly (int Rows, int Cols, int ChunkRows) SimulatorSizes = (200, 40, 40);

    /// <summary>Whether the Gpu backend runs on ILGPU's CPU accelerator (its description starts with the kind, <c>Cpu</c>).</summary>
    public static bool OnSimulator(IServiceProvider services) =>
        BackendDetails.Describe(services, "Gpu") is { } device && device.StartsWith("Cpu ", StringComparison.Ordinal);

    /// <param name="services">The host's services (for the Gpu backend's device description).</param>
    /// <param name="withChunked">Whether the Chunked backend is loaded (then the chunked svd on Gpu chunks runs too).</param>
    public static void Run(IServiceProvider services, bool withChunked)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Seed example 3[/] (the same with CuPy): u, s, v = svd(x) for x on the Gpu backend, whole and in Gpu chunks");
        string device = BackendDetails.Describe(services, "Gpu") ?? "(no description)";
        AnsiConsole.MarkupLine($"  accelerator: {Markup.Escape(device)}");
        bool simulator = device.StartsWith("Cpu ", StringComparison.Ordinal);
        (int m, int n, int chunk) = simulator ? SimulatorSizes : SeedSizes;
        if (simulator)
        {
            AnsiConsole.MarkupLine(Inv($"  sizes shrunk from {SeedSizes.Rows}x{SeedSizes.Cols} to {m}x{n} (chunks of {chunk}x{n}): this accelerator is ILGPU's CPU simulator, about 1.5 µs per GPU thread, where the seed's size would take minutes"));
        }

        NDArray x = Np.Random.Sample((m, n), Np.Random.DefaultRng(42), backend: "Gpu");
        try
        {
            Whole(x);
            if (withChunked) Chunked(x, chunk);
        }
        catch (Exception ex) when (ex is NoImplementationException or NotSupportedException)
        {
            AnsiConsole.MarkupLine($"  [yellow]not available here[/]: {Markup.Escape(ex.Message.Split('\n')[0])}");
        }
        finally
        {
            (x as IDisposable)?.Dispose();
        }
    }

    private static void Whole(NDArray x)
    {
        Synchronize(x);
        var clock = Stopwatch.StartNew();
        var (u, s, vh) = Np.Linalg.Svd(x, fullMatrices: false);
        Synchronize(s);
        double seconds = clock.Elapsed.TotalSeconds;
        double error = RelativeError(x, u!, s, vh!);
        AnsiConsole.MarkupLine(Inv($"  Np.Linalg.Svd(x), x a {Markup.Escape(x.GetType().Name)} {x.Shape}: {seconds:F2} s; |x - u*s@v| / |x| = {error:E2} (computed on the device); u is a {Markup.Escape(u!.GetType().Name)}"));
    }

    private static void Chunked(NDArray x, int chunk)
    {
        int n = x.Shape.Dims[1];
        int tasks = 0;
        var clock = Stopwatch.StartNew();
        NDArray xc = Np.AsArray(x, backend: "Chunked", chunks: [chunk, n]);
        var (u, s, v) = Np.Linalg.Svd(xc, fullMatrices: false);
        NDArray[] computed;
        using (ChunkedProgress.Subscribe((_, _) => { }, completed => tasks = completed.Tasks))
        {
            computed = Np.Compute(u!, s, v!);
        }
        Synchronize(computed[1]);
        double seconds = clock.Elapsed.TotalSeconds;
        double error = RelativeError(x, computed[0], computed[1], computed[2]);
        AnsiConsole.MarkupLine(Inv($"  chunked svd on Gpu chunks ({x.Shape.Dims[0] / chunk} chunks of {chunk}x{n}, TSQR): {tasks} tasks in {seconds:F2} s; |x - u*s@v| / |x| = {error:E2} (on the device); results are {Markup.Escape(computed[0].GetType().Name)}s"));
    }

    /// <summary>‖x − u·diag(s)·vh‖ / ‖x‖ on the arrays' own backend; only the quotient is read back.</summary>
    internal static double RelativeError(NDArray x, NDArray u, NDArray s, NDArray vh)
    {
        NDArray residual = x - Np.MatMul(u * s, vh);
        return (Np.Sqrt(Np.Sum(residual * residual)) / Np.Sqrt(Np.Sum(x * x))).Item<double>();
    }

    /// <summary>Waits for the device: reading one element back waits for the kernels that made it.</summary>
    private static void Synchronize(NDArray a) => Np.Sum(a).Item<double>();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
