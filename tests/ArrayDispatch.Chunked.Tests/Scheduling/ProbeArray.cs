using ArrayDispatch.Interchange;

namespace ArrayDispatch.Chunked.Tests.Scheduling;

/// <summary>A host array of float64 zeros of length n, standing in for a chunk in scheduler tests.</summary>
internal sealed class ProbeArray(int n) : NDArray
{
    public override Shape Shape => new(n);
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new double[n], Shape);
}
