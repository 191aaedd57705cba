using ArrayDispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace BrokenFactory;

/// <summary>The plugin's own 0-d array type (it references no shared assembly, so any app can load it).</summary>
public sealed class BrokenArray : NDArray
{
    public override Shape Shape => Shape.Scalar;
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 0.0 }, Shape.Scalar);
}

/// <summary>Registers <c>sum</c> with a first-use factory that throws: the first call (or <c>explain</c>) that needs it fails.</summary>
public sealed class BrokenFactoryPlugin : IArrayBackendPlugin
{
    public string Name => "BrokenFactory";
    public Version ProtocolVersion => ArrayProtocol.Version;
    public void Register(IBackendBuilder backend) =>
        backend.AddArrayType<BrokenArray>().ImplementOnFirstUse(ArrayFunctions.Sum, () => throw new InvalidOperationException("kernels.bin is missing"));
}
