using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace MyPlugin;

/// <summary>The functions this backend handles (NumPy's HANDLED_FUNCTIONS), each registered with [Implements].</summary>
public static class MyPluginFunctions
{
    /// <summary><c>sum</c> of a whole MyPluginArray, as a one-element MyPluginArray.</summary>
    [Implements("sum")]
    public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!types.AllAre<MyPluginArray>() || !args.Axis.IsAll) return NotImplemented.Value;   // NEP 18: decline what you do not know
        return new MyPluginArray([((MyPluginArray)args.X).Values.Sum()]);
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
