namespace ArrayDispatch.Plugins;

/// <summary>
/// The entry point of a backend plugin assembly: exactly one public, non-abstract implementation with a public
/// parameterless constructor per plugin.
/// </summary>
public interface IArrayBackendPlugin
{
    /// <summary>The backend name used in configuration, e.g. <c>"Dense"</c>. Unique per host.</summary>
    string Name { get; }

    /// <summary>The protocol version the plugin was compiled against (<see cref="ArrayProtocol.Version"/>); the major part must match the host's.</summary>
    Version ProtocolVersion { get; }

    /// <summary>
    /// Declares the array types the backend owns, the functions it implements and the services it adds. If this throws,
    /// nothing it registered is kept.
    /// </summary>
    void Register(IBackendBuilder backend);
}

/// <summary>The protocol's version. Plugins return it from <see cref="IArrayBackendPlugin.ProtocolVersion"/>: the compiler bakes in the value they were built against.</summary>
public static class ArrayProtocol
{
    /// <summary>The major version changes when the plugin contract breaks; minor when it grows.</summary>
    public const string VersionString = "1.0";

    /// <summary>The protocol version as a <see cref="System.Version"/>.</summary>
    public static Version Version { get; } = new(VersionString);
}
