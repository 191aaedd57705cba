using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins.Loader;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Our one seam over McMaster.NETCore.Plugins (2.0.0 works on .NET 10 but is no longer developed): everything else
/// talks to this type, so it can be replaced by a plain <see cref="AssemblyLoadContext"/> without touching the rest.
/// </summary>
/// <remarks>
/// The load context comes from McMaster's <see cref="AssemblyLoadContextBuilder"/>, set up as its <c>PluginLoader</c>
/// sets it up for our options, without the loader's one extra step: <c>PluginLoader</c> reads the plugin's and then
/// every <c>*.runtimeconfig.json</c> beside the app with reflection-based System.Text.Json and calls
/// <c>Process.GetCurrentProcess().MainModule</c>, for each plugin, only to find <c>additionalProbingPaths</c> (which the
/// SDK writes only into the <c>runtimeconfig.dev.json</c> files it stopped generating in .NET 6). That was ~15% of the
/// CPU time of <c>backends</c> (perf, session 18; issue #18's start-up row). Every plugin's references are still
/// resolved from its own folder through its <c>.deps.json</c> (the runtime's <see cref="AssemblyDependencyResolver"/>,
/// inside McMaster's context), exactly as before.
/// </remarks>
internal sealed class PluginAssemblyLoader : IDisposable
{
    private readonly string _entryAssemblyPath;
    private readonly AssemblyLoadContext _context;

    public PluginAssemblyLoader(string entryAssemblyPath, IEnumerable<AssemblyName> sharedAssemblies, bool unloadable)
    {
        _entryAssemblyPath = entryAssemblyPath;
        var builder = new AssemblyLoadContextBuilder()
            .SetMainAssemblyPath(entryAssemblyPath)
            // A shared assembly's own references join the shared set when it loads, instead of its whole reference closure
            // being loaded into the default context up front: that loaded ~36 framework assemblies (System.Net.Http,
            // System.Linq.Expressions, …) at the first plugin, a tenth of the app's start-up CPU. The shared assemblies
            // (the protocol, Microsoft.Extensions.*.Abstractions) reach every assembly a plugin folder carries within one
            // reference (Microsoft.Extensions.Primitives, Options), so each is still taken from the host: PluginLoadingTests
            // and the start-up test check the types plugins share with the host.
            .IsLazyLoaded(true);
        foreach (AssemblyName shared in sharedAssemblies) builder.PreferDefaultLoadContextAssembly(shared);
        if (unloadable)
        {
            // Collectible contexts that read files in place keep them locked on some platforms; load into memory then.
            builder.EnableUnloading().PreloadAssembliesIntoMemory().ShadowCopyNativeLibraries();
        }
        _context = builder.Build();
    }

    public AssemblyLoadContext LoadContext => _context;

    /// <summary>
    /// The plugin's entry assembly, from its path (as <c>PluginLoader.LoadDefaultAssembly</c>): an unloadable context reads
    /// it into memory, with its symbols where they lie beside it, so the file stays free to be replaced for a hot reload.
    /// </summary>
    public Assembly LoadEntryAssembly()
    {
        if (!_context.IsCollectible) return _context.LoadFromAssemblyPath(_entryAssemblyPath);
        using var image = new MemoryStream(File.ReadAllBytes(_entryAssemblyPath));
        string pdbPath = Path.ChangeExtension(_entryAssemblyPath, ".pdb");
        using MemoryStream? symbols = File.Exists(pdbPath) ? new MemoryStream(File.ReadAllBytes(pdbPath)) : null;
        return _context.LoadFromStream(image, symbols);
    }

    public void Dispose()
    {
        if (_context.IsCollectible) _context.Unload();
    }
}
