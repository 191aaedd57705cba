using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>
/// NEP 18's types check for Chunked: a call is handled when at least one relevant argument is a <see cref="ChunkedArray"/>
/// and every other one is host-resident (those are wrapped as single-chunk arrays, as Dask wraps NumPy arrays); device
/// arrays and other lazy arrays make the handler decline.
/// </summary>
internal static class ChunkedArgs
{
    public static bool Accepts<TArgs>(in TArgs args, ReadOnlySpan<Type> types) where TArgs : struct, IArrayArgs<TArgs>
    {
        bool any = false;
        foreach (Type t in types)
        {
            if (typeof(ChunkedArray).IsAssignableFrom(t)) { any = true; break; }
        }
        if (!any) return false;
        var visitor = new Visitor { Ok = true };
        args.VisitRelevant(ref visitor);
        return visitor.Ok;
    }

    private struct Visitor : IRelevantVisitor
    {
        public bool Ok;

        public void Visit(NDArray? array)
        {
            if (array is null or ChunkedArray) return;
            if (!array.IsHostResident) Ok = false;
        }
    }
}
