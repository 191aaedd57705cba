using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>The bytes a task result holds, for the peak-memory statistic.</summary>
internal static class ValueSize
{
    public static long Of(object? value) => value switch
    {
        null => 0,
        NDArray a => a.Size * a.DType.ItemSize(),
        _ => Graph.TaskValues.Parts(value) is { } parts ? Sum(parts) : 0,
    };

    private static long Sum(NDArray?[] list)
    {
        long total = 0;
        foreach (NDArray? a in list) total += Of(a);
        return total;
    }
}
