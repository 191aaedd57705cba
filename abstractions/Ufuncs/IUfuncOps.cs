using System.Numerics;

namespace ArrayDispatch.Ufuncs;

// The scalar meaning of NumPy's element-wise functions, written once for every backend: one struct per ufunc, with one
// static method per loop NumPy defines for it (Bool, Integer, Float, Complex), generic over the element type. A backend supplies
// only the loop (SIMD, sparse merge, ILGPU kernel) and calls these for the values; which loops exist is read from the
// struct itself (Ufunc.Loops), so adding a loop (a dtype family) is adding a method. Everything here is written with
// operators and static interface members only and never throws, so ILGPU compiles it into device kernels as it is.
// The defaults below are never called: a backend calls only the loops Ufunc.Loops lists.

/// <summary>The scalar meaning of a binary ufunc whose result has its compute dtype (<c>add</c>, <c>floor_divide</c>, <c>bitwise_and</c>, …).</summary>
public interface IBinaryOp
{
    /// <summary>The loop on bools (NumPy's <c>??-&gt;?</c>), where the ufunc has one (<c>add</c> is <c>or</c>).</summary>
    static virtual bool Bool(bool x, bool y) => false;

    /// <summary>The loop on integers of any width and signedness.</summary>
    static virtual T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => T.Zero;

    /// <summary>The loop on IEEE floats (float16, float32, float64).</summary>
    static virtual T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.NaN;

    /// <summary>The loop on complex numbers (<see cref="Complex64"/>, <see cref="Complex"/>), with <see cref="ComplexFunctions"/>' semantics.</summary>
    static virtual T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => T.Zero;

    /// <summary>
    /// Whether the op has its own float16 loop (<see cref="Float16"/>): ops whose answer depends on float16's own
    /// spacing (<c>nextafter</c>). The others run float16 through float32 (<see cref="Float16Loops"/>).
    /// </summary>
    static virtual bool HasFloat16Loop => false;

    /// <summary>The float16 loop on IEEE binary16 bit patterns, where <see cref="HasFloat16Loop"/>.</summary>
    static virtual ushort Float16(ushort x, ushort y) => 0;
}

/// <summary>The scalar meaning of a binary ufunc with a bool result (comparisons and the logical functions); every dtype has a loop.</summary>
public interface IComparisonOp
{
    /// <summary>The loop on bools.</summary>
    static abstract bool Bool(bool x, bool y);

    /// <summary>The loop on numbers, in their promoted dtype.</summary>
    static abstract bool Compare<T>(T x, T y) where T : unmanaged, INumber<T>;

    /// <summary>The loop on complex numbers, where NumPy has one (the order comparisons are lexicographic).</summary>
    static virtual bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => false;
}

/// <summary>The scalar meaning of a unary ufunc whose result has its compute dtype (<c>negative</c>, <c>exp</c>, <c>invert</c>, …).</summary>
public interface IUnaryOp
{
    /// <summary>The loop on bools, where the ufunc has one.</summary>
    static virtual bool Bool(bool x) => false;

    /// <summary>The loop on integers.</summary>
    static virtual T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => T.Zero;

    /// <summary>The loop on IEEE floats.</summary>
    static virtual T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.NaN;

    /// <summary>
    /// The loop on complex numbers. For the ufuncs with a real result on complex input (<c>abs</c>, <c>real</c>,
    /// <c>imag</c>, <c>angle</c>: <see cref="Ufunc.ComplexResultIsReal"/>) the answer is the real part of the value returned.
    /// </summary>
    static virtual T Complex<T>(T x) where T : unmanaged, INumberBase<T> => T.Zero;

    /// <summary>Whether the op has its own float16 loop (<see cref="Float16"/>), as <see cref="IBinaryOp.HasFloat16Loop"/> (<c>spacing</c>).</summary>
    static virtual bool HasFloat16Loop => false;

    /// <summary>The float16 loop on IEEE binary16 bit patterns, where <see cref="HasFloat16Loop"/>.</summary>
    static virtual ushort Float16(ushort x) => 0;
}

/// <summary>The scalar meaning of a unary ufunc with a bool result (<c>isnan</c>, <c>logical_not</c>, …); every dtype has a loop.</summary>
public interface IPredicateOp
{
    /// <summary>The loop on bools.</summary>
    static abstract bool Bool(bool x);

    /// <summary>The loop on numbers.</summary>
    static abstract bool Test<T>(T x) where T : unmanaged, INumber<T>;

    /// <summary>The loop on complex numbers, where NumPy has one (not <c>signbit</c>).</summary>
    static virtual bool Complex<T>(T x) where T : unmanaged, INumberBase<T> => false;
}
