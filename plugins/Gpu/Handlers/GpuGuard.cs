using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Gpu;

/// <summary>NEP 18's types check for Gpu handlers, with CuPy's rule that host arrays are never moved implicitly.</summary>
internal static class GpuGuard
{
    /// <summary>
    /// True when every relevant argument is a <see cref="GpuArray"/>. Throws <see cref="GpuTransferRequiredException"/>
    /// when a GpuArray meets a host-resident array; otherwise (types it does not know) false, to decline. (The dtypes a
    /// function takes are declared at registration and checked by the dispatcher: <see cref="GpuDTypes.DeclareRealOnly"/>.)
    /// </summary>
    public static bool Accept<TArgs>(in TArgs args, ReadOnlySpan<Type> types, string function) where TArgs : struct, IArrayArgs<TArgs>
    {
        if (types.AllAre<GpuArray>()) return true;
        var finder = new Finder();
        args.VisitRelevant(ref finder);
        if (finder.SawGpu && finder.Host is { } host) throw new GpuTransferRequiredException(function, host.GetType());
        return false;
    }

    private struct Finder : IRelevantVisitor
    {
        public bool SawGpu;
        public NDArray? Host;

        public void Visit(NDArray? array)
        {
            if (array is GpuArray) SawGpu = true;
            else if (array is { IsHostResident: true } && Host is null) Host = array;
        }
    }
}
