using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>Creation functions on the host's device: <c>asarray</c> (the upload), <c>full</c>, <c>empty</c>, ranges, <c>eye</c>, <c>random</c>.</summary>
internal static class CreationHandlers
{
    public static void Register(IBackendBuilder backend, GpuDevice device)
    {
        backend.Implement(ArrayFunctions.AsArray, (in AsArrayArgs args, ReadOnlySpan<Type> types) => AsArray(device, args));
        backend.Implement(ArrayFunctions.Full, (in FullArgs args, ReadOnlySpan<Type> types) =>
            Creation.Full(device.Runtime, args.Shape, args.DType, args.Fill));
        backend.Implement(ArrayFunctions.Empty, (in FullArgs args, ReadOnlySpan<Type> types) =>
            GpuOps.Empty(device.Runtime, args.Shape, args.DType));
        backend.Implement(ArrayFunctions.Arange, (in RangeArgs args, ReadOnlySpan<Type> types) =>
            Creation.Arange(device.Runtime, args.Start, args.Stop, args.Step, args.DType is { } d ? GpuDTypes.Require(d, "arange") : null));
        backend.Implement(ArrayFunctions.Linspace, (in RangeArgs args, ReadOnlySpan<Type> types) =>
            Creation.Linspace(device.Runtime, args.Start.AsDouble, args.Stop.AsDouble, args.Num, args.Endpoint, args.DType is { } d ? GpuDTypes.Require(d, "linspace") : null));
        backend.Implement(ArrayFunctions.Eye, (in EyeArgs args, ReadOnlySpan<Type> types) =>
            Creation.Eye(device.Runtime, args.N, args.M, args.K, args.DType));
        backend.Implement(ArrayFunctions.Random, (in RandomArgs args, ReadOnlySpan<Type> types) =>
            Creation.Random(device.Runtime, args with { DType = GpuDTypes.Require(args.DType, "random") }));
        backend.Implement(ArrayFunctions.FullLike, (in FullLikeArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "full_like")
                ? Creation.Full(((GpuArray)args.X).Runtime, args.X.Shape, args.DType ?? args.X.DType, args.Fill)
                : NotImplemented.Value);
    }

    /// <summary>
    /// Uploads host data, or returns a Gpu array as it is (copied when <c>Copy</c> or converted when the dtype differs),
    /// as CuPy's <c>asarray</c>. Arrays of other backends are exported with <see cref="NDArray.ToHost"/> first.
    /// </summary>
    private static DispatchResult<NDArray> AsArray(GpuDevice device, in AsArrayArgs args)
    {
        GpuRuntime runtime = device.Runtime;
        if (args.Source is GpuArray g && g.Runtime == runtime)
        {
            DType dtype = args.DType ?? g.DType;
            if (dtype == g.DType && !args.Copy) return g;
            return GpuOps.Convert(g, dtype);
        }
        GpuArray uploaded = Transfers.Upload(runtime, args.Source);
        if (args.DType is not { } target || target == uploaded.DType) return uploaded;
        using (uploaded) return GpuOps.Convert(uploaded, target);
    }
}
