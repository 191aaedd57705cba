using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace MyPlugin;

/// <summary>The functions this backend handles (NumPy's HANDLED_FUNCTIONS), each registered with [Implements].</summary>
public static class MyPluginFunctions
{
    /// <summary><c>sum</c> of a whole MyPluginArray: 0-d as NumPy's, or (1,) with keepdims; other axes and dtypes are declined.</summary>
    [Implements("sum")]
    public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        // Only MyPluginArrays arrive (OnlyOwnArrayTypes: the dispatcher applies NEP 18's check); decline what else you do
        // not handle, and the backend after you (or the error) takes over.
        if (args.X.Rank != 1 || args.DType is not (null or DType.Float64)) return NotImplemented.Value;
        if (!args.Axis.IsAll && args.Axis.Normalize(1) is not [0]) return NotImplemented.Value;   // axis 0 (or -1) of a 1-d array is all of it
        double total = 0;
        foreach (double v in ((MyPluginArray)args.X).Values) total += v;
        return new MyPluginArray([total], scalar: !args.KeepDims);
    }

    /// <summary><c>asarray</c>: how apps make this backend's arrays, <c>Np.AsArray(data, backend: "MyPlugin")</c>.</summary>
    [Implements("asarray")]
    public static DispatchResult<NDArray> AsArray(in AsArrayArgs args, ReadOnlySpan<Type> types) => args.Source switch
    {
        MyPluginArray mine => mine,
        double[] values => new MyPluginArray((double[])values.Clone()),
        NDArray { IsHostResident: true, Rank: 1 } other => new MyPluginArray(other.ToArray<double>()),
        HostBuffer { Shape.Rank: 1, DType: DType.Float64 } buffer => new MyPluginArray(buffer.ToContiguous<double>()),
        _ => NotImplemented.Value,
    };
}
