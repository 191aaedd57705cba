using System.Diagnostics;
using System.Globalization;
using ArrayDispatch.Functions;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// Seed example 2, Dask's: SVD of a chunked random 5000x1000 array builds a task graph, Visualize draws it, Compute runs
/// it. Progress comes from the Chunked plugin's DiagnosticListener ("ArrayDispatch.Chunked"), whose payloads are BCL
/// tuples, so the app needs no reference to the plugin.
/// </summary>
internal static class ChunkedSvdExample
{
    /// <param name="output">Where the graph picture goes.</param>
    /// <param name="cluster">The Orleans scheduler when graphs run on a cluster (the line then says on how many workers), else null.</param>
    /// <param name="shrink">
    /// Why the seed's sizes are too large here, or null: with <c>Backends:Chunked:ChunkBackend = Gpu</c> on ILGPU's CPU
    /// simulator the chunks are <see cref="GpuSvdExample.SimulatorSizes"/>.
    /// </param>
    public static void Run(DirectoryInfo output, ArrayDispatch.Chunked.Orleans.OrleansChunkScheduler? cluster = null, string? shrink = null)
    {
        (int m, int n, int chunk) = shrink is null ? GpuSvdExample.SeedSizes : GpuSvdExample.SimulatorSizes;
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]Seed example 2[/] (Dask): x = random ({m}, {n}) in chunks of ({chunk}, {n}); u, s, v = svd(x)"));
        if (shrink is not null) AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  sizes shrunk from {GpuSvdExample.SeedSizes.Rows}x{GpuSvdExample.SeedSizes.Cols}: {Markup.Escape(shrink)}"));
        var clock = Stopwatch.StartNew();
        NDArray x = Np.Random.Sample((m, n), Np.Random.DefaultRng(42), backend: "Chunked", chunks: [chunk, n]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        AnsiConsole.MarkupLine($"  graph built in {clock.Elapsed.TotalMilliseconds:F1} ms; nothing computed yet");
        AnsiConsole.MarkupLine($"  v = {Markup.Escape(v!.ToString())}");

        output.Create();
        string written = v!.Visualize(Path.Combine(output.FullName, "svd.svg"));
        string dot = Path.ChangeExtension(written, ".dot");
        // The picture is the graph computing v runs; its title says how many tasks the layers built, culled and fused.
        string[] lines = File.Exists(dot) ? File.ReadAllLines(dot) : [];
        int nodes = lines.Count(l => l.TrimStart().StartsWith('n') && l.Contains(" [label=", StringComparison.Ordinal));
        string? title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("label=\"", StringComparison.Ordinal) && l.Contains("labelloc=t", StringComparison.Ordinal));
        string counts = title is null ? $"{nodes} tasks" : title[7..title.IndexOf('"', 7)];
        AnsiConsole.MarkupLine($"  task graph of v: {Markup.Escape(counts)}, written to {Markup.Escape(written)}" +
            (written.EndsWith(".svg", StringComparison.Ordinal) ? "" : " (install Graphviz, apt-get install -y graphviz, for the SVG)"));

        NDArray[] computed = [];
        (int Tasks, long PeakBytes, TimeSpan Elapsed) stats = default;
        clock.Restart();
        if (Console.IsOutputRedirected)
        {
            // A live bar redraws in place; in a file or a pipe it would stay at whatever percentage it last drew.
            var plain = new ProgressLines("compute u, s, v", Console.Out);
            using (ChunkedProgress.Subscribe(plain.Report, completed => stats = completed))
            {
                computed = Np.Compute(u!, s, v, x);
            }
            plain.Complete();
        }
        else
        {
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask bar = ctx.AddTask("compute u, s, v");
                    using IDisposable subscription = ChunkedProgress.Subscribe(
                        (done, total) => { bar.MaxValue = Math.Max(total, 1); bar.Value = done; },
                        completed => stats = completed);
                    computed = Np.Compute(u!, s, v, x);
                    bar.Value = bar.MaxValue;
                });
        }
        double seconds = clock.Elapsed.TotalSeconds;

        // Checked on the host: with Gpu chunks (and linalg coerced to Dense) x and the factors live on different backends.
        static NDArray Host(NDArray a) => a.IsHostResident ? a : Np.AsArray(a.ToHost(), backend: "Dense");
        NDArray uu = Host(computed[0]), ss = Host(computed[1]), vv = Host(computed[2]), xx = Host(computed[3]);
        NDArray reconstruction = Np.MatMul(uu * ss, vv);
        double error = Np.Linalg.Norm(reconstruction - xx).Item<double>() / Np.Linalg.Norm(xx).Item<double>();
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  computed in {seconds:F2} s ({stats.Tasks} tasks run{OnWorkers(cluster)}, peak {stats.PeakBytes / 1e6:F0} MB of chunks); result type {Markup.Escape(computed[2].GetType().Name)}"));
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  relative reconstruction error |u*s@v - x| / |x| = {error:E2}"));
        if (cluster?.LastReport is { } report && (report.Lost.Count > 0 || report.Refused.Count > 0))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"  workers lost mid-compute (their chunks recomputed): {report.Lost.Count}; refused: {string.Join("; ", report.Refused)}"));
        }
        // As the seed's `result = v.compute()`: the values, summarised as NumPy prints a (1000, 1000) array (Gpu downloads them to print).
        AnsiConsole.MarkupLine("  result = v.Compute():");
        foreach (string line in Np.ArrayRepr(computed[2]).Split('\n')) AnsiConsole.WriteLine("  " + line);
    }

    private static string OnWorkers(ArrayDispatch.Chunked.Orleans.OrleansChunkScheduler? cluster) =>
        cluster?.LastReport is { } report
            ? string.Create(CultureInfo.InvariantCulture, $" on {report.WorkersUsed.Count} worker{(report.WorkersUsed.Count == 1 ? "" : "s")}, {report.BytesBetweenWorkers / 1e6:F1} MB moved between them; tasks {report.TaskSeconds:F2} s, fetches {report.FetchSeconds:F2} s")
            : "";
}
