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

/// <summary>Where a created array lives and how it is laid out: NEP 35's <c>like=</c>, an explicit backend, chunks or a sparse format.</summary>
/// <param name="Backend">The backend that creates the array; <see langword="null"/> for the scoped, <c>like</c> or default backend.</param>
/// <param name="Like">An array whose backend creates the result (NEP 35).</param>
/// <param name="Chunks">The chunk shape for chunked backends, e.g. <c>[1000, 1000]</c>; <see langword="null"/> lets the backend choose.</param>
/// <param name="Format">A storage format for backends with several (<c>"csr"</c>, <c>"csc"</c>, <c>"coo"</c>).</param>
public readonly record struct Placement(string? Backend = null, NDArray? Like = null, int[]? Chunks = null, string? Format = null)
{
    /// <summary>The placement with <see cref="Like"/> mapped (an argument record's <c>MapRelevant</c> maps what it visits).</summary>
    internal Placement MapLike(Func<NDArray, NDArray> map) => Like is null ? this : this with { Like = map(Like) };

    /// <summary>No preference: the scoped backend, else <c>DefaultBackend</c>.</summary>
    public static Placement Default => default;

    /// <summary>Creates the array on <paramref name="backend"/>.</summary>
    public static implicit operator Placement(string backend) => new(Backend: backend);
}
