using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ArrayDispatch.Runtime.Options;

/// <summary>
/// Refuses keys and values that do not fit the options (<see cref="ConfigurationSchema"/>), unknown backend, plugin and
/// function names, reporting every error with its configuration key path and the nearest valid name. A backend whose
/// plugin failed to load still counts as known: its refusal is reported on its own.
/// </summary>
internal sealed class ArrayDispatchOptionsValidator(BackendRegistry registry, PluginLoadReport report, IConfiguration section) : IValidateOptions<ArrayDispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, ArrayDispatchOptions options)
    {
        IReadOnlyList<string> shape = ConfigurationSchema.Check(section);
        if (shape.Count > 0) return ValidateOptionsResult.Fail(shape);
        var known = registry.Current.Backends.Select(b => b.Name)
            .Concat(report.Results.Select(r => r.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var result = new ValidateOptionsResultBuilder();
        for (int i = 0; i < options.Priority.Count; i++) CheckBackend(result, known, $"ArrayDispatch:Priority:{i}", options.Priority[i]);
        if (options.DefaultBackend is { } d) CheckBackend(result, known, "ArrayDispatch:DefaultBackend", d);
        string[] plugins = report.Results.Select(r => r.Name).Concat(registry.Current.Backends.Select(b => b.Name))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        foreach (string plugin in options.Plugins.Keys.Where(p => !plugins.Contains(p, StringComparer.Ordinal)))
        {
            string? near = NameMatcher.Nearest(plugin, plugins);
            result.AddError($"ArrayDispatch:Plugins:{plugin}: no plugin named '{plugin}' was found. Plugins found: {(plugins.Length == 0 ? "(none)" : string.Join(", ", plugins))}.{(near is null ? "" : $" Did you mean '{near}'?")}");
        }
        for (int i = 0; i < options.SharedAssemblies.Count; i++)
        {
            if (PluginHost.SharedAssemblyProblem(options.SharedAssemblies[i]) is { } problem)
            {
                result.AddError($"ArrayDispatch:SharedAssemblies:{i}: the app cannot load assembly '{options.SharedAssemblies[i]}' to share it with its plugins ({problem}); a shared assembly is one the app itself references, so that it sits beside the app's own .dll");
            }
        }
        // A pin that is no SHA-256 can never match: refused here, naming the key, rather than as the plugin's HashMismatch.
        foreach ((string plugin, PluginSettings settings) in options.Plugins)
        {
            if (settings.Sha256 is { } pin && !(pin.Trim().Length == 64 && pin.Trim().All(char.IsAsciiHexDigit)))
            {
                result.AddError($"ArrayDispatch:Plugins:{plugin}:Sha256: '{pin}' is not a SHA-256 (64 hexadecimal digits); the 'hash <plugin-folder>' command prints the pin to use");
            }
        }
        // Backends:<Name> belongs to the plugin of that name (its IBackendBuilder.Configuration); under a name no plugin
        // has, a setting is read by nobody, so a typo (Backends:Sparce:AllowDensify) would change nothing, silently.
        foreach (IConfigurationSection backend in section.GetSection("Backends").GetChildren())
        {
            if (plugins.Contains(backend.Key, StringComparer.OrdinalIgnoreCase)) continue;
            string? near = NameMatcher.Nearest(backend.Key, plugins);
            result.AddError($"{backend.Path}: no plugin named '{backend.Key}' was found, so nothing reads these settings. Plugins found: {(plugins.Length == 0 ? "(none)" : string.Join(", ", plugins))}.{(near is null ? "" : $" Did you mean '{near}'?")}");
        }
        // A backend's own setting that names a backend (Chunked's ChunkBackend): an unknown name was found by the first
        // call that created a chunk ("no implementation found for 'full' on types []"), not at start-up with its key.
        foreach (BackendRegistration backend in registry.Current.Backends)
        {
            foreach (BackendSetting setting in backend.BackendSettings)
            {
                (string fullPath, string? value) = setting.Read(section, backend.Name);
                if (value is null) continue;
                // Naming the backend itself sent every call back to it: ChunkBackend=Chunked overflowed the stack at
                // the first chunk made (the process ended), DenseBackend=Sparse gave sparse "dense" results.
                if (value == backend.Name)
                {
                    string[] others = known.Where(k => k != backend.Name).ToArray();
                    result.AddError($"{fullPath}: '{value}' is the backend itself; this setting names another backend. Other backends: {(others.Length == 0 ? "(none loaded)" : string.Join(", ", others))}.");
                }
                else if (!known.Contains(value, StringComparer.Ordinal)) CheckBackend(result, known, fullPath, value);
                else if (!registry.Current.ByName.ContainsKey(value) && report.Latest.LastOrDefault(r => r.Name == value) is { Loaded: false } failed)
                {
                    // ChunkBackend=Gpu with Gpu disabled (or refused) started, and the first chunk made failed without the key.
                    string[] loaded = registry.Current.Backends.Select(b => b.Name).Where(b => b != backend.Name).Order(StringComparer.Ordinal).ToArray();
                    result.AddError($"{fullPath}: backend '{value}' is not loaded ({(failed.Outcome == PluginOutcome.Disabled ? failed.Reason : $"refused, {failed.Outcome}: {failed.Reason}")}), so {backend.Name} could not use it. Loaded backends: {(loaded.Length == 0 ? "(none)" : string.Join(", ", loaded))}.");
                }
            }
        }
        foreach ((string function, FunctionRule rule) in options.Functions)
        {
            if (!FunctionCatalog.TryGet(function, out _) && ComposedFunctions.TryGet(function, out ComposedFunction? composed))
            {
                // np.zeros, np.diff, …: Np compositions; the rules belong on the catalogue functions they call.
                result.AddError($"ArrayDispatch:Functions:{function}: '{function}' is {composed.Member}, which dispatches {string.Join(", ", composed.Requires.Select(r => $"'{r.Name}'"))}; set the rules under ArrayDispatch:Functions:{composed.Requires[0].Name}{(composed.Requires.Count > 1 ? " (and the others)" : "")}");
            }
            else if (!FunctionCatalog.TryGet(function, out _))
            {
                string? near = NameMatcher.Nearest(function, FunctionCatalog.All.Select(f => f.Name));
                result.AddError($"ArrayDispatch:Functions:{function}: unknown function '{function}'.{(near is null ? "" : $" Did you mean '{near}'?")}");
            }
            Check(rule.Prefer, "Prefer");
            Check(rule.Disable, "Disable");
            Check(rule.Coerce, "Coerce");

            void Check(List<string> backends, string key)
            {
                for (int i = 0; i < backends.Count; i++) CheckBackend(result, known, $"ArrayDispatch:Functions:{function}:{key}:{i}", backends[i]);
            }
        }
        return result.Build();
    }

    private static void CheckBackend(ValidateOptionsResultBuilder result, string[] known, string path, string backend)
    {
        if (known.Contains(backend, StringComparer.Ordinal)) return;
        string? near = NameMatcher.Nearest(backend, known);
        result.AddError($"{path}: unknown backend '{backend}'. Known backends: {(known.Length == 0 ? "(none loaded)" : string.Join(", ", known))}.{(near is null ? "" : $" Did you mean '{near}'?")}");
    }
}
