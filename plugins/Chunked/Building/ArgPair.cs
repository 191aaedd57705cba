namespace ArrayDispatch.Chunked.Building;

/// <summary>A partial result of <c>argmin</c>/<c>argmax</c>: the extreme values and their indices in the whole array (int64).</summary>
internal sealed record ArgPair(NDArray Value, NDArray Index);
