using System.Reflection;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Options;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Runs the load pipeline for each plugin folder (ARCHITECTURE §4): trust/metadata checks, McMaster load context,
/// reference pre-flight, <c>Register</c>, merge. Each failure disables that plugin alone, with a named outcome.
/// </summary>
internal sealed class PluginHost(
    ArrayDispatchOptions options,
    IConfiguration configuration,
    BackendRegistry registry,
    PluginLoadReport report,
    IArrayDispatcher dispatcher,
    ILoggerFactory loggerFactory)
{
    private static readonly string[] s_alwaysShared = ["ArrayDispatch.Abstractions"];
    private readonly Dictionary<string, LoadedPlugin> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _reloadGate = new();

    /// <summary>The plugin roots being loaded from (absolute).</summary>
    public IReadOnlyList<string> Roots => options.PluginDirectories
        .Select(d => Path.IsPathRooted(d) ? d : Path.Combine(AppContext.BaseDirectory, d)).ToArray();

    /// <summary>Load contexts of replaced plugin versions; each should be collected once in-flight calls finish.</summary>
    public List<WeakReference> RetiredContexts { get; } = [];

    /// <summary>Raised after each hot-reload attempt with its outcome.</summary>
    public event Action<PluginLoadResult>? Reloaded;

    public void LoadAll(IServiceCollection services)
    {
        foreach (string root in Roots)
        {
            if (!Directory.Exists(root))
            {
                // A file, or a link to nowhere (or to itself), was reported as missing though the path is there.
                string problem = new FileInfo(root).LinkTarget is { } target ? $"is a symbolic link to '{target}', which does not resolve to a folder"
                    : File.Exists(root) ? "is a file, not a folder of plugin folders"
                    : "does not exist";
                loggerFactory.CreateLogger("ArrayDispatch.Plugins").PluginDirectoryMissing(root, problem);
                continue;
            }
            // In folder order, one at a time: registration order breaks ties (the first folder wins a backend name).
            // Checking the later folders on a second thread while this one loads was tried (session 15): the checks are
            // mostly first-use JIT of code both threads need, so it cost 20 ms of CPU and gained no wall time on two cores.
            foreach (string folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                Record(LoadFolder(folder, services, reloading: false));
            }
        }
    }

    /// <summary>Registers a backend compiled into the application.</summary>
    public void AddInProcess(IArrayBackendPlugin plugin, IServiceCollection services)
    {
        Record(RegisterPlugin(plugin, plugin.GetType().Assembly.GetName().Version ?? new Version(0, 0), folder: null, services, context: null));
    }

    private void Record(PluginLoadResult result)
    {
        report.Add(result);
        if (!result.Loaded)
        {
            registry.Update(set => set.WithFailure(new PluginFailure(result.Name, result.Outcome.ToString(), result.Reason)));
        }
    }

    /// <summary>Whether a plugin loaded from <paramref name="folder"/> is serving.</summary>
    public bool IsLoaded(string folder)
    {
        lock (_reloadGate) return _loaded.ContainsKey(folder);
    }

    /// <summary>
    /// Hot reload of one folder: the new version loads into a new collectible context with its services in a child
    /// container of its own, replaces the old one in the dispatch tables in one swap, and the old context is unloaded.
    /// A reload that fails keeps the old version serving.
    /// </summary>
    public PluginLoadResult Reload(string folder)
    {
        lock (_reloadGate)
        {
            var services = new ServiceCollection();
            PluginLoadResult result;
            try
            {
                result = Directory.Exists(folder)
                    ? LoadFolder(folder, services, reloading: true)
                    : new(Path.GetFileName(folder), folder, PluginOutcome.EntryMissing, "the folder was removed");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                result = new(Path.GetFileName(folder), folder, PluginOutcome.TypeLoadFailed, $"{ex.GetType().Name}: {ex.Message}");
            }
            report.Add(result);
            Reloaded?.Invoke(result);
            return result;
        }
    }

    private PluginLoadResult LoadFolder(string folder, IServiceCollection services, bool reloading)
    {
        string name = Path.GetFileName(folder);
        if (options.Plugins.TryGetValue(name, out PluginSettings? settings) && !settings.Enabled)
        {
            return new(name, folder, PluginOutcome.Disabled, $"disabled by ArrayDispatch:Plugins:{name}:Enabled");
        }
        string? entry = FindEntryAssembly(folder, name, out string entryProblem);
        if (entry is null) return new(name, folder, PluginOutcome.EntryMissing, entryProblem);
        StartupTrace.Mark($"{name}: folder found");
        if (PluginTrust.Check(folder, name, entry, options) is { } refusal) return new(name, folder, refusal.Outcome, refusal.Reason);
        StartupTrace.Mark($"{name}: trust checks (file modes, pins)");
        AssemblyFacts? facts = AssemblyInspector.TryRead(entry, out string? problem);
        if (facts is null) return new(name, folder, PluginOutcome.NotAManagedAssembly, problem!);
        if (facts.PluginTypes.Count == 0)
        {
            return new(name, folder, PluginOutcome.EntryMissing, $"'{Path.GetFileName(entry)}' has no public class implementing IArrayBackendPlugin");
        }
        if (CheckSharedReferences(facts) is { } shared) return new(name, folder, shared.Outcome, shared.Reason, facts.Name.Version);
        StartupTrace.Mark($"{name}: metadata read, shared references checked");
        if (DependencyPreflight.FindMissing(folder, facts, SharedNames()) is { } missing)
        {
            return new(name, folder, PluginOutcome.DependencyMissing, missing, facts.Name.Version);
        }
        StartupTrace.Mark($"{name}: dependency pre-flight");

        PluginAssemblyLoader loader = new(entry, SharedNames().Select(n => new AssemblyName(n)), options.HotReload);
        StartupTrace.Mark($"{name}: load context made");
        string? replacing = reloading && _loaded.TryGetValue(folder, out LoadedPlugin? previous) ? previous.Name : null;
        IArrayBackendPlugin plugin;
        try
        {
            Assembly assembly = loader.LoadEntryAssembly();
            var entryTypes = new List<Type>();
            foreach (string typeName in facts.PluginTypes)
            {
                Type candidate = assembly.GetType(typeName, throwOnError: true)!;
                if (typeof(IArrayBackendPlugin).IsAssignableFrom(candidate)) entryTypes.Add(candidate);
            }
            if (entryTypes.Count != 1)
            {
                loader.Dispose();
                return new(name, folder, PluginOutcome.EntryMissing, entryTypes.Count == 0
                    ? $"'{Path.GetFileName(entry)}' has no public class implementing IArrayBackendPlugin"
                    : $"'{Path.GetFileName(entry)}' has {entryTypes.Count} IArrayBackendPlugin classes ({string.Join(", ", entryTypes.Select(t => t.FullName))}); exactly one is allowed", facts.Name.Version);
            }
            plugin = (IArrayBackendPlugin)Activator.CreateInstance(entryTypes[0])!;
            StartupTrace.Mark($"{name}: entry assembly loaded, plugin created");
        }
        catch (Exception ex) when (ex is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException
                                      or MissingMethodException or TargetInvocationException or InvalidCastException or ReflectionTypeLoadException)
        {
            loader.Dispose();
            return new(name, folder, PluginOutcome.TypeLoadFailed, $"{ex.GetType().Name}: {(ex as TargetInvocationException)?.InnerException?.Message ?? ex.Message}", facts.Name.Version);
        }
        PluginLoadResult result = RegisterPlugin(plugin, facts.Name.Version ?? new Version(0, 0), folder, services, loader.LoadContext, replacing);
        if (!result.Loaded)
        {
            loader.Dispose();
            return result;
        }
        // A reloaded plugin's services live in a child container of its own, so the root container never pins its context.
        ServiceProvider? own = reloading ? services.BuildServiceProvider() : null;
        if (_loaded.Remove(folder, out LoadedPlugin? old)) Retire(old);
        _loaded[folder] = new LoadedPlugin(result.Name, loader, own);
        return result;
    }

    private PluginLoadResult RegisterPlugin(IArrayBackendPlugin plugin, Version version, string? folder, IServiceCollection services,
        System.Runtime.Loader.AssemblyLoadContext? context, string? replacing = null)
    {
        string name;
        try
        {
            name = plugin.Name;
            if (string.IsNullOrWhiteSpace(name)) return new(folder is null ? plugin.GetType().Name : Path.GetFileName(folder), folder, PluginOutcome.EntryMissing, "the plugin's Name is empty", version);
            if (plugin.ProtocolVersion.Major != ArrayProtocol.Version.Major)
            {
                return new(name, folder, PluginOutcome.ProtocolMismatch, $"built for protocol {plugin.ProtocolVersion}, the host speaks {ArrayProtocol.Version}", version);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new(folder is null ? plugin.GetType().Name : Path.GetFileName(folder), folder, PluginOutcome.RegistrationFailed, $"reading Name/ProtocolVersion threw {ex.GetType().Name}: {ex.Message}", version);
        }
        if (registry.Current.ByName.TryGetValue(name, out BackendRegistration? existing) && name != replacing)
        {
            return new(name, folder, PluginOutcome.DuplicateName, $"a backend named '{name}' is already loaded from {existing.Folder ?? "the application"}", version);
        }

        var builder = new BackendBuilder(name, configuration.GetSection($"Backends:{name}"), loggerFactory.CreateLogger($"ArrayDispatch.Backends.{name}"), dispatcher);
        try
        {
            plugin.Register(builder);
            RefuseHostServices(builder.Services, services, name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            PluginOutcome outcome = ex is DllNotFoundException or EntryPointNotFoundException ? PluginOutcome.NativeLoadFailed : PluginOutcome.RegistrationFailed;
            return new(name, folder, outcome, RegisterFailure(ex, builder.Configuration), version);
        }

        StartupTrace.Mark($"{name}: Register ran");
        BackendRegistration registration = builder.Build(version, folder);
        if (CheckOwnership(registration, context, replacing) is { } claim) return new(name, folder, PluginOutcome.Untrusted, claim, version);

        // Register returned normally and claims only what it may: only now does anything of it reach the container and the dispatcher.
        foreach (ServiceDescriptor descriptor in builder.Services) services.Add(descriptor);
        registry.Update(set => set.With(registration));
        StartupTrace.Mark($"{name}: registration merged");
        var result = new PluginLoadResult(name, folder, PluginOutcome.Loaded,
            $"{registration.OwnedTypes.Count} array types, {registration.FunctionNames.Count} functions", version,
            registration.OwnedTypes.Select(t => t.Name).ToArray(), registration.FunctionNames.Count);
        return result;
    }

    /// <summary>
    /// A plugin may own only array types of its own load context, or of an assembly the host shares on purpose
    /// (<c>SharedAssemblies</c>) that no other backend owns yet: dropping a folder in can never take over calls on arrays
    /// another backend owns. (It reaches other arrays only where configuration lists it under <c>Coerce</c>.)
    /// </summary>
    private string? CheckOwnership(BackendRegistration registration, System.Runtime.Loader.AssemblyLoadContext? context, string? replacing)
    {
        foreach (Type type in registration.OwnedTypes)
        {
            if (registry.Current.DirectOwnerOf(type) is { } owner && owner.Name != replacing)
            {
                return $"claims array type {type.Name}, which backend '{owner.Name}' owns";
            }
            if (context is null) continue;   // in-process backends are the application's own code
            var typeContext = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(type.Assembly);
            if (typeContext != context && !options.SharedAssemblies.Contains(type.Assembly.GetName().Name ?? ""))
            {
                return $"claims array type {type.FullName} from '{type.Assembly.GetName().Name}', which is not one of its own assemblies";
            }
        }
        return null;
    }

    /// <summary>Unloads a replaced version once nothing references it; calls in flight keep it alive until they finish.</summary>
    private void Retire(LoadedPlugin old)
    {
        RetiredContexts.Add(new WeakReference(old.Loader.LoadContext));
        old.Services?.Dispose();
        old.Loader.Dispose();   // starts the cooperative unload; the GC collects the context when the last reference goes
    }

    private sealed record LoadedPlugin(string Name, PluginAssemblyLoader Loader, ServiceProvider? Services);

    /// <summary>A plugin may add services but never replace the host's own (the dispatcher, options, logging…).</summary>
    private static void RefuseHostServices(IServiceCollection scratch, IServiceCollection host, string plugin)
    {
        foreach (ServiceDescriptor d in scratch)
        {
            if (d.ServiceType == typeof(IBackendDescription)) continue;   // a contribution to a list, not a replacement
            string? assembly = d.ServiceType.Assembly.GetName().Name;
            bool hostOwned = assembly is "ArrayDispatch.Abstractions" or "ArrayDispatch.Runtime"
                || (assembly?.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) == true && host.Any(h => h.ServiceType == d.ServiceType));
            if (hostOwned)
            {
                throw new PluginRegistrationException($"plugin '{plugin}' tried to register {d.ServiceType.FullName}, which the host provides");
            }
        }
    }

    /// <summary>
    /// The refusal reason of a plugin whose <c>Register</c> threw: a wrong value of one of its own settings
    /// (<see cref="BackendSettings"/>' message, which starts with the setting's key path) reads as the host's own
    /// configuration errors do, anything else names the exception. An argument exception's message loses .NET's
    /// "(Parameter '…')" suffix, which names a C# parameter the user never wrote.
    /// </summary>
    internal static string RegisterFailure(Exception ex, IConfiguration settings)
    {
        string message = ex.Message;
        if (ex is ArgumentException { ParamName: { } parameter } && message.EndsWith($" (Parameter '{parameter}')", StringComparison.Ordinal))
        {
            message = message[..^$" (Parameter '{parameter}')".Length];
        }
        bool settingError = ex is ArgumentException && settings is IConfigurationSection { Path.Length: > 0 } section
            && message.StartsWith(section.Path + ":", StringComparison.OrdinalIgnoreCase);
        return settingError ? message : $"Register threw {ex.GetType().Name}: {message}";
    }

    /// <summary>A plugin built against a newer shared assembly than the host has would get the host's older copy and break at run time.</summary>
    private (PluginOutcome Outcome, string Reason)? CheckSharedReferences(AssemblyFacts facts)
    {
        foreach (AssemblyName reference in facts.References)
        {
            if (reference.Name is null) continue;
            bool protocol = reference.Name == "ArrayDispatch.Abstractions";
            if (!protocol && !IsShared(reference.Name)) continue;
            Version? hostVersion = HostVersionOf(reference.Name);
            if (hostVersion is null || reference.Version is null) continue;
            if (protocol && reference.Version.Major != hostVersion.Major)
            {
                return (PluginOutcome.ProtocolMismatch, $"built against ArrayDispatch.Abstractions {reference.Version}, the host has {hostVersion}");
            }
            if (!protocol && reference.Version > hostVersion)
            {
                return (PluginOutcome.SharedDependencyTooNew, $"built against {reference.Name} {reference.Version}, the host has {hostVersion}");
            }
        }
        return null;
    }

    private bool IsShared(string assembly) =>
        (assembly.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && assembly.EndsWith(".Abstractions", StringComparison.Ordinal))
        || options.SharedAssemblies.Contains(assembly);

    private IEnumerable<string> SharedNames()
    {
        var names = new HashSet<string>(s_alwaysShared, StringComparer.Ordinal);
        foreach (Assembly a in AppDomain.CurrentDomain.GetAssemblies())
        {
            string? n = a.GetName().Name;
            if (n is not null && IsShared(n)) names.Add(n);
        }
        // One the app cannot load is left out here (the loader's builder would throw FileNotFoundException for every
        // plugin, ending the app without the key) and refused by the options validator, which names its key.
        foreach (string n in options.SharedAssemblies) if (SharedAssemblyProblem(n) is null) names.Add(n);
        return names;
    }

    /// <summary>
    /// Why the app cannot share assembly <paramref name="name"/> with its plugins (it does not load in the app's own
    /// load context), or null when it can.
    /// </summary>
    internal static string? SharedAssemblyProblem(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "an empty name";
        try
        {
            System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            return e.Message;
        }
    }

    private static Version? HostVersionOf(string assembly)
    {
        foreach (Assembly a in AppDomain.CurrentDomain.GetAssemblies())
        {
            AssemblyName n = a.GetName();
            if (n.Name == assembly) return n.Version;
        }
        string path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        return File.Exists(path) ? AssemblyName.GetAssemblyName(path).Version : null;
    }

    /// <summary>
    /// The entry assembly: named by an optional <c>plugin.json</c> (<c>{"entryAssembly": "X.dll"}</c>), else <c>&lt;Folder&gt;.dll</c>
    /// or <c>ArrayDispatch.&lt;Folder&gt;.dll</c>; null with <paramref name="problem"/> saying why (a plugin.json that does not
    /// parse, or names a file that is not in the folder, is reported as such, not as a missing <c>&lt;Folder&gt;.dll</c>).
    /// </summary>
    private static string? FindEntryAssembly(string folder, string name, out string problem)
    {
        string manifest = Path.Combine(folder, "plugin.json");
        if (File.Exists(manifest))
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
                if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
                {
                    problem = $"{manifest} must be a JSON object such as {{\"entryAssembly\": \"{name}.dll\"}}";
                    return null;
                }
                if (doc.RootElement.TryGetProperty("entryAssembly", out var entry))
                {
                    if (entry.ValueKind != System.Text.Json.JsonValueKind.String || string.IsNullOrWhiteSpace(entry.GetString()))
                    {
                        problem = $"{manifest}: entryAssembly must be the file name of the entry assembly, e.g. \"{name}.dll\"";
                        return null;
                    }
                    string file = entry.GetString()!;
                    string path = Path.GetFullPath(Path.Combine(folder, file));
                    if (!path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        problem = $"{manifest}: entryAssembly '{file}' is outside the plugin folder";
                        return null;
                    }
                    problem = $"{manifest} names entry assembly '{file}', which is not in {folder}";
                    return File.Exists(path) ? path : null;
                }
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
            {
                problem = $"{manifest} could not be read: {ex.Message}";
                return null;
            }
        }
        problem = $"no entry assembly: expected {name}.dll or ArrayDispatch.{name}.dll in {folder}";
        foreach (string candidate in (string[])[$"{name}.dll", $"ArrayDispatch.{name}.dll"])
        {
            string path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
