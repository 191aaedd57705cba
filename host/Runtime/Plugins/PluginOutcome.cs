namespace ArrayDispatch.Runtime.Plugins;

/// <summary>What happened to one plugin folder; every step of the load pipeline has its own failure.</summary>
public enum PluginOutcome
{
    /// <summary>Loaded and registered.</summary>
    Loaded,
    /// <summary>Switched off by <c>ArrayDispatch:Plugins:&lt;Name&gt;:Enabled=false</c>.</summary>
    Disabled,
    /// <summary>The entry file is not a .NET assembly (or is truncated/corrupt).</summary>
    NotAManagedAssembly,
    /// <summary>No entry assembly, or no (or several) public <c>IArrayBackendPlugin</c> types in it.</summary>
    EntryMissing,
    /// <summary>Built against another major version of the protocol.</summary>
    ProtocolMismatch,
    /// <summary>Built against a newer version of an assembly the host shares with plugins than the host has.</summary>
    SharedDependencyTooNew,
    /// <summary>An assembly it references is neither in its folder, nor shared, nor part of the framework.</summary>
    DependencyMissing,
    /// <summary>Its types could not be loaded.</summary>
    TypeLoadFailed,
    /// <summary>Its <c>Register</c> threw, or it registered something the host refuses; nothing of it was kept.</summary>
    RegistrationFailed,
    /// <summary>Another plugin with the same backend name is already loaded.</summary>
    DuplicateName,
    /// <summary>Refused by a trust rule (writable folder, unpinned plugin).</summary>
    Untrusted,
    /// <summary>The pinned SHA-256 does not match.</summary>
    HashMismatch,
    /// <summary>A native library it needs could not be loaded.</summary>
    NativeLoadFailed,
}
