using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Options;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Runtime.Registry;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>One resolved position of a chain: the handler to call and why it is there.</summary>
internal sealed record ResolvedCandidate(BackendRegistration Backend, Delegate Handler, Candidate Explain);

/// <summary>The result of resolving a chain: candidates in order, and the backends left out with their reasons.</summary>
internal sealed record Resolution(IReadOnlyList<ResolvedCandidate> Candidates, IReadOnlyList<Decline> Excluded);

/// <summary>
/// Applies ARCHITECTURE §3 once per (function, types, scope): scope first; then the owners of the types and the
/// configured coercers: the function's <c>Prefer</c> list first, then NEP 18's argument order with the backends named
/// in <c>Priority</c> reordered by it among their places (see <see cref="Order"/>); with subclasses always before
/// superclasses; minus <c>Disable</c>d backends and those without a handler.
/// Runs off the hot path; its result is cached as a frozen chain.
/// </summary>
internal static class ChainResolver
{
    public static Resolution Resolve(BackendSet set, DispatchRules rules, ArrayFunction function, IReadOnlyList<Type> types, BackendScope? scope)
    {
        var candidates = new List<ResolvedCandidate>();
        var excluded = new List<Decline>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        FunctionRule rule = rules.For(function.Name);

        if (AddScoped(set, function, scope, candidates, excluded, seen, types)) return new(candidates, excluded);

        // Owners in NEP 18 type order (types arrive subclass-first, else left to right), then configured coercers.
        var pool = new List<(BackendRegistration Backend, int NepIndex, bool Coerces, Type? Type)>();
        for (int i = 0; i < types.Count; i++)
        {
            BackendRegistration? owner = set.OwnerOf(types[i]);
            if (owner is null || pool.Exists(p => p.Backend == owner)) continue;
            pool.Add((owner, pool.Count, rule.Coerce.Contains(owner.Name) && !OwnsAll(set, owner, types), types[i]));
        }
        for (int i = 0; i < rule.Coerce.Count; i++)
        {
            if (!set.ByName.TryGetValue(rule.Coerce[i], out BackendRegistration? coercer) || pool.Exists(p => p.Backend == coercer)) continue;
            pool.Add((coercer, pool.Count, true, null));
        }

        pool = Order(pool, rule, rules);
        EnforceSubclassOrder(pool);

        foreach ((BackendRegistration backend, _, bool coerces, Type? ownedType) in pool)
        {
            if (!seen.Add(backend.Name)) continue;
            int disabledAt = rule.Disable.IndexOf(backend.Name);
            if (disabledAt >= 0)
            {
                excluded.Add(new(backend.Name, $"disabled by ArrayDispatch:Functions:{function.Name}:Disable:{disabledAt}"));
                continue;
            }
            if (!backend.Implements(function))
            {
                excluded.Add(new(backend.Name, $"does not implement '{function.Name}'"));
                continue;
            }
            if (!coerces && ForeignTo(set, backend, types) is { } foreign)
            {
                excluded.Add(new(backend.Name, foreign));
                continue;
            }
            candidates.Add(new(backend, backend.HandlerFor(function)!, WithSupport(Explain(backend.Name, coerces, ownedType, function.Name, rule, rules, types), backend, function)));
        }
        foreach (BackendRegistration other in set.Backends)
        {
            if (seen.Contains(other.Name)) continue;
            if (SameNameOtherType(set, other, types) is { } twin)
            {
                excluded.Add(new(other.Name, DescribeTwin(other.Name, twin.Argument, twin.Owned)));
            }
            else if (other.Implements(function))
            {
                excluded.Add(new(other.Name, "owns none of the argument types and is not configured to coerce them"));
            }
        }
        return new(candidates, excluded);
    }

    /// <summary>
    /// An argument type (or one of its base types) that nobody owns but whose full name is one that <paramref name="backend"/>
    /// owns: the same source compiled or loaded twice (an app that references the plugin's project and writes
    /// <c>new MyArray(…)</c> gets the app's copy; the plugin's load context has its own).
    /// </summary>
    private static (Type Argument, Type Owned)? SameNameOtherType(BackendSet set, BackendRegistration backend, IReadOnlyList<Type> types)
    {
        foreach (Type t in types)
        {
            if (set.OwnerOf(t) is not null) continue;
            for (Type? current = t; current is not null && current != typeof(NDArray); current = current.BaseType)
            {
                foreach (Type owned in backend.OwnedTypes)
                {
                    if (owned != current && string.Equals(owned.FullName, current.FullName, StringComparison.Ordinal)) return (current, owned);
                }
            }
        }
        return null;
    }

    private static string DescribeTwin(string backend, Type argument, Type owned)
    {
        static string Where(Type t) =>
            $"'{t.Assembly.GetName().Name}' in load context '{System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(t.Assembly)?.Name ?? "?"}'";
        string assembly = owned.Assembly.GetName().Name ?? "?";
        string share = DefinesPlugin(owned.Assembly)
            ? "or move the array types into a contract assembly that the app and the plugin both reference and list it in ArrayDispatch:SharedAssemblies"
            : $"or list '{assembly}' in ArrayDispatch:SharedAssemblies";
        return $"owns a different {owned.FullName}: the argument's type is from {Where(argument)}, the backend's from {Where(owned)}, " +
               $"two copies of one type; make the arrays with Np.AsArray(…, backend: \"{backend}\"), {share} so that the host loads it once and shares it";
    }

    private static bool DefinesPlugin(System.Reflection.Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes().Any(t => t is { IsClass: true, IsAbstract: false } && typeof(ArrayDispatch.Plugins.IArrayBackendPlugin).IsAssignableFrom(t));
        }
        catch (Exception ex) when (ex is System.Reflection.ReflectionTypeLoadException or NotSupportedException or FileNotFoundException)
        {
            return true;
        }
    }

    /// <summary>Creation calls: explicit backend, else scope, else <c>DefaultBackend</c>, else the one backend that implements the function.</summary>
    public static Resolution ResolveCreation(BackendSet set, DispatchRules rules, ArrayFunction function, string? explicitBackend, BackendScope? scope)
    {
        var candidates = new List<ResolvedCandidate>();
        var excluded = new List<Decline>();
        if (explicitBackend is not null)
        {
            AddNamed(set, function, explicitBackend, CandidateRule.Explicit, $"asked for by name (backend: \"{explicitBackend}\")", false, candidates, excluded);
            return new(candidates, excluded);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (AddScoped(set, function, scope, candidates, excluded, seen) || candidates.Count > 0) return new(candidates, excluded);
        if (rules.DefaultBackend is { } fallback)
        {
            AddNamed(set, function, fallback, CandidateRule.Default, "ArrayDispatch:DefaultBackend", false, candidates, excluded);
        }
        else
        {
            // Without DefaultBackend a creation call still has an obvious home when exactly one loaded backend can make
            // that array (an app that loads only Dense needs no configuration); with several, the choice is the user's.
            string[] makers = set.Backends.Where(b => b.Implements(function)).Select(b => b.Name).ToArray();
            if (makers.Length == 1)
            {
                AddNamed(set, function, makers[0], CandidateRule.Default, $"the only loaded backend that implements '{function.Name}' (ArrayDispatch:DefaultBackend is not set)", false, candidates, excluded);
            }
            else
            {
                excluded.Add(new("(none)", makers.Length == 0
                    ? set.Backends.Count == 0 ? NoBackendLoaded : $"no loaded backend implements '{function.Name}'"
                    : $"no backend was named and no scope is active, and {makers.Length} loaded backends implement '{function.Name}' ({string.Join(", ", makers)}): set ArrayDispatch:DefaultBackend to one of them, or pass backend:"));
            }
        }
        return new(candidates, excluded);
    }

    /// <summary>Adds the scope chain's backends, innermost first; returns true when a scope is <c>only</c>.</summary>
    private static bool AddScoped(BackendSet set, ArrayFunction function, BackendScope? scope, List<ResolvedCandidate> candidates, List<Decline> excluded, HashSet<string> seen,
        IReadOnlyList<Type>? arrayTypes = null)
    {
        bool only = false;
        for (BackendScope? s = scope; s is not null; s = s.Parent)
        {
            only |= s.Only;
            if (!seen.Add(s.Backend)) continue;
            AddNamed(set, function, s.Backend, CandidateRule.Scope, $"scoped override Np.UseBackend(\"{s.Backend}\"{(s.Only ? ", only: true" : "")}{(s.Coerce ? ", coerce: true" : "")})", s.Coerce, candidates, excluded, arrayTypes);
        }
        return only;
    }

    /// <summary>Why a named backend is not a candidate: which are loaded, and the nearest name (a typo in <c>backend:</c>).</summary>
    private static string NotLoaded(BackendSet set, string name)
    {
        if (set.Backends.Count == 0) return $"is not loaded; {NoBackendLoaded}";
        string[] loaded = set.Backends.Select(b => b.Name).ToArray();
        string? near = NameMatcher.Nearest(name, loaded);
        return $"is not loaded (loaded backends: {string.Join(", ", loaded)}){(near is null ? "" : $"; did you mean '{near}'?")}";
    }

    // With no backend at all, the usual cause is that no plugin folder was read: appsettings.json not found (an app started
    // outside its project folder, whose content root is the current directory) or PluginDirectories not set.
    private const string NoBackendLoaded =
        "no backend is loaded at all: ArrayDispatch:PluginDirectories named no folder with plugins in it (is it set? an app "
        + "started from another folder reads appsettings.json from there unless its ContentRootPath is AppContext.BaseDirectory)";

    // arrayTypes: the relevant types of an array function (null for creation calls, which convert what they are given).
    private static void AddNamed(BackendSet set, ArrayFunction function, string name, CandidateRule rule, string reason, bool coerce,
        List<ResolvedCandidate> candidates, List<Decline> excluded, IReadOnlyList<Type>? arrayTypes = null)
    {
        if (!set.ByName.TryGetValue(name, out BackendRegistration? backend))
        {
            excluded.Add(new(name, NotLoaded(set, name)));
            return;
        }
        if (!backend.Implements(function))
        {
            excluded.Add(new(name, $"does not implement '{function.Name}'"));
            return;
        }
        if (arrayTypes is not null && !coerce && ForeignTo(set, backend, arrayTypes) is { } foreign)
        {
            excluded.Add(new(name, foreign));
            return;
        }
        candidates.Add(new(backend, backend.HandlerFor(function)!, WithSupport(new Candidate(name, rule, reason, coerce), backend, function)));
    }

    /// <summary>
    /// NEP 18's check, applied once here for a backend that declared <c>OnlyOwnArrayTypes</c> instead of in every handler:
    /// why it is not called with <paramref name="types"/>, or null when it may be.
    /// </summary>
    private static string? ForeignTo(BackendSet set, BackendRegistration backend, IReadOnlyList<Type> types)
    {
        if (!backend.OwnTypesOnly || OwnsAll(set, backend, types)) return null;
        IEnumerable<string> foreign = types.Where(t => set.OwnerOf(t) != backend).Select(t => t.Name);
        return $"handles only its own array types (OnlyOwnArrayTypes), not {string.Join(", ", foreign)}";
    }

    private static bool OwnsAll(BackendSet set, BackendRegistration backend, IReadOnlyList<Type> types)
    {
        foreach (Type t in types)
        {
            if (set.OwnerOf(t) != backend) return false;
        }
        return true;
    }

    /// <summary>
    /// README "Dispatch rules": the function's <c>Prefer</c> list first, in its order; then every other candidate in NEP 18
    /// order (<paramref name="pool"/> arrives so: owners by argument position, subclasses first, then coercers), where the
    /// backends named in <c>Priority</c> are reordered by it among the places they hold and an unlisted backend keeps the
    /// place argument order gives it. So a backend nobody listed is tried first for a call whose first argument it owns,
    /// and anything listed keeps its configured order relative to everything else listed.
    /// </summary>
    private static List<(BackendRegistration Backend, int NepIndex, bool Coerces, Type? Type)> Order(
        List<(BackendRegistration Backend, int NepIndex, bool Coerces, Type? Type)> pool, FunctionRule rule, DispatchRules rules)
    {
        var preferred = pool.Where(p => rule.Prefer.Contains(p.Backend.Name)).OrderBy(p => rule.Prefer.IndexOf(p.Backend.Name)).ToList();
        var rest = pool.Where(p => !rule.Prefer.Contains(p.Backend.Name)).ToList();
        var slots = new List<int>();
        for (int i = 0; i < rest.Count; i++)
        {
            if (rules.PriorityIndex.ContainsKey(rest[i].Backend.Name)) slots.Add(i);
        }
        var listed = slots.Select(i => rest[i]).OrderBy(p => rules.PriorityIndex[p.Backend.Name]).ToList();   // OrderBy is stable
        for (int k = 0; k < slots.Count; k++) rest[slots[k]] = listed[k];
        return [.. preferred, .. rest];
    }

    /// <summary>NEP 18 always tries the owner of a subclass before the owner of its superclass, whatever the configuration says.</summary>
    private static void EnforceSubclassOrder(List<(BackendRegistration Backend, int NepIndex, bool Coerces, Type? Type)> pool)
    {
        for (int i = 0; i < pool.Count; i++)
        {
            for (int j = i + 1; j < pool.Count; j++)
            {
                if (pool[i].Type is { } superType && pool[j].Type is { } subType && subType != superType && superType.IsAssignableFrom(subType))
                {
                    var sub = pool[j];
                    pool.RemoveAt(j);
                    pool.Insert(i, sub);
                }
            }
        }
    }

    /// <summary>The candidate with the backend's declared support attached when it restricts anything.</summary>
    private static Candidate WithSupport(Candidate candidate, BackendRegistration backend, ArrayFunction function) =>
        backend.SupportFor(function) is { IsUnrestricted: false } support ? candidate with { Support = support } : candidate;

    private static Candidate Explain(string name, bool coerces, Type? ownedType, string function, FunctionRule rule, DispatchRules rules, IReadOnlyList<Type> types)
    {
        int prefer = rule.Prefer.IndexOf(name);
        string owns = ownedType is null ? "owns none of the types" : $"owns {ownedType.Name}";
        if (ownedType is null) return new(name, CandidateRule.Coerce, $"coerces: listed in ArrayDispatch:Functions:{function}:Coerce", true);
        bool isSub = types.Any(t => t != ownedType && t.IsAssignableFrom(ownedType));
        if (isSub) return new(name, CandidateRule.Subclass, $"{owns}, a subclass of another argument's type (NEP 18: subclasses first)", coerces);
        if (prefer >= 0) return new(name, CandidateRule.Prefer, $"{owns}; ArrayDispatch:Functions:{function}:Prefer:{prefer}", coerces);
        if (rules.PriorityIndex.TryGetValue(name, out int p)) return new(name, CandidateRule.Priority, $"{owns}; ArrayDispatch:Priority:{p}", coerces);
        return new(name, CandidateRule.LeftToRight, rules.Priority.Count == 0
            ? $"{owns}; argument order (NEP 18: left to right)"
            : $"{owns}; not in ArrayDispatch:Priority, so it keeps its argument-order place (NEP 18: left to right)", coerces);
    }
}
