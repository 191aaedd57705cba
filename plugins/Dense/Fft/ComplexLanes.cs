using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// Complex arithmetic on a lane of <see cref="Width"/> neighbouring complex numbers, so each butterfly is written once
/// (<see cref="Butterflies"/>) and runs on AVX registers where the machine has them and on one <see cref="Complex"/> at a
/// time for the rest of a row and elsewhere.
/// </summary>
/// <remarks>
/// Hand-written because System.Numerics.Tensors has no complex multiply on interleaved (re, im) pairs and a Stockham stage
/// multiplies a whole run of neighbours by one twiddle: broadcasting the twiddle and using FMA's add-subtract does one
/// complex product in three instructions.
/// </remarks>
internal interface IComplexLanes<TLane> where TLane : struct
{
    /// <summary>The complex numbers one lane holds.</summary>
    static abstract int Width { get; }

    /// <summary>Whether the lane's instructions exist on this machine.</summary>
    static abstract bool IsSupported { get; }

    static abstract TLane Load(ref Complex source);

    static abstract void Store(TLane value, ref Complex destination);

    /// <summary>The same complex number in every position.</summary>
    static abstract TLane Broadcast(Complex value);

    static abstract TLane Add(TLane a, TLane b);

    static abstract TLane Subtract(TLane a, TLane b);

    /// <summary>Multiplies by a real number.</summary>
    static abstract TLane Scale(TLane a, double factor);

    /// <summary>Multiplies by a broadcast complex number (<see cref="Broadcast"/>).</summary>
    static abstract TLane Multiply(TLane a, TLane w);

    /// <summary>Multiplies by -i.</summary>
    static abstract TLane MinusI(TLane a);

    /// <summary>
    /// The position-wise product of two lanes as NumPy's multiply loop computes it: each of the four real products
    /// rounded, then subtracted/added (no fused multiply-add), so lanes and single numbers agree bit for bit.
    /// </summary>
    static abstract TLane MultiplyUnfused(TLane a, TLane b);
}

/// <summary>One <see cref="Complex"/> at a time: every machine, and the tail of each run.</summary>
internal readonly struct ScalarLanes : IComplexLanes<Complex>
{
    public static int Width => 1;

    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Load(ref Complex source) => source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Complex value, ref Complex destination) => destination = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Broadcast(Complex value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Add(Complex a, Complex b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Subtract(Complex a, Complex b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Scale(Complex a, double factor) => new(a.Real * factor, a.Imaginary * factor);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex Multiply(Complex a, Complex w) =>
        new(a.Real * w.Real - a.Imaginary * w.Imaginary, a.Real * w.Imaginary + a.Imaginary * w.Real);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex MinusI(Complex a) => new(a.Imaginary, -a.Real);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex MultiplyUnfused(Complex a, Complex b) => Multiply(a, b);
}

/// <summary>Two complex numbers in one 256-bit register as (re, im, re, im).</summary>
internal readonly struct Avx2Lanes : IComplexLanes<Vector256<double>>
{
    public static int Width => 2;

    public static bool IsSupported => Fma.IsSupported && Avx.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref Complex source) => Vector256.LoadUnsafe(ref Unsafe.As<Complex, double>(ref source));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref Complex destination) => value.StoreUnsafe(ref Unsafe.As<Complex, double>(ref destination));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Broadcast(Complex value) => Vector256.Create(value.Real, value.Imaginary, value.Real, value.Imaginary);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Scale(Vector256<double> a, double factor) => a * factor;

    // (ar·wr − ai·wi, ai·wr + ar·wi): FMA's add-subtract subtracts in even positions and adds in odd ones.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> w)
    {
        Vector256<double> wr = Avx.Permute(w, 0b0000);
        Vector256<double> wi = Avx.Permute(w, 0b1111);
        Vector256<double> swapped = Avx.Permute(a, 0b0101);
        return Fma.MultiplyAddSubtract(a, wr, swapped * wi);
    }

    // -i·(re, im) = (im, -re)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MinusI(Vector256<double> a) => Avx.Permute(a, 0b0101) * Vector256.Create(1.0, -1.0, 1.0, -1.0);

    // (ar·br, ai·br) and (ai·bi, ar·bi), then add-subtract: (ar·br − ai·bi, ai·br + ar·bi).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyUnfused(Vector256<double> a, Vector256<double> b) =>
        Avx.AddSubtract(a * Avx.Permute(b, 0b0000), Avx.Permute(a, 0b0101) * Avx.Permute(b, 0b1111));
}
