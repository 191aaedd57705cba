using ArrayDispatch.Dense.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense;

/// <summary>The Dense backend: NumPy-compatible n-dimensional arrays on the CPU, the reference every other backend is checked against.</summary>
public sealed class DensePlugin : IArrayBackendPlugin
{
    /// <inheritdoc/>
    public string Name => "Dense";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <summary>The classes whose <see cref="ImplementsAttribute"/> methods make up the backend ; the ufuncs come from the protocol's declarations (<see cref="DenseUfuncs"/>).</summary>
    internal static readonly Type[] FunctionClasses =
    [
        typeof(DenseCreation), typeof(DenseTernary), typeof(DenseReductions), typeof(DenseScans),
        typeof(DenseManipulation), typeof(DenseIndexing), typeof(DenseSorting), typeof(DenseProducts), typeof(DenseLinalg),
    ];

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        backend.AddArrayType<DenseArray>().OnlyOwnArrayTypes();   // the dispatcher applies NEP 18's check; handlers do not repeat it
        DenseUfuncs.Register(backend);   // every ufunc the protocol declares, from its declaration
        foreach (Type type in FunctionClasses) backend.ImplementFrom(type);
    }
}
