using ArrayDispatch;
using ArrayDispatch.Interchange;

namespace ThirdParty;

/// <summary>The seed's <c>MyArray</c>: a small 1-d array type that is not NumPy's and opts in to a few functions.</summary>
public sealed class MyArray(double[] values) : NDArray
{
    /// <summary>The values.</summary>
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
    public override string ToString() => $"MyArray([{string.Join(", ", Values)}])";
}
