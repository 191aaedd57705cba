using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>
/// Arguments of reductions and scans: <c>sum</c>, <c>prod</c>, <c>mean</c>, <c>var</c>, <c>std</c>, <c>min</c>, <c>max</c>,
/// <c>any</c>, <c>all</c>, <c>count_nonzero</c>, <c>nansum</c>, <c>nanmean</c>, <c>argmin</c>, <c>argmax</c>,
/// <c>cumsum</c>, <c>cumprod</c>.
/// </summary>
/// <param name="X">The array to reduce.</param>
/// <param name="Axis">The axes to reduce over; <see cref="Axes.All"/> for every axis. <c>argmin</c>/<c>argmax</c>/scans take at most one.</param>
/// <param name="KeepDims">Keep reduced axes with length 1.</param>
/// <param name="DType">The accumulator and result dtype, or <see langword="null"/> for NumPy's default.</param>
/// <param name="Ddof">Delta degrees of freedom for <c>var</c> and <c>std</c>.</param>
public readonly record struct ReductionArgs(NDArray X, Axes Axis = default, bool KeepDims = false, DType? DType = null, int Ddof = 0)
    : IArrayArgs<ReductionArgs>, ITargetDTypeArgs
{
    DType? ITargetDTypeArgs.TargetDType => DType;

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public ReductionArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}
