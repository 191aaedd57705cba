using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>
/// The Sparse backend: COO (n-d), CSR and CSC arrays with fill value 0, mixing with host-resident dense arrays through
/// <see cref="NDArray.ToHost"/> and creating dense results on <c>Backends:Sparse:DenseBackend</c> through the protocol.
/// </summary>
public sealed class SparsePlugin : IArrayBackendPlugin
{
    /// <inheritdoc/>
    public string Name => "Sparse";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var ctx = new SparseContext(backend.Dispatcher, SparseOptions.From(backend.Configuration));
        SparseFunctions.EnsureDefined();
        backend.AddArrayType<CooArray>()
               .AddArrayType<CsrArray>()
               .AddArrayType<CscArray>();
        backend.DeclareBackendSetting("DenseBackend", new SparseOptions().DenseBackend);   // an unknown name is refused at start-up with its key
        backend.ImplementFrom(new SparseCreation(ctx));
        backend.Declare(ArrayFunctions.Full, SparseCreation.FullSupport);
        new SparseElementwise(ctx).Register(backend);
        backend.ImplementFrom(new SparseReductions(ctx));
        backend.ImplementFrom(new SparseProducts(ctx));
        backend.ImplementFrom(new SparseManipulation(ctx));
        backend.ImplementFrom(new SparseLinalgHandlers(ctx));
        SparseLinalgHandlers.DeclareSolvers(backend);
        backend.ImplementFrom(new SparseConstruction());
        backend.ImplementFrom(new SparseAssembly(ctx));
    }
}
