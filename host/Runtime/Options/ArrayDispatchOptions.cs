namespace ArrayDispatch.Runtime.Options;

/// <summary>The <c>ArrayDispatch</c> configuration section.</summary>
public sealed class ArrayDispatchOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "ArrayDispatch";

    /// <summary>Folders whose sub-folders are plugins; relative paths resolve against the app's base directory.</summary>
    public List<string> PluginDirectories { get; set; } = [];

    /// <summary>The backend that creation functions use when nothing else decides.</summary>
    public string? DefaultBackend { get; set; }

    /// <summary>Backends in the order they are tried when several own a call's types (before argument order).</summary>
    public List<string> Priority { get; set; } = [];

    /// <summary>Per-function rules, by function name (<c>"matmul"</c>, <c>"linalg.svd"</c>).</summary>
    public Dictionary<string, FunctionRule> Functions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-plugin settings, by plugin name.</summary>
    public Dictionary<string, PluginSettings> Plugins { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Assemblies (by simple name) that the host shares with every plugin, besides the protocol and Microsoft.Extensions.*.Abstractions.</summary>
    public List<string> SharedAssemblies { get; set; } = [];

    /// <summary>Reload a plugin when its files change (see the hot-reload documentation).</summary>
    public bool HotReload { get; set; }

    /// <summary>What the host requires of a plugin folder before it runs any of its code.</summary>
    public TrustOptions Trust { get; set; } = new();
}

/// <summary>The <c>ArrayDispatch:Trust</c> section.</summary>
public sealed class TrustOptions
{
    /// <summary>Refuse every plugin without an <c>ArrayDispatch:Plugins:&lt;Name&gt;:Sha256</c> pin.</summary>
    public bool RequirePinned { get; set; }

    /// <summary>Pins cover every managed and native file of the plugin's folder (a manifest hash), not only its entry assembly.</summary>
    public bool PinDependencies { get; set; }

    /// <summary>Accept plugin folders and files that group or others may write (Linux and macOS).</summary>
    public bool AllowWritable { get; set; }
}

/// <summary>The rules for one function.</summary>
public sealed class FunctionRule
{
    /// <summary>Backends tried first for this function, in order (before <c>Priority</c>).</summary>
    public List<string> Prefer { get; set; } = [];

    /// <summary>Backends never used for this function.</summary>
    public List<string> Disable { get; set; } = [];

    /// <summary>Backends that handle this function even for arrays they do not own, by converting them.</summary>
    public List<string> Coerce { get; set; } = [];
}

/// <summary>Settings of one plugin.</summary>
public sealed class PluginSettings
{
    /// <summary>Whether the plugin is loaded.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The expected SHA-256 of the plugin's entry assembly (hex), or null.</summary>
    public string? Sha256 { get; set; }
}
