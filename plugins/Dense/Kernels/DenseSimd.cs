using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// The vectorized forms of the ufuncs TensorPrimitives has, by op: the protocol's op gives the scalar meaning, this
/// backend chooses how to run it over a span. Each test is on a type parameter the JIT knows per instantiation, so an
/// op without a vectorized form compiles to <c>return false</c>. Only operations whose TensorPrimitives form has the
/// op's exact meaning are listed (its Max/Min propagate NaN as NumPy's maximum/minimum do).
/// </summary>
internal static class DenseSimd
{
    public static bool TryBinary<TOp, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T>
    {
        if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(x, y, d);
        else if (typeof(TOp) == typeof(SubtractOp)) TensorPrimitives.Subtract(x, y, d);
        else if (typeof(TOp) == typeof(MultiplyOp)) TensorPrimitives.Multiply(x, y, d);
        else if (typeof(TOp) == typeof(MaximumOp)) TensorPrimitives.Max(x, y, d);
        else if (typeof(TOp) == typeof(MinimumOp)) TensorPrimitives.Min(x, y, d);
        else if (typeof(TOp) == typeof(DivideOp) && IsFloat<T>()) TensorPrimitives.Divide(x, y, d);
        else return false;
        return true;
    }

    public static bool TryBinary<TOp, T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T>
    {
        if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(x, y, d);
        else if (typeof(TOp) == typeof(SubtractOp)) TensorPrimitives.Subtract(x, y, d);
        else if (typeof(TOp) == typeof(MultiplyOp)) TensorPrimitives.Multiply(x, y, d);
        else if (typeof(TOp) == typeof(MaximumOp)) TensorPrimitives.Max(x, y, d);
        else if (typeof(TOp) == typeof(MinimumOp)) TensorPrimitives.Min(x, y, d);
        else if (typeof(TOp) == typeof(DivideOp) && IsFloat<T>()) TensorPrimitives.Divide(x, y, d);
        else return false;
        return true;
    }

    public static bool TryBinary<TOp, T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T>
    {
        if (typeof(TOp) == typeof(AddOp)) TensorPrimitives.Add(y, x, d);
        else if (typeof(TOp) == typeof(SubtractOp)) TensorPrimitives.Subtract(x, y, d);
        else if (typeof(TOp) == typeof(MultiplyOp)) TensorPrimitives.Multiply(y, x, d);
        else return false;
        return true;
    }

    public static bool TryUnary<TOp, T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, INumber<T>
    {
        if (typeof(TOp) == typeof(NegativeOp)) TensorPrimitives.Negate(x, d);
        else if (typeof(TOp) == typeof(PositiveOp)) x.CopyTo(d);
        else if (typeof(TOp) == typeof(SquareOp)) TensorPrimitives.Multiply(x, x, d);
        else if (typeof(T) == typeof(float)) return TryFloat<TOp>(Cast<T, float>(x), Cast<T, float>(d));
        else if (typeof(T) == typeof(double)) return TryFloat<TOp>(Cast<T, double>(x), Cast<T, double>(d));
        else return false;
        return true;
    }

    private static bool TryFloat<TOp>(ReadOnlySpan<float> x, Span<float> d) => TryFloat<TOp, float>(x, d);

    private static bool TryFloat<TOp>(ReadOnlySpan<double> x, Span<double> d) => TryFloat<TOp, double>(x, d);

    private static bool TryFloat<TOp, T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(TOp) == typeof(SqrtOp)) TensorPrimitives.Sqrt(x, d);
        else if (typeof(TOp) == typeof(ExpOp)) TensorPrimitives.Exp(x, d);
        else if (typeof(TOp) == typeof(LogOp)) TensorPrimitives.Log(x, d);
        else if (typeof(TOp) == typeof(FloorOp)) TensorPrimitives.Floor(x, d);
        else if (typeof(TOp) == typeof(CeilOp)) TensorPrimitives.Ceiling(x, d);
        else return false;
        return true;
    }

    // Complex add, subtract and negative act on each part alone: the element-wise float operation on the parts.
    public static bool TryComplexBinary<TOp, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged
    {
        if (typeof(TOp) == typeof(MultiplyOp) && typeof(T) == typeof(System.Numerics.Complex))
        {
            ComplexMultiply(Cast<T, System.Numerics.Complex>(x), Cast<T, System.Numerics.Complex>(y), Cast<T, System.Numerics.Complex>(d));
            return true;
        }
        if (typeof(TOp) != typeof(AddOp) && typeof(TOp) != typeof(SubtractOp)) return false;
        if (typeof(T) == typeof(System.Numerics.Complex)) return TryFloatBinary<TOp, double>(Cast<T, double>(x), Cast<T, double>(y), Cast<T, double>(d));
        if (typeof(T) == typeof(Complex64)) return TryFloatBinary<TOp, float>(Cast<T, float>(x), Cast<T, float>(y), Cast<T, float>(d));
        return false;
    }

    public static bool TryComplexUnary<TOp, T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged
    {
        if (typeof(TOp) != typeof(NegativeOp) && typeof(TOp) != typeof(PositiveOp)) return false;
        if (typeof(T) == typeof(System.Numerics.Complex)) return TryUnary<TOp, double>(Cast<T, double>(x), Cast<T, double>(d));
        if (typeof(T) == typeof(Complex64)) return TryUnary<TOp, float>(Cast<T, float>(x), Cast<T, float>(d));
        return false;
    }

    // complex128 multiply on the FFT's complex lanes (two numbers per AVX register), unfused as NumPy's loop; d may be x or y.
    private static void ComplexMultiply(ReadOnlySpan<System.Numerics.Complex> x, ReadOnlySpan<System.Numerics.Complex> y, Span<System.Numerics.Complex> d)
    {
        if (Fft.Avx2Lanes.IsSupported) MultiplyLanes<Fft.Avx2Lanes, System.Runtime.Intrinsics.Vector256<double>>(x, y, d);
        else MultiplyLanes<Fft.ScalarLanes, System.Numerics.Complex>(x, y, d);
    }

    private static unsafe void MultiplyLanes<L, V>(ReadOnlySpan<System.Numerics.Complex> x, ReadOnlySpan<System.Numerics.Complex> y, Span<System.Numerics.Complex> d)
        where L : Fft.IComplexLanes<V> where V : struct
    {
        int n = d.Length, w = L.Width, i = 0;
        ref System.Numerics.Complex rx = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref System.Numerics.Complex ry = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
        ref System.Numerics.Complex rd = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(d);
        // A .NET array's elements are 16-byte aligned: half of all 32-byte stores into one would straddle two cache lines
        // (measured: out= into a managed array 1.4x the time of the same multiply into 64-byte aligned native storage).
        // One scalar element first aligns the stores. (Only speed depends on the address, so a GC move is harmless.)
        if (w > 1 && n > 0 && (((nuint)Unsafe.AsPointer(ref rd)) & (nuint)(w * 16 - 1)) != 0)
        {
            rd = Fft.ScalarLanes.MultiplyUnfused(rx, ry);
            i = 1;
        }
        for (; i <= n - w; i += w)
            L.Store(L.MultiplyUnfused(L.Load(ref Unsafe.Add(ref rx, i)), L.Load(ref Unsafe.Add(ref ry, i))), ref Unsafe.Add(ref rd, i));
        for (; i < n; i++) Unsafe.Add(ref rd, i) = Fft.ScalarLanes.MultiplyUnfused(Unsafe.Add(ref rx, i), Unsafe.Add(ref ry, i));
    }

    private static bool TryFloatBinary<TOp, T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> => TryBinary<TOp, T>(x, y, d);

    private static bool IsFloat<T>() => typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half);

    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> x) where TFrom : unmanaged where TTo : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, TTo>(x);

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> x) where TFrom : unmanaged where TTo : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<TFrom, TTo>(x);
}
