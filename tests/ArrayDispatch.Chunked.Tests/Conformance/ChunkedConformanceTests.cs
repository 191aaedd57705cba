using ArrayDispatch.Conformance;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Tests.Conformance;

/// <summary>The conformance kit on Chunked with small regular chunks (several chunks along every axis, ragged last ones).</summary>
public sealed class ChunkedConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [2]);
}

/// <summary>The kit on Chunked with ragged chunks of 3.</summary>
public sealed class ChunkedRaggedConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [3]);
}

/// <summary>The kit on Chunked with every input a single chunk.</summary>
public sealed class ChunkedSingleChunkConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [-1]);
}
