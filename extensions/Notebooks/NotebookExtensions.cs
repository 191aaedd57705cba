namespace ArrayDispatch.Notebooks;

/// <summary>Notebook helpers on arrays.</summary>
public static class NotebookExtensions
{
    /// <summary>Dask's <c>visualize()</c> in a notebook: draws the task graph behind <paramref name="x"/> and returns it for inline display.</summary>
    /// <remarks>The drawing goes through <see cref="NDArray.Visualize"/> into a temporary folder, removed afterwards.</remarks>
    public static GraphImage VisualizeInline(this NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        string folder = Directory.CreateTempSubdirectory("arraydispatch-graph-").FullName;
        try
        {
            string written = x.Visualize(Path.Combine(folder, "graph.svg"));
            return written.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)
                ? new GraphImage(File.ReadAllText(written), null)
                : new GraphImage(null, File.ReadAllText(written));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
