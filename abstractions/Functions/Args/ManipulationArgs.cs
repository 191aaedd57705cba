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

/// <summary>Arguments of <c>swapaxes</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Axis1">The first axis (negative counts from the end).</param>
/// <param name="Axis2">The second axis.</param>
public readonly record struct AxisPairArgs(NDArray X, int Axis1, int Axis2) : IArrayArgs<AxisPairArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public AxisPairArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>moveaxis</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Source">The axes to move.</param>
/// <param name="Destination">Where each goes, one per source axis.</param>
public readonly record struct MoveAxisArgs(NDArray X, int[] Source, int[] Destination) : IArrayArgs<MoveAxisArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public MoveAxisArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>roll</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Shift">The shift, or one shift per axis in <paramref name="Axis"/>.</param>
/// <param name="Axis">The axes rolled; all means the flattened array.</param>
public readonly record struct RollArgs(NDArray X, int[] Shift, Axes Axis = default) : IArrayArgs<RollArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public RollArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>tile</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Reps">The repetitions per axis (aligned to the last axes, as NumPy).</param>
public readonly record struct TileArgs(NDArray X, int[] Reps) : IArrayArgs<TileArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public TileArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>repeat</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Repeats">How many times each element repeats, or one count per element along the axis.</param>
/// <param name="Axis">The axis; all means the flattened array.</param>
public readonly record struct RepeatArgs(NDArray X, int[] Repeats, Axes Axis = default) : IArrayArgs<RepeatArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public RepeatArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of the functions of one diagonal: <c>tril</c>, <c>triu</c> (their <c>k</c>), <c>diagonal</c> and <c>trace</c> (their <c>offset</c>).</summary>
/// <param name="X">The array.</param>
/// <param name="Offset">The diagonal: 0 the main one, positive above it, negative below.</param>
public readonly record struct DiagonalArgs(NDArray X, int Offset = 0) : IArrayArgs<DiagonalArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public DiagonalArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>split</c>: either equal sections or the indices to split at.</summary>
/// <param name="X">The array.</param>
/// <param name="Sections">The number of equal sections, or null when <paramref name="Indices"/> are given.</param>
/// <param name="Indices">The sorted indices to split at, or null when <paramref name="Sections"/> is given.</param>
/// <param name="Axis">The axis split.</param>
public readonly record struct SplitArgs(NDArray X, int? Sections, int[]? Indices, int Axis = 0) : IArrayArgs<SplitArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public SplitArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>astype</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="DType">The target dtype.</param>
/// <param name="Casting">The casting rule; a cast it forbids is refused.</param>
/// <param name="Copy">Copy even when the dtype already matches.</param>
public readonly record struct AsTypeArgs(NDArray X, DType DType, Casting Casting = Casting.Unsafe, bool Copy = true) : IArrayArgs<AsTypeArgs>, ITargetDTypeArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

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
    /// <summary>
    /// NumPy's <c>equal_nan</c>: all NaN values collapse into one (true, NumPy 2's default for <c>unique</c>), or each NaN
    /// is a value of its own (false, as the array API's <c>unique_all</c>/<c>unique_counts</c>/<c>unique_inverse</c>/<c>unique_values</c>).
    /// A complex value is NaN when either part is. A backend that cannot keep NaNs apart declines false, naming the argument.
    /// </summary>
    public bool EqualNan { get; init; } = true;

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
