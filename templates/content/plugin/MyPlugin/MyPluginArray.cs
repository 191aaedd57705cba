using ArrayDispatch;
using ArrayDispatch.Interchange;

namespace MyPlugin;

/// <summary>The plugin's array type: a 1-d float64 array held in a .NET array.</summary>
public sealed class MyPluginArray(double[] values) : NDArray
{
    /// <summary>The elements.</summary>
    public double[] Values { get; } = values;

    /// <inheritdoc/>
    public override Shape Shape => new(Values.Length);

    /// <inheritdoc/>
    public override DType DType => DType.Float64;

    /// <inheritdoc/>
    public override bool IsHostResident => true;

    /// <inheritdoc/>
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(Values, Shape);

    /// <inheritdoc/>
    public override string ToString() => $"MyPluginArray([{string.Join(", ", Values)}])";
}
