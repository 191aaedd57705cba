namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// One node of a task graph: a stable, readable key (<c>add-3f2a91c0-1-0</c>), the keys it depends on, and the function
/// that turns their values into its own. Immutable.
/// </summary>
public sealed class ChunkTask
{
    /// <summary>Creates a task.</summary>
    /// <param name="key">The key, unique in its graph.</param>
    /// <param name="function">The name shown in graph pictures and progress (e.g. <c>qr</c>, <c>random</c>).</param>
    /// <param name="dependencies">The keys whose values the task receives, in order.</param>
    /// <param name="run">The work.</param>
    /// <param name="index">The chunk index the task produces, for labels; empty for none.</param>
    public ChunkTask(string key, string function, IReadOnlyList<string> dependencies, TaskFunc run, int[]? index = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(run);
        Key = key;
        Function = function;
        Dependencies = dependencies;
        Run = run;
        Index = index ?? [];
        ParallelKernel = IsParallelKernel(function);
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The function's name, for labels.</summary>
    public string Function { get; }

    /// <summary>The keys this task needs, in the order its function receives them.</summary>
    public IReadOnlyList<string> Dependencies { get; }

    /// <summary>The work.</summary>
    public TaskFunc Run { get; }

    /// <summary>The chunk index the task produces (empty when it produces no chunk of an array).</summary>
    public int[] Index { get; }

    /// <summary>Whether the task's result is a new array that nothing else references (a random chunk, an element-wise result).</summary>
    public bool FreshResult { get; init; }

    /// <summary>
    /// Whether the task's kernel already uses every core (BLAS-backed linear algebra: chunk QR, SVD, matmul), so the
    /// scheduler runs it with no other task beside it: two such tasks side by side only oversubscribe the cores. Defaults
    /// from the function name (<see cref="IsParallelKernel"/>).
    /// </summary>
    public bool ParallelKernel { get; init; }

    /// <summary>Chunk functions whose kernels are multi-threaded BLAS/LAPACK calls on the Dense backend.</summary>
    internal static bool IsParallelKernel(string function) => function is "matmul" or "tensordot" or "qr" or "qr-r" or "svd" or "cholesky-qr";

    /// <summary>
    /// The same work, allowed to overwrite its single input in place (NumPy's <c>out=</c>); used when that input is a fresh
    /// result that only this task reads, i.e. when the optimiser fuses the two. Null when the task has no such form.
    /// </summary>
    public TaskFunc? ConsumingRun { get; init; }

    /// <summary>
    /// Another way to get this task's value when the graph computes <see cref="TaskAlternative.Key"/> anyway: a cheap task
    /// (TSQR's R-only QR) whose value is part of an expensive one's (the full QR, needed when Q is). Culling uses it.
    /// </summary>
    public TaskAlternative? Alternative { get; init; }

    /// <summary>
    /// The work as data (see <see cref="TaskSpec"/>), for schedulers that run tasks in other processes; null for a task
    /// that only has its closure, which such a scheduler refuses naming <see cref="Function"/>.
    /// </summary>
    public TaskSpec? Spec { get; init; }

    /// <summary>A task whose work is <paramref name="spec"/>: the closure the local scheduler runs is built from it.</summary>
    internal static ChunkTask FromSpec(string key, string function, IReadOnlyList<string> dependencies, TaskSpec spec, Dispatch.IArrayDispatcher dispatcher, int[]? index = null) =>
        new(key, function, dependencies, spec.Bind(dispatcher), index) { Spec = spec };

    /// <summary>Dask's label: the function name and the chunk index, e.g. <c>qr (2, 0)</c>.</summary>
    public string Label => Index.Length == 0 ? Function : $"{Function} ({string.Join(", ", Index)})";

    /// <inheritdoc/>
    public override string ToString() => Key;
}
