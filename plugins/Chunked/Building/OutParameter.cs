using System.Collections.Concurrent;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Calls an element-wise chunk function with NumPy's <c>out=</c> (a reusable intermediate, a recycled chunk or an output
/// tile) where the chunk backend takes it, and without it where the backend declares it does not
/// (<see cref="Plugins.FunctionSupport.TakesOut"/>; Sparse does: its results have their own patterns). A backend that
/// declared nothing yet declines <c>out=</c> is learnt from its decline, remembered per function and array type, so it
/// costs one retry per process, not one per chunk.
/// </summary>
internal static class OutParameter
{
    private static readonly ConcurrentDictionary<(int Function, Type Type), bool> s_declined = new();

    /// <summary>Whether <paramref name="function"/> on <paramref name="into"/>'s backend is declared or known to decline <c>out=</c>.</summary>
    public static bool Declined(ChunkedContext context, ArrayFunction function, NDArray into) =>
        context.Dispatcher.OwnerOf(into.GetType()) is { } owner && context.Dispatcher.SupportOf(owner, function) is { TakesOut: false }
        || s_declined.ContainsKey((function.Id, into.GetType()));

    /// <summary>
    /// Runs <paramref name="withOut"/> when <paramref name="into"/> is set and not known to be declined, else
    /// <paramref name="without"/>; a <see cref="NoImplementationException"/> with <c>out=</c> is retried without it.
    /// </summary>
    public static NDArray Call<TArgs>(ChunkedContext context, ArrayFunction<TArgs, NDArray> function, NDArray? into, TArgs withOut, TArgs without)
        where TArgs : struct, IArrayArgs<TArgs>
    {
        if (into is null || Declined(context, function, into)) return context.Invoke(function, without);
        try
        {
            return context.Invoke(function, withOut);
        }
        catch (NoImplementationException)
        {
            s_declined[(function.Id, into.GetType())] = true;
            return context.Invoke(function, without);
        }
    }
}
