using ArrayDispatch.Functions;

namespace ArrayDispatch.Dispatch;

/// <summary>Routes protocol calls to the backend that owns the arrays involved (NEP 18), following the host's configured rules.</summary>
public interface IArrayDispatcher
{
    /// <summary>Calls <paramref name="function"/> on the first candidate backend that does not decline.</summary>
    /// <exception cref="NoImplementationException">Every candidate declined.</exception>
    TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs>;

    /// <summary>
    /// Calls a creation function: on <see cref="Placement.Backend"/> when given, else the scoped backend, else the backend
    /// of <see cref="Placement.Like"/> or of the relevant arguments, else <c>DefaultBackend</c>.
    /// </summary>
    /// <exception cref="NoImplementationException">The chosen backend declined or is not loaded.</exception>
    TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs>;

    /// <summary>The backend that owns <paramref name="arrayType"/>, or <see langword="null"/>.</summary>
    string? OwnerOf(Type arrayType);

    /// <summary>The names of the backends loaded now.</summary>
    IReadOnlyList<string> Backends { get; }

    /// <summary>The names of the functions <paramref name="backend"/> registers handlers for (empty for an unknown backend).</summary>
    IReadOnlyCollection<string> FunctionsOf(string backend);

    /// <summary>
    /// What <paramref name="backend"/> declared it takes for <paramref name="function"/>
    /// (<see cref="Plugins.IBackendBuilder.Declare"/>; <see cref="Plugins.FunctionSupport.Everything"/> when it declared
    /// nothing), or <see langword="null"/> when the backend is not loaded or does not implement the function.
    /// </summary>
    Plugins.FunctionSupport? SupportOf(string backend, ArrayFunction function) => null;

    /// <summary>The ordered candidate chain for <paramref name="function"/> on <paramref name="types"/>, with the rule and configuration key behind each position.</summary>
    DispatchPlan Explain(ArrayFunction function, IReadOnlyList<Type> types);
}

/// <summary>Which rule put a candidate where it is in the chain.</summary>
public enum CandidateRule
{
    /// <summary>A scoped override (<see cref="Np.UseBackend"/>).</summary>
    Scope,
    /// <summary>An explicit backend in a creation call.</summary>
    Explicit,
    /// <summary>It owns a subclass of another argument's type (NEP 18: subclasses before superclasses).</summary>
    Subclass,
    /// <summary>The function's <c>Prefer</c> list.</summary>
    Prefer,
    /// <summary>The global <c>Priority</c> list.</summary>
    Priority,
    /// <summary>Argument order (NEP 18's default, left to right).</summary>
    LeftToRight,
    /// <summary>It does not own the types but is configured to coerce them (<c>Coerce</c>).</summary>
    Coerce,
    /// <summary>The <c>like=</c> argument of a creation call.</summary>
    Like,
    /// <summary><c>DefaultBackend</c>, for creation calls.</summary>
    Default,
}

/// <summary>One position in a candidate chain.</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Rule">The rule that placed it.</param>
/// <param name="Reason">A readable reason with the configuration key, e.g. <c>ArrayDispatch:Priority:0</c>.</param>
/// <param name="Coerces">Whether the backend converts arguments it does not own before its handler runs.</param>
public sealed record Candidate(string Backend, CandidateRule Rule, string Reason, bool Coerces = false)
{
    /// <summary>What the backend declared it takes for the function; <see langword="null"/> when it declared no restriction.</summary>
    public Plugins.FunctionSupport? Support { get; init; }
}

/// <summary>What <see cref="IArrayDispatcher.Explain"/> returns.</summary>
/// <param name="Function">The function.</param>
/// <param name="Types">The argument types, in dispatch order.</param>
/// <param name="Candidates">The chain, first tried first.</param>
/// <param name="Excluded">Backends left out, and why (disabled, not handling the function, owning none of the types).</param>
public sealed record DispatchPlan(string Function, IReadOnlyList<Type> Types, IReadOnlyList<Candidate> Candidates, IReadOnlyList<Decline> Excluded)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(Function).Append(" on [").AppendJoin(", ", Types.Select(t => t.Name)).Append(']');
        for (int i = 0; i < Candidates.Count; i++)
        {
            sb.Append("\n  ").Append(i + 1).Append(". ").Append(Candidates[i].Backend).Append(" — ").Append(Candidates[i].Reason);
            if (Candidates[i].Support is { } support) sb.Append(" [takes ").Append(support).Append(']');
        }
        foreach (Decline d in Excluded) sb.Append("\n  -  ").Append(d.Backend).Append(" — ").Append(d.Reason);
        return sb.ToString();
    }
}

/// <summary>
/// One generation of the host's dispatch tables, as the per-function invoker cache sees it: retired when a rebuild
/// replaces it, so a cached invoker of an old generation stops serving without a call into the dispatcher.
/// </summary>
internal sealed class DispatchGeneration
{
    private volatile bool _retired;

    /// <summary>Replaced by a newer generation: its invokers no longer serve.</summary>
    public bool Retired => _retired;

    /// <summary>Marks the generation replaced (called by the host's dispatcher after it publishes the next one).</summary>
    public void Retire() => _retired = true;
}

/// <summary>
/// A resolved entry point for one function in one dispatch generation (the host's invoker cache). An abstract class
/// rather than an interface: the hit path is one virtual call, and checking that it still serves reads two fields.
/// </summary>
internal abstract class FunctionInvoker<TArgs, TResult>(IArrayDispatcher owner, DispatchGeneration generation) where TArgs : struct, IArrayArgs<TArgs>
{
    /// <summary>The dispatcher whose tables this invoker belongs to.</summary>
    public readonly IArrayDispatcher Owner = owner;

    /// <summary>The generation of those tables.</summary>
    public readonly DispatchGeneration Generation = generation;

    /// <summary>Dispatches one call.</summary>
    public abstract TResult Invoke(in TArgs args);
}
