using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>Arguments of <c>reshape</c> (one dimension may be -1) and <c>broadcast_to</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Shape">The new shape.</param>
public readonly record struct ShapeArgs(NDArray X, int[] Shape) : IArrayArgs<ShapeArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public ShapeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>
/// Arguments of functions of an array and axes: <c>transpose</c> (a permutation; all axes reverses them), <c>squeeze</c>,
/// <c>expand_dims</c>, <c>flip</c>.
/// </summary>
/// <param name="X">The array.</param>
/// <param name="Axes">The axes.</param>
public readonly record struct AxesArgs(NDArray X, Axes Axes = default) : IArrayArgs<AxesArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public AxesArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>
/// Arguments of functions of an array, integers and an optional axis: <c>roll</c> (shifts), <c>tile</c> (reps),
/// <c>repeat</c> (one count), <c>swapaxes</c> and <c>moveaxis</c> (source, destination in <see cref="Axis"/>),
/// <c>tril</c>/<c>triu</c>/<c>diagonal</c>/<c>trace</c> (offset k), <c>split</c> (sections or indices).
/// </summary>
/// <param name="X">The array.</param>
/// <param name="Ints">The integers the function takes (see the function's documentation).</param>
/// <param name="Axis">The axis or axes, where the function takes them.</param>
public readonly record struct IntArgs(NDArray X, int[] Ints, Axes Axis = default) : IArrayArgs<IntArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public IntArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>astype</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="DType">The target dtype.</param>
/// <param name="Casting">The casting rule; a cast it forbids is refused.</param>
/// <param name="Copy">Copy even when the dtype already matches.</param>
public readonly record struct AsTypeArgs(NDArray X, DType DType, Casting Casting = Casting.Unsafe, bool Copy = true) : IArrayArgs<AsTypeArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public AsTypeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>take</c>: elements of <see cref="X"/> at <see cref="Indices"/> along <see cref="Axis"/>.</summary>
/// <param name="X">The array.</param>
/// <param name="Indices">Integer indices.</param>
/// <param name="Axis">The axis, or <see langword="null"/> for the flattened array.</param>
public readonly record struct TakeArgs(NDArray X, NDArray Indices, int? Axis = null) : IArrayArgs<TakeArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(X);
        visitor.Visit(Indices);
    }

    /// <inheritdoc/>
    public TakeArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(X), map(Indices), Axis);
}

/// <summary>Arguments of <c>sort</c> and <c>argsort</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Axis">The axis, or <see langword="null"/> for the flattened array.</param>
/// <param name="Stable">Keep equal elements in their original order (NumPy's <c>kind="stable"</c>).</param>
/// <param name="Descending">Sort from largest to smallest (the array API's <c>descending=</c>).</param>
public readonly record struct SortArgs(NDArray X, int? Axis = -1, bool Stable = true, bool Descending = false) : IArrayArgs<SortArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public SortArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>unique</c>.</summary>
/// <param name="X">The array (flattened).</param>
/// <param name="ReturnIndex">Also return the first index of each unique value.</param>
/// <param name="ReturnInverse">Also return the indices that rebuild <see cref="X"/> from the unique values.</param>
/// <param name="ReturnCounts">Also return how often each unique value occurs.</param>
public readonly record struct UniqueArgs(NDArray X, bool ReturnIndex = false, bool ReturnInverse = false, bool ReturnCounts = false) : IArrayArgs<UniqueArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public UniqueArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>searchsorted</c>.</summary>
/// <param name="A">The sorted 1-d array.</param>
/// <param name="V">The values to insert.</param>
/// <param name="Right">NumPy's <c>side="right"</c>.</param>
public readonly record struct SearchSortedArgs(NDArray A, NDArray V, bool Right = false) : IArrayArgs<SearchSortedArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(A);
        visitor.Visit(V);
    }

    /// <inheritdoc/>
    public SearchSortedArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(A), map(V), Right);
}

/// <summary>Arguments of indexing (<c>a[...]</c>, NumPy's <c>__getitem__</c>) and of assignment through an index (<c>__setitem__</c>).</summary>
/// <param name="X">The array.</param>
/// <param name="Index">The index, one entry per position in NumPy's index tuple.</param>
/// <param name="Value">The value assigned (for <c>setitem</c>); ignored by <c>getitem</c>.</param>
public readonly record struct IndexArgs(NDArray X, ArrayIndex[] Index, Operand Value = default) : IArrayArgs<IndexArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(X);
        visitor.Visit(Value.Array);
    }

    /// <inheritdoc/>
    public IndexArgs MapRelevant(Func<NDArray, NDArray> map) =>
        new(map(X), Index, Value.Array is { } v ? map(v) : Value);
}
