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
    /// <summary><c>@implements(np.sum)</c>: returns a 0-d <see cref="MyArray"/>... as a 1-element one (MyArray is 1-d).</summary>
    [Implements("sum")]
    public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!types.AllAre<MyArray>()) return NotImplemented.Value;
        return new MyArray([((MyArray)args.X).Values.Sum()]);
    }

    /// <summary><c>@implements(np.mean)</c>.</summary>
    [Implements("mean")]
    public static DispatchResult<NDArray> Mean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!types.AllAre<MyArray>()) return NotImplemented.Value;
        double[] v = ((MyArray)args.X).Values;
        return new MyArray([v.Length == 0 ? double.NaN : v.Sum() / v.Length]);
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
