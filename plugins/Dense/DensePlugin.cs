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

    /// <summary>The classes whose <see cref="ImplementsAttribute"/> methods make up the backend (the linalg handlers register themselves from their own class when present).</summary>
    internal static readonly Type[] FunctionClasses =
    [
        typeof(DenseCreation), typeof(DenseUnary), typeof(DenseBinary), typeof(DenseReductions), typeof(DenseScans),
        typeof(DenseManipulation), typeof(DenseIndexing), typeof(DenseSorting), typeof(DenseProducts),
    ];

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        backend.AddArrayType<DenseArray>().OnlyOwnArrayTypes();   // the dispatcher applies NEP 18's check; handlers do not repeat it
        foreach (Type type in FunctionClasses) backend.ImplementFrom(type);
        // linalg.* handlers live in Functions/DenseLinalg.cs, written by the linalg work; register them when that class exists.
        Type? linalg = typeof(DensePlugin).Assembly.GetType("ArrayDispatch.Dense.Functions.DenseLinalg");
        if (linalg is not null) backend.ImplementFrom(linalg);
    }
}
