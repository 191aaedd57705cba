using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ThirdParty;

/// <summary>
/// The seed's HANDLED_FUNCTIONS table in C#: each [Implements] method is one entry, collected once at load time by
/// <see cref="IBackendBuilder.ImplementFrom(Type)"/>. Every handler first does NEP 18's check: decline unless every type
/// involved is a <see cref="MyArray"/>.
/// </summary>
public static class MyArrayFunctions
{
    /// <summary>
    /// <c>@implements(np.sum)</c>: a 0-d <see cref="MyArray"/>, as NumPy's sum of a 1-d array (a (1,) one with keepdims);
    /// another dtype= is declined, so the next backend or an error naming the call takes over instead of a float64 answer.
    /// </summary>
    [Implements("sum")]
    public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Reduce(args, types, v => v.Sum());

    /// <summary><c>@implements(np.mean)</c>, as <see cref="Sum"/> (NaN for no elements, as NumPy's, which also warns).</summary>
    [Implements("mean")]
    public static DispatchResult<NDArray> Mean(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Reduce(args, types, v => v.Length == 0 ? double.NaN : v.Sum() / v.Length);

    private static DispatchResult<NDArray> Reduce(in ReductionArgs args, ReadOnlySpan<Type> types, Func<double[], double> reduce)
    {
        if (!types.AllAre<MyArray>() || args.DType is not (null or DType.Float64)) return NotImplemented.Value;
        _ = args.Axis.Normalize(args.X.Rank);           // NumPy's AxisError for an axis out of range; any valid axis of 1-d is all of it
        double value = reduce(((MyArray)args.X).Values);
        return args.KeepDims && args.X.Rank == 1 ? new MyArray([value]) : new MyArray([value], scalar: true);
    }

    /// <summary>Creation: <c>Np.AsArray(data, backend: "ThirdParty")</c> from a 1-d .NET array or any host array.</summary>
    [Implements("asarray")]
    public static DispatchResult<NDArray> AsArray(in AsArrayArgs args, ReadOnlySpan<Type> types)
    {
        switch (args.Source)
        {
            case MyArray mine: return mine;
            case double[] values: return new MyArray((double[])values.Clone());
            case NDArray other when other.IsHostResident && other.Rank == 1:
                return new MyArray(other.ToArray<double>());
            case HostBuffer buffer when buffer.Shape.Rank == 1 && buffer.DType == DType.Float64:
                return new MyArray(buffer.ToContiguous<double>());
            default:
                return NotImplemented.Value;
        }
    }
}
