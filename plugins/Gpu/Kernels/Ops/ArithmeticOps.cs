using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

// Binary arithmetic. One struct per operator; the generic Binary kernel is specialised per (dtype, operator).

// The scalar rules are the protocol's (ArrayDispatch.Scalars): these structs only bind them to the kernels' operator shape.
// ILGPU compiles those generic static methods like the structs' own bodies (they use operators and static interface
// members only), and none of them throws, so no input can end a kernel thread.

/// <summary>NumPy's <c>maximum</c>: NaN if either is NaN.</summary>
internal struct MaximumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => Extrema.Maximum(x, y);
    public readonly T Combine(T a, T b) => Extrema.Maximum(a, b);
    public readonly T Seed(T first) => first;
}

/// <summary>NumPy's <c>minimum</c>: NaN if either is NaN.</summary>
internal struct MinimumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => Extrema.Minimum(x, y);
    public readonly T Combine(T a, T b) => Extrema.Minimum(a, b);
    public readonly T Seed(T first) => first;
}

// INumberBase: complex64 and complex128 too (their + adds the parts; their * is NumPy's (ac - bd) + (ad + bc)j).
internal struct SumOp<T> : IGpuReduceOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly T Combine(T a, T b) => a + b;
    public readonly T Seed(T first) => T.Zero + first;
}

internal struct ProdOp<T> : IGpuReduceOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly T Combine(T a, T b) => a * b;
    public readonly T Seed(T first) => T.One * first;
}

internal struct ArgMaxOp<T> : IGpuArgOp<T> where T : unmanaged, INumber<T>
{
    public readonly bool Better(T candidate, T current) => !T.IsNaN(current) && (T.IsNaN(candidate) || candidate > current);
}

internal struct ArgMinOp<T> : IGpuArgOp<T> where T : unmanaged, INumber<T>
{
    public readonly bool Better(T candidate, T current) => !T.IsNaN(current) && (T.IsNaN(candidate) || candidate < current);
}

// complex64/complex128 reductions in NumPy's lexicographic order (real parts, then imaginary parts), NaN propagating:
// the protocol's maximum/minimum complex loops as the combine, and its ordering for argmax/argmin.

internal struct ComplexMaximumOp<T> : IGpuReduceOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly T Combine(T a, T b) => Ufuncs.MaximumOp.Complex(a, b);
    public readonly T Seed(T first) => first;
}

internal struct ComplexMinimumOp<T> : IGpuReduceOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly T Combine(T a, T b) => Ufuncs.MinimumOp.Complex(a, b);
    public readonly T Seed(T first) => first;
}

/// <summary>argmax of complex values: a greater value, or the first with a NaN part (NumPy's rule, as Dense).</summary>
internal struct ComplexArgMaxOp<T> : IGpuArgOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly bool Better(T candidate, T current)
    {
        System.Numerics.Complex c = Ufuncs.ComplexFunctions.Widen(candidate), best = Ufuncs.ComplexFunctions.Widen(current);
        return !Ufuncs.ComplexFunctions.IsNaN(best) && (Ufuncs.ComplexFunctions.IsNaN(c) || Ufuncs.ComplexFunctions.Less(best, c));
    }
}

internal struct ComplexArgMinOp<T> : IGpuArgOp<T> where T : unmanaged, INumberBase<T>
{
    public readonly bool Better(T candidate, T current)
    {
        System.Numerics.Complex c = Ufuncs.ComplexFunctions.Widen(candidate), best = Ufuncs.ComplexFunctions.Widen(current);
        return !Ufuncs.ComplexFunctions.IsNaN(best) && (Ufuncs.ComplexFunctions.IsNaN(c) || Ufuncs.ComplexFunctions.Less(c, best));
    }
}
