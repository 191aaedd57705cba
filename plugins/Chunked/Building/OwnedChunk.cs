namespace ArrayDispatch.Chunked.Building;

/// <summary>An input chunk handed to an element-wise task that may overwrite it (it is fresh and nothing else reads it).</summary>
internal sealed record OwnedChunk(NDArray Array);
