using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Our one seam over McMaster.NETCore.Plugins (2.0.0 works on .NET 10 but is no longer developed): everything else
/// talks to this type, so it can be replaced by a plain <see cref="AssemblyLoadContext"/> without touching the rest.
/// </summary>
internal sealed class PluginAssemblyLoader : IDisposable
{
    private readonly PluginLoader _loader;

    public PluginAssemblyLoader(string entryAssemblyPath, IEnumerable<AssemblyName> sharedAssemblies, bool unloadable)
    {
        var config = new PluginConfig(entryAssemblyPath)
        {
            IsUnloadable = unloadable,
            // Collectible contexts that read files in place keep them locked on some platforms; load into memory then.
            LoadInMemory = unloadable,
            PreferSharedTypes = false,
            // A shared assembly's own references join the shared set when it loads, instead of its whole reference closure
            // being loaded into the default context up front: that loaded ~36 framework assemblies (System.Net.Http,
            // System.Linq.Expressions, …) at the first plugin, a tenth of the app's start-up CPU. The shared assemblies
            // (the protocol, Microsoft.Extensions.*.Abstractions) reach every assembly a plugin folder carries within one
            // reference (Microsoft.Extensions.Primitives, Options), so each is still taken from the host: PluginLoadingTests
            // and the start-up test check the types plugins share with the host.
            IsLazyLoaded = true,
        };
        foreach (AssemblyName shared in sharedAssemblies) config.SharedAssemblies.Add(shared);
        _loader = new PluginLoader(config);
    }

    public AssemblyLoadContext LoadContext => _loader.LoadContext;

    public Assembly LoadEntryAssembly() => _loader.LoadDefaultAssembly();

    public void Dispose() => _loader.Dispose();
}
