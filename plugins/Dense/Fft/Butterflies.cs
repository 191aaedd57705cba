using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// One decimation-in-frequency Stockham stage per radix: for sub-length <c>p·m</c> and stride <c>s</c>, the p inputs
/// <c>x[q + s(j + r·m)]</c> go through a length-p DFT, are multiplied by the twiddles w^(j·k) and land at
/// <c>y[q + s(p·j + k)]</c>. Radices 2, 3, 4 and 5 are written out (fewer multiplications); other small primes use
/// the O(p²) generic butterfly.
/// </summary>
/// <remarks>
/// The run of <c>s</c> neighbours <c>q</c> shares one twiddle, so every stage after the first runs two complex numbers
/// per AVX register (<see cref="Avx2Lanes"/>) and the rest of the run one at a time (<see cref="ScalarLanes"/>); each
/// butterfly is written once, generic over the lane.
/// </remarks>
internal static class Butterflies
{
    public static void Radix2(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        Check(2, m, s, x, y, tw, 1);
        ref Complex xs = ref MemoryMarshal.GetReference(x);
        ref Complex ys = ref MemoryMarshal.GetReference(y);
        for (int j = 0; j < m; j++)
        {
            Complex w = tw[j];
            int i0 = s * j, i1 = s * (j + m), o = s * 2 * j;
            int q = Avx2Lanes.IsSupported && s >= 2 ? Radix2Run<Avx2Lanes, Vector256<double>>(0, s, ref xs, ref ys, i0, i1, o, w) : 0;
            Radix2Run<ScalarLanes, Complex>(q, s, ref xs, ref ys, i0, i1, o, w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Radix2Run<L, V>(int q, int s, ref Complex x, ref Complex y, int i0, int i1, int o, Complex w)
        where L : IComplexLanes<V> where V : struct
    {
        V w1 = L.Broadcast(w);
        for (; q + L.Width <= s; q += L.Width)
        {
            V a = L.Load(ref Unsafe.Add(ref x, i0 + q)), b = L.Load(ref Unsafe.Add(ref x, i1 + q));
            L.Store(L.Add(a, b), ref Unsafe.Add(ref y, o + q));
            L.Store(L.Multiply(L.Subtract(a, b), w1), ref Unsafe.Add(ref y, o + s + q));
        }
        return q;
    }

    public static void Radix4(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        Check(4, m, s, x, y, tw, 3);
        ref Complex xs = ref MemoryMarshal.GetReference(x);
        ref Complex ys = ref MemoryMarshal.GetReference(y);
        for (int j = 0; j < m; j++)
        {
            var t = new Twiddles(tw, 3 * j, 3);
            int q = Avx2Lanes.IsSupported && s >= 2 ? Radix4Run<Avx2Lanes, Vector256<double>>(0, s, m, j, ref xs, ref ys, t) : 0;
            Radix4Run<ScalarLanes, Complex>(q, s, m, j, ref xs, ref ys, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Radix4Run<L, V>(int q, int s, int m, int j, ref Complex x, ref Complex y, in Twiddles t)
        where L : IComplexLanes<V> where V : struct
    {
        V w1 = L.Broadcast(t.W1), w2 = L.Broadcast(t.W2), w3 = L.Broadcast(t.W3);
        int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), i3 = s * (j + 3 * m), o = s * 4 * j;
        for (; q + L.Width <= s; q += L.Width)
        {
            V a = L.Load(ref Unsafe.Add(ref x, i0 + q)), b = L.Load(ref Unsafe.Add(ref x, i1 + q));
            V c = L.Load(ref Unsafe.Add(ref x, i2 + q)), d = L.Load(ref Unsafe.Add(ref x, i3 + q));
            V apc = L.Add(a, c), amc = L.Subtract(a, c), bpd = L.Add(b, d), jbmd = L.MinusI(L.Subtract(b, d));
            L.Store(L.Add(apc, bpd), ref Unsafe.Add(ref y, o + q));
            L.Store(L.Multiply(L.Add(amc, jbmd), w1), ref Unsafe.Add(ref y, o + s + q));
            L.Store(L.Multiply(L.Subtract(apc, bpd), w2), ref Unsafe.Add(ref y, o + 2 * s + q));
            L.Store(L.Multiply(L.Subtract(amc, jbmd), w3), ref Unsafe.Add(ref y, o + 3 * s + q));
        }
        return q;
    }

    public static void Radix3(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        Check(3, m, s, x, y, tw, 2);
        ref Complex xs = ref MemoryMarshal.GetReference(x);
        ref Complex ys = ref MemoryMarshal.GetReference(y);
        for (int j = 0; j < m; j++)
        {
            var t = new Twiddles(tw, 2 * j, 2);
            int q = Avx2Lanes.IsSupported && s >= 2 ? Radix3Run<Avx2Lanes, Vector256<double>>(0, s, m, j, ref xs, ref ys, t) : 0;
            Radix3Run<ScalarLanes, Complex>(q, s, m, j, ref xs, ref ys, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Radix3Run<L, V>(int q, int s, int m, int j, ref Complex x, ref Complex y, in Twiddles t)
        where L : IComplexLanes<V> where V : struct
    {
        const double Sin = 0.86602540378443864676;   // sin(2π/3)
        V w1 = L.Broadcast(t.W1), w2 = L.Broadcast(t.W2);
        int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), o = s * 3 * j;
        for (; q + L.Width <= s; q += L.Width)
        {
            V a = L.Load(ref Unsafe.Add(ref x, i0 + q)), b = L.Load(ref Unsafe.Add(ref x, i1 + q)), c = L.Load(ref Unsafe.Add(ref x, i2 + q));
            V sum = L.Add(b, c), u = L.Subtract(a, L.Scale(sum, 0.5)), v = L.MinusI(L.Scale(L.Subtract(b, c), Sin));
            L.Store(L.Add(a, sum), ref Unsafe.Add(ref y, o + q));
            L.Store(L.Multiply(L.Add(u, v), w1), ref Unsafe.Add(ref y, o + s + q));
            L.Store(L.Multiply(L.Subtract(u, v), w2), ref Unsafe.Add(ref y, o + 2 * s + q));
        }
        return q;
    }

    public static void Radix5(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        Check(5, m, s, x, y, tw, 4);
        ref Complex xs = ref MemoryMarshal.GetReference(x);
        ref Complex ys = ref MemoryMarshal.GetReference(y);
        for (int j = 0; j < m; j++)
        {
            var t = new Twiddles(tw, 4 * j, 4);
            int q = Avx2Lanes.IsSupported && s >= 2 ? Radix5Run<Avx2Lanes, Vector256<double>>(0, s, m, j, ref xs, ref ys, t) : 0;
            Radix5Run<ScalarLanes, Complex>(q, s, m, j, ref xs, ref ys, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Radix5Run<L, V>(int q, int s, int m, int j, ref Complex x, ref Complex y, in Twiddles t)
        where L : IComplexLanes<V> where V : struct
    {
        const double C1 = 0.30901699437494742410, C2 = -0.80901699437494742410;   // cos(2π/5), cos(4π/5)
        const double S1 = 0.95105651629515357212, S2 = 0.58778525229247312917;    // sin(2π/5), sin(4π/5)
        V w1 = L.Broadcast(t.W1), w2 = L.Broadcast(t.W2), w3 = L.Broadcast(t.W3), w4 = L.Broadcast(t.W4);
        int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), i3 = s * (j + 3 * m), i4 = s * (j + 4 * m), o = s * 5 * j;
        for (; q + L.Width <= s; q += L.Width)
        {
            V a0 = L.Load(ref Unsafe.Add(ref x, i0 + q)), a1 = L.Load(ref Unsafe.Add(ref x, i1 + q)), a2 = L.Load(ref Unsafe.Add(ref x, i2 + q));
            V a3 = L.Load(ref Unsafe.Add(ref x, i3 + q)), a4 = L.Load(ref Unsafe.Add(ref x, i4 + q));
            V t1 = L.Add(a1, a4), t2 = L.Add(a2, a3), t3 = L.Subtract(a1, a4), t4 = L.Subtract(a2, a3);
            V r1 = L.Add(a0, L.Add(L.Scale(t1, C1), L.Scale(t2, C2))), r2 = L.Add(a0, L.Add(L.Scale(t1, C2), L.Scale(t2, C1)));
            V i1v = L.MinusI(L.Add(L.Scale(t3, S1), L.Scale(t4, S2))), i2v = L.MinusI(L.Subtract(L.Scale(t3, S2), L.Scale(t4, S1)));
            L.Store(L.Add(a0, L.Add(t1, t2)), ref Unsafe.Add(ref y, o + q));
            L.Store(L.Multiply(L.Add(r1, i1v), w1), ref Unsafe.Add(ref y, o + s + q));
            L.Store(L.Multiply(L.Add(r2, i2v), w2), ref Unsafe.Add(ref y, o + 2 * s + q));
            L.Store(L.Multiply(L.Subtract(r2, i2v), w3), ref Unsafe.Add(ref y, o + 3 * s + q));
            L.Store(L.Multiply(L.Subtract(r1, i1v), w4), ref Unsafe.Add(ref y, o + 4 * s + q));
        }
        return q;
    }

    public static void Generic(int p, int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw, ReadOnlySpan<Complex> roots)
    {
        Span<Complex> a = stackalloc Complex[p];
        for (int j = 0; j < m; j++)
        {
            int o = s * p * j;
            for (int q = 0; q < s; q++)
            {
                for (int r = 0; r < p; r++) a[r] = x[s * (j + r * m) + q];
                for (int k = 0; k < p; k++)
                {
                    Complex sum = a[0];
                    for (int r = 1, e = k; r < p; r++, e = (e + k) % p) sum += a[r] * roots[e];
                    y[o + k * s + q] = k == 0 ? sum : sum * tw[j * (p - 1) + k - 1];
                }
            }
        }
    }

    // The unchecked loops above read x[0, p·m·s) and tw[0, (p-1)·m) and write y[0, p·m·s): checked once per stage.
    private static void Check(int p, int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw, int perJ)
    {
        long n = (long)p * m * s;
        if (x.Length < n || y.Length < n || tw.Length < (long)perJ * m)
            throw new ArgumentException($"a radix-{p} stage of {n} points got spans of {x.Length}, {y.Length} and {tw.Length} twiddles");
    }

    /// <summary>The twiddles w^(j·k), k = 1 … p-1, of one butterfly.</summary>
    private readonly struct Twiddles
    {
        public readonly Complex W1, W2, W3, W4;

        public Twiddles(ReadOnlySpan<Complex> tw, int start, int count)
        {
            W1 = tw[start];
            W2 = count > 1 ? tw[start + 1] : default;
            W3 = count > 2 ? tw[start + 2] : default;
            W4 = count > 3 ? tw[start + 3] : default;
        }
    }
}
