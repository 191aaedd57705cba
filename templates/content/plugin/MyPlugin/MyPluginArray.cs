using ArrayDispatch;
using ArrayDispatch.Interchange;

namespace MyPlugin;

/// <summary>The plugin's array type: a 1-d float64 array held in a .NET array, or a 0-d one (a reduction's result, as NumPy's).</summary>
public sealed class MyPluginArray(double[] values, bool scalar = false) : NDArray
{
    /// <summary>The elements.</summary>
    public double[] Values { get; } = scalar && values.Length != 1 ? throw new ArgumentException("a 0-d array holds one value", nameof(values)) : values;

    /// <inheritdoc/>
    public override Shape Shape => scalar ? Shape.Scalar : new(Values.Length);

    /// <inheritdoc/>
    public override DType DType => DType.Float64;

    /// <inheritdoc/>
    public override bool IsHostResident => true;

    /// <inheritdoc/>
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(Values, Shape);

    /// <inheritdoc/>
    public override string ToString() => Shape.Rank == 0 ? $"MyPluginArray({Values[0]})" : $"MyPluginArray([{string.Join(", ", Values)}])";
}
