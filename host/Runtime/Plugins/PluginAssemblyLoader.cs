using System.Reflection;
using System.Runtime.Loader;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// One plugin's load context: everything else talks to this type. It was a seam over McMaster.NETCore.Plugins 2.0.0
/// (no longer developed), whose loader, for our configuration (no preference for shared types, shared assemblies
/// named by the host), resolves as this one does; building it read the plugin's .deps.json and every runtimeconfig.json
/// of the app with Microsoft.Extensions.DependencyModel and System.Text.Json, a sixth of <c>backends</c>' start-up CPU
/// (bench/README.md, "Start-up"). The runtime's <see cref="AssemblyDependencyResolver"/> reads the .deps.json natively.
/// </summary>
internal sealed class PluginAssemblyLoader : IDisposable
{
    private readonly PluginLoadContext _context;
    private readonly string _entryAssemblyPath;

    /// <param name="entryAssemblyPath">The plugin's entry assembly (its folder is the plugin's).</param>
    /// <param name="sharedAssemblies">Assemblies always taken from the host (the protocol, Microsoft.Extensions.*.Abstractions, SharedAssemblies), and the assemblies each of them references once it loads.</param>
    /// <param name="unloadable">A collectible context (hot reload); its assemblies are read into memory, so the files are never held open.</param>
    public PluginAssemblyLoader(string entryAssemblyPath, IEnumerable<AssemblyName> sharedAssemblies, bool unloadable)
    {
        _entryAssemblyPath = Path.GetFullPath(entryAssemblyPath);
        _context = new PluginLoadContext(_entryAssemblyPath, sharedAssemblies.Select(a => a.Name).OfType<string>(), unloadable);
        _context.ShareHostAssemblies();
    }

    public AssemblyLoadContext LoadContext => _context;

    public Assembly LoadEntryAssembly() => _context.LoadFile(_entryAssemblyPath);

    /// <summary>Starts unloading a collectible context (the GC collects it once nothing references it); nothing for the others.</summary>
    public void Dispose()
    {
        if (_context.IsCollectible) _context.Unload();
    }

    /// <summary>
    /// Resolution order, per assembly name: a shared assembly from the host (its references join the shared set, so a
    /// plugin's copy of, say, Microsoft.Extensions.Primitives is never loaded beside the host's); the plugin's .deps.json;
    /// a satellite assembly under the folder's culture directory; a file of that name in the plugin folder; else the host.
    /// </summary>
    private sealed class PluginLoadContext(string entryAssemblyPath, IEnumerable<string> shared, bool collectible)
        : AssemblyLoadContext(Path.GetFileNameWithoutExtension(entryAssemblyPath), collectible)
    {
        private readonly AssemblyDependencyResolver _resolver = new(entryAssemblyPath);
        private readonly string _folder = Path.GetDirectoryName(entryAssemblyPath)!;
        private readonly HashSet<string> _shared = new(shared, StringComparer.Ordinal);
        private readonly Lock _sharedLock = new();

        /// <summary>
        /// Each shared assembly the host has is loaded there now and its references join the shared set, before the plugin
        /// asks for anything (so Microsoft.Extensions.Primitives is the host's even when the plugin needs it first).
        /// </summary>
        public void ShareHostAssemblies()
        {
            string[] roots;
            lock (_sharedLock) roots = [.. _shared];
            foreach (string root in roots) TryShare(new AssemblyName(root));
        }

        private Assembly? TryShare(AssemblyName assemblyName)
        {
            try
            {
                Assembly host = Default.LoadFromAssemblyName(assemblyName);
                lock (_sharedLock)
                {
                    foreach (AssemblyName reference in host.GetReferencedAssemblies())
                    {
                        if (reference.Name is not null) _shared.Add(reference.Name);
                    }
                }
                return host;
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return null;   // the host has no such assembly (or not that version): the plugin's own copy, if any, serves
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name is null) return null;
            if (IsShared(name) && TryShare(assemblyName) is { } host) return host;
            if (_resolver.ResolveAssemblyToPath(assemblyName) is { } resolved && File.Exists(resolved)) return LoadFile(resolved);
            if (!string.IsNullOrEmpty(assemblyName.CultureName) && assemblyName.CultureName != "neutral")
            {
                string satellite = Path.Combine(_folder, assemblyName.CultureName, name + ".dll");
                return File.Exists(satellite) ? LoadFile(satellite) : null;
            }
            string local = Path.Combine(_folder, name + ".dll");
            return File.Exists(local) ? LoadFile(local) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            if (_resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } resolved && File.Exists(resolved)) return LoadUnmanagedDllFromPath(resolved);
            foreach (string candidate in NativeFileNames(unmanagedDllName))
            {
                string path = Path.Combine(_folder, candidate);
                if (File.Exists(path)) return LoadUnmanagedDllFromPath(path);
            }
            return IntPtr.Zero;   // the runtime's own probing (the system's libraries)
        }

        private static IEnumerable<string> NativeFileNames(string name)
        {
            string extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
            yield return name;
            if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) yield return name + extension;
            if (!OperatingSystem.IsWindows() && !name.StartsWith("lib", StringComparison.Ordinal))
            {
                yield return "lib" + name;
                if (!name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) yield return "lib" + name + extension;
            }
        }

        private bool IsShared(string name)
        {
            lock (_sharedLock) return _shared.Contains(name);
        }

        public Assembly LoadFile(string path)
        {
            if (!IsCollectible) return LoadFromAssemblyPath(path);
            using FileStream assembly = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            string pdb = Path.ChangeExtension(path, ".pdb");
            if (!File.Exists(pdb)) return LoadFromStream(assembly);
            using FileStream symbols = File.Open(pdb, FileMode.Open, FileAccess.Read, FileShare.Read);
            return LoadFromStream(assembly, symbols);
        }
    }
}
