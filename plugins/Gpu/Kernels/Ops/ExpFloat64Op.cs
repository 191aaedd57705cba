namespace ArrayDispatch.Gpu;

/// <summary><c>exp</c> on float64 through <see cref="Float64Math.Exp"/>.</summary>
internal struct ExpFloat64Op : IGpuUnaryOp<double, double>
{
    public readonly double Apply(double x) => Float64Math.Exp(x);
}
