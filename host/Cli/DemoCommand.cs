using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>The seed's examples, run against whatever plugins the configured folders hold.</summary>
internal static class DemoCommand
{
    public static int Run(string[] overrides, DirectoryInfo output)
    {
        // The SVD example writes its graph there at the end: a folder that cannot be made fails now, naming the option,
        // not after the examples have run with a bare "Could not find file".
        try
        {
            output.Create();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] --output {Markup.Escape(output.FullName)}: cannot create the folder: {Markup.Escape(ex.Message)}");
            return 2;
        }
        using var host = AppHost.Start(overrides, out int exit);
        if (host is null) return exit;
        var dispatcher = host.Services.GetRequiredService<Dispatcher>();
        IReadOnlyList<string> backends = dispatcher.Backends;
        AnsiConsole.MarkupLine($"[bold]ArrayDispatch[/]: {backends.Count} backends loaded: {Markup.Escape(string.Join(", ", backends))}");

        if (backends.Contains("ThirdParty")) ThirdPartyExample();
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]One call per backend[/]: Np.Sum of [[1, 2, 3, 4]] created on each backend");
        var table = new Table().AddColumns("Created on", "Dispatched to", "Np.Sum returned", "Value");
        foreach (string backend in backends)
        {
            try
            {
                NDArray x = Np.AsArray(new[] { 1.0, 2.0, 3.0, 4.0 }, backend: backend);
                NDArray sum = Np.Sum(x);
                string value = sum.ToArray<double>()[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                // The first backend in the chain that dispatch would try for these types (Sparse answers with a dense 0-d
                // array, as SciPy does, so the result's type does not say who handled the call).
                string first = dispatcher.Explain(ArrayFunctions.Sum, [x.GetType()]).Candidates.FirstOrDefault()?.Backend ?? "?";
                table.AddRow(Markup.Escape(backend), Markup.Escape(first), Markup.Escape(sum.GetType().Name), value);
            }
            catch (Exception ex) when (ex is NoImplementationException or ArgumentException or NotSupportedException or InvalidOperationException)
            {
                table.AddRow(Markup.Escape(backend), "[yellow]-[/]", "", Markup.Escape(ex.Message.Split('\n')[0]));
            }
        }
        AnsiConsole.Write(table);
        if (backends.Contains("Chunked"))
        {
            // Gpu chunks on ILGPU's CPU simulator (about 1.5 µs per GPU thread) would take minutes at the seed's size.
            string? chunkBackend = host.Services.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?["ArrayDispatch:Backends:Chunked:ChunkBackend"];
            string? shrink = string.Equals(chunkBackend, "Gpu", StringComparison.OrdinalIgnoreCase) && GpuSvdExample.OnSimulator(host.Services)
                ? "the chunks are on the Gpu backend (ChunkBackend = Gpu) and its accelerator is ILGPU's CPU simulator"
                : null;
            ChunkedSvdExample.Run(output, host.Services.GetService<ArrayDispatch.Chunked.Orleans.OrleansChunkScheduler>(), shrink);
        }
        if (backends.Contains("Gpu")) GpuSvdExample.Run(host.Services, withChunked: backends.Contains("Chunked"));
        return 0;
    }

    /// <summary>Seed example 1: a third-party array type opts in to sum and mean, and Np.Sum returns its own type.</summary>
    private static void ThirdPartyExample()
    {
        AnsiConsole.MarkupLine("[bold]Seed example 1[/]: a third-party array type opting in to 'sum' through [[Implements]]");
        NDArray theirs = Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "ThirdParty");
        NDArray sum = Np.Sum(theirs);
        NDArray mean = Np.Mean(theirs);
        AnsiConsole.MarkupLine($"  Np.Sum({Markup.Escape(theirs.ToString())}) -> {Markup.Escape(sum.GetType().Name)} = {sum.ToArray<double>()[0]}");
        AnsiConsole.MarkupLine($"  Np.Mean(...) -> {Markup.Escape(mean.GetType().Name)} = {mean.ToArray<double>()[0]}");
        try
        {
            Np.Exp(theirs);
        }
        catch (NoImplementationException ex)
        {
            AnsiConsole.MarkupLine($"  Np.Exp(...) is not implemented by it, so dispatch says:\n[grey]{Markup.Escape(ex.Message)}[/]");
        }
    }
}
