using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Gpu;

/// <summary>NEP 18's types check for Gpu handlers, with CuPy's rule that host arrays are never moved implicitly.</summary>
internal static class GpuGuard
{
    /// <summary>
    /// True when every relevant argument is a <see cref="GpuArray"/> (and, for a function without complex kernels, none
    /// is complex: that is a <see cref="NotSupportedException"/> naming the dtype). Throws <see cref="GpuTransferRequiredException"/>
    /// when a GpuArray meets a host-resident array; otherwise (types it does not know) false, to decline.
    /// </summary>
    public static bool Accept<TArgs>(in TArgs args, ReadOnlySpan<Type> types, string function) where TArgs : struct, IArrayArgs<TArgs>
    {
        var finder = new Finder();
        if (types.AllAre<GpuArray>())
        {
            if (GpuDTypes.TakesComplex(function)) return true;
            args.VisitRelevant(ref finder);
            if (finder.Complex is { } dtype) throw GpuDTypes.Unsupported(dtype, function);
            return true;
        }
        args.VisitRelevant(ref finder);
        if (finder.SawGpu && finder.Host is { } host) throw new GpuTransferRequiredException(function, host.GetType());
        return false;
    }

    private struct Finder : IRelevantVisitor
    {
        public bool SawGpu;
        public NDArray? Host;
        public DType? Complex;

        public void Visit(NDArray? array)
        {
            if (array is GpuArray g)
            {
                SawGpu = true;
                if (g.DType.IsComplex()) Complex ??= g.DType;
            }
            else if (array is { IsHostResident: true } && Host is null) Host = array;
        }
    }
}
