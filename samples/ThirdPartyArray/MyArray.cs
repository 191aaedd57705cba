using ArrayDispatch;
using ArrayDispatch.Interchange;

namespace ThirdParty;

/// <summary>
/// The seed's <c>MyArray</c>: a small 1-d array type that is not NumPy's and opts in to a few functions, or a 0-d one (a
/// reduction's result is 0-d, as NumPy's).
/// </summary>
public sealed class MyArray(double[] values, bool scalar = false) : NDArray
{
    /// <summary>The values.</summary>
    public double[] Values { get; } = values;

    /// <inheritdoc/>
    public override Shape Shape => scalar ? Shape.Scalar : new(Values.Length);

    /// <inheritdoc/>
    public override DType DType => DType.Float64;

    /// <inheritdoc/>
    public override bool IsHostResident => true;

    /// <inheritdoc/>
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(Values, Shape);

    /// <inheritdoc/>
    public override string ToString() => scalar ? $"MyArray({Values[0]})" : $"MyArray([{string.Join(", ", Values)}])";
}
