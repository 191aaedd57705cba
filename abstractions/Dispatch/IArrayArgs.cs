namespace ArrayDispatch.Dispatch;

/// <summary>
/// The arguments of one protocol function, as a struct. It declares which of its parameters are <em>relevant</em>, the
/// arrays that take part in dispatch (NEP 18's dispatcher function).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IArrayArgs<TSelf> where TSelf : struct, IArrayArgs<TSelf>
{
    /// <summary>Visits every relevant array argument, left to right; <see langword="null"/> entries are skipped by the visitor.</summary>
    void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct;

    /// <summary>A copy of the arguments with every relevant array replaced by <paramref name="map"/>(array); used to coerce arguments.</summary>
    TSelf MapRelevant(Func<NDArray, NDArray> map);
}

/// <summary>The arguments of a creation function (<c>zeros</c>, <c>arange</c>, <c>asarray</c>, random): they say where the result lives.</summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface ICreationArgs<TSelf> : IArrayArgs<TSelf> where TSelf : struct, ICreationArgs<TSelf>
{
    /// <summary>The backend, <c>like=</c> array and layout asked for the new array.</summary>
    Placement Placement { get; }
}

/// <summary>Receives the relevant arrays of a call (see <see cref="IArrayArgs{TSelf}.VisitRelevant"/>).</summary>
public interface IRelevantVisitor
{
    /// <summary>Called once per relevant argument, left to right.</summary>
    void Visit(NDArray? array);
}

/// <summary>
/// Where a created array lives: NEP 35's <c>like=</c>, an explicit backend, and options for the backend that creates it.
/// </summary>
/// <remarks>
/// The protocol knows no backend's layout. What only some backends understand (Dask's <c>chunks=</c>, SciPy's sparse
/// <c>format=</c>, a device number) travels as a named option, the way such keywords travel to the creating library in
/// Python; the backend that creates the array reads the options it knows (<see cref="Option{T}"/>) and ignores the rest,
/// so one call can carry hints for whichever backend ends up creating the array.
/// </remarks>
/// <param name="Backend">The backend that creates the array; <see langword="null"/> for the scoped, <c>like</c> or default backend.</param>
/// <param name="Like">An array whose backend creates the result (NEP 35).</param>
/// <param name="Options">Creation options by name for the creating backend, e.g. <c>["chunks"] = new[] { 1000, 1000 }</c>; <see langword="null"/> for none.</param>
public readonly record struct Placement(string? Backend = null, NDArray? Like = null, IReadOnlyDictionary<string, object?>? Options = null)
{
    /// <summary>The placement with <see cref="Like"/> mapped (an argument record's <c>MapRelevant</c> maps what it visits).</summary>
    internal Placement MapLike(Func<NDArray, NDArray> map) => Like is null ? this : this with { Like = map(Like) };

    /// <summary>No preference: the scoped backend, else <c>DefaultBackend</c>.</summary>
    public static Placement Default => default;

    /// <summary>Creates the array on <paramref name="backend"/>.</summary>
    public static implicit operator Placement(string backend) => new(Backend: backend);

    /// <summary>
    /// The option <paramref name="name"/> as <typeparamref name="T"/>, or <see langword="default"/> when it is absent or
    /// <see langword="null"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The option is there but is not a <typeparamref name="T"/>; the message names the option and both types.</exception>
    public T? Option<T>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Options is null || !Options.TryGetValue(name, out object? value) || value is null) return default;
        return value is T typed
            ? typed
            : throw new ArgumentException($"The creation option '{name}' must be {typeof(T).Name}, got {value.GetType().Name}.", nameof(Options));
    }

    /// <summary>A copy with option <paramref name="name"/> set to <paramref name="value"/> (<see langword="null"/> removes it).</summary>
    public Placement WithOption(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        var options = Options is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(Options, StringComparer.Ordinal);
        if (value is null) options.Remove(name);
        else options[name] = value;
        return this with { Options = options.Count == 0 ? null : options };
    }
}
