namespace ArrayDispatch.Chunked.Building;

/// <summary>An input chunk handed to an element-wise task that may overwrite it (it is fresh and nothing else reads it).</summary>
internal sealed record OwnedChunk(NDArray Array)
{
    /// <summary>The array of a task input: the owned chunk's, or the input itself.</summary>
    public static NDArray ArrayOf(object input) => input is OwnedChunk owned ? owned.Array : (NDArray)input;
}
