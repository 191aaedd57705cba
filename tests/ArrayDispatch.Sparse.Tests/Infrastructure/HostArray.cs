using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>
/// A host-resident dense array for tests, standing in for the Dense backend's arrays until the runtime's TestHost lands:
/// Sparse meets it only through <see cref="NDArray.IsHostResident"/> and <see cref="ToHost"/>, as it would meet Dense.
/// </summary>
public sealed class HostArray(HostBuffer buffer) : NDArray
{
    public HostBuffer Buffer { get; } = buffer;

    public override Shape Shape => Buffer.Shape;

    public override DType DType => Buffer.DType;

    public override bool IsHostResident => true;

    public override string Backend => "TestDense";

    public override HostBuffer ToHost() => Buffer;

    public static HostArray Of<T>(T[] data, params int[] shape) where T : unmanaged =>
        new(HostBuffer.FromContiguous(data, shape.Length == 0 ? new Shape(data.Length) : new Shape(shape)));

    public static HostArray Scalar<T>(T value) where T : unmanaged => new(HostBuffer.FromContiguous(new[] { value }, Shape.Scalar));
}
