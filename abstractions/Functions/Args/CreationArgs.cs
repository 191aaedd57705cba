using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>Arguments of <c>zeros</c>, <c>ones</c>, <c>empty</c> and <c>full</c>.</summary>
/// <param name="Shape">The shape.</param>
/// <param name="DType">The dtype.</param>
/// <param name="Fill">The value of every element (ignored by <c>empty</c>).</param>
/// <param name="Placement">Where the array lives.</param>
public readonly record struct FullArgs(Shape Shape, DType DType, Scalar Fill, Placement Placement = default) : ICreationArgs<FullArgs>, ITargetDTypeArgs, IFillArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(Placement.Like);

    /// <inheritdoc/>
    public FullArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Placement = Placement.MapLike(map) };
}

/// <summary>Arguments of <c>zeros_like</c>, <c>ones_like</c>, <c>empty_like</c> and <c>full_like</c>: dispatched on <see cref="X"/>.</summary>
/// <param name="X">The array whose shape (and by default dtype) the result takes.</param>
/// <param name="Fill">The value of every element.</param>
/// <param name="DType">The dtype, or <see langword="null"/> for <paramref name="X"/>'s.</param>
public readonly record struct FullLikeArgs(NDArray X, Scalar Fill, DType? DType = null) : IArrayArgs<FullLikeArgs>, ITargetDTypeArgs, IFillArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public FullLikeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>arange</c> (<see cref="Start"/>, <see cref="Stop"/>, <see cref="Step"/>) and <c>linspace</c> (<see cref="Num"/>, <see cref="Endpoint"/>).</summary>
/// <param name="Start">The first value.</param>
/// <param name="Stop">The end of the interval.</param>
/// <param name="Step">The spacing (<c>arange</c>).</param>
/// <param name="Num">The number of samples (<c>linspace</c>).</param>
/// <param name="Endpoint">Include <paramref name="Stop"/> (<c>linspace</c>).</param>
/// <param name="DType">The dtype, or <see langword="null"/> to infer it as NumPy does.</param>
/// <param name="Placement">Where the array lives.</param>
public readonly record struct RangeArgs(Scalar Start, Scalar Stop, Scalar Step, int Num = 50, bool Endpoint = true, DType? DType = null, Placement Placement = default)
    : ICreationArgs<RangeArgs>, ITargetDTypeArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(Placement.Like);

    /// <inheritdoc/>
    public RangeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Placement = Placement.MapLike(map) };
}

/// <summary>Arguments of <c>eye</c> and <c>identity</c>.</summary>
/// <param name="N">Rows.</param>
/// <param name="M">Columns.</param>
/// <param name="K">The diagonal: 0 the main one, positive above, negative below.</param>
/// <param name="DType">The dtype.</param>
/// <param name="Placement">Where the array lives.</param>
public readonly record struct EyeArgs(int N, int M, int K = 0, DType DType = DType.Float64, Placement Placement = default) : ICreationArgs<EyeArgs>, ITargetDTypeArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(Placement.Like);

    /// <inheritdoc/>
    public EyeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Placement = Placement.MapLike(map) };
}

/// <summary>
/// Arguments of <c>asarray</c>/<c>array</c>: build an array on a backend from another backend's array (through
/// <see cref="Interchange.HostBuffer"/>), from a .NET array (multi-dimensional arrays keep their shape) or from a
/// <see cref="Interchange.HostBuffer"/>.
/// </summary>
/// <param name="Source">An <see cref="NDArray"/>, a .NET array, or a <see cref="Interchange.HostBuffer"/>.</param>
/// <param name="DType">The dtype, or <see langword="null"/> to keep the source's.</param>
/// <param name="Copy">Always copy (NumPy's <c>array</c>), rather than only when needed (<c>asarray</c>).</param>
/// <param name="Placement">Where the array lives; with no backend, an <see cref="NDArray"/> source stays on its own backend.</param>
public readonly record struct AsArrayArgs(object Source, DType? DType = null, bool Copy = false, Placement Placement = default) : ICreationArgs<AsArrayArgs>, ITargetDTypeArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(Source as NDArray);
        visitor.Visit(Placement.Like);
    }

    /// <inheritdoc/>
    public AsArrayArgs MapRelevant(Func<NDArray, NDArray> map) =>
        (Source is NDArray a ? this with { Source = map(a) } : this) with { Placement = Placement.MapLike(map) };
}

/// <summary>A distribution drawn from by <see cref="RandomArgs"/>.</summary>
public enum RandomDistribution
{
    /// <summary>Uniform on [<c>Low</c>, <c>High</c>); <c>random()</c> is [0, 1).</summary>
    Uniform,
    /// <summary>Normal with mean <c>Low</c> and standard deviation <c>High</c>.</summary>
    Normal,
    /// <summary>Integers in [<c>Low</c>, <c>High</c>).</summary>
    Integers,
    /// <summary>A permutation of <c>0 … Low-1</c>.</summary>
    Permutation,
}

/// <summary>Arguments of the random creation functions. The same seed gives the same array on the same backend.</summary>
/// <param name="Distribution">What to draw.</param>
/// <param name="Shape">The shape.</param>
/// <param name="Low">The first parameter (low, mean, or n for a permutation).</param>
/// <param name="High">The second parameter (high, or standard deviation).</param>
/// <param name="Seed">The seed of this draw (see <see cref="RandomGenerator"/>).</param>
/// <param name="DType">The dtype.</param>
/// <param name="Placement">Where the array lives.</param>
/// <param name="Out">
/// An array to write the draws into (NumPy's <c>out=</c>): it must have <paramref name="Shape"/> and <paramref name="DType"/>,
/// and the values are those the allocating call would give. It is returned. <see langword="null"/> allocates.
/// </param>
public readonly record struct RandomArgs(
    RandomDistribution Distribution, Shape Shape, double Low, double High, ulong Seed, DType DType = DType.Float64, Placement Placement = default, NDArray? Out = null)
    : ICreationArgs<RandomArgs>, ITargetDTypeArgs, IOutArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(Placement.Like);
        visitor.Visit(Out);
    }

    /// <inheritdoc/>
    public RandomArgs MapRelevant(Func<NDArray, NDArray> map) =>
        this with { Placement = Placement.MapLike(map), Out = Out is null ? null : map(Out) };
}
