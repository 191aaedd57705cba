using System.Runtime.Intrinsics;
using ArrayDispatch.Simd;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Kernels;

/// <summary>Each <see cref="ILanes{TV, T}"/> operation at both widths equals the same operation lane by lane.</summary>
public sealed class LanesTests
{
    [Fact]
    public void Float64_operations_at_both_widths_match_the_scalar_operations() => CheckBoth<double>((a, b) => a + b, (a, b) => a - b, (a, b) => a * b, Math.FusedMultiplyAdd);

    [Fact]
    public void Float32_operations_at_both_widths_match_the_scalar_operations() => CheckBoth<float>((a, b) => a + b, (a, b) => a - b, (a, b) => a * b, MathF.FusedMultiplyAdd);

    [Fact]
    public void Int64_operations_at_both_widths_match_the_scalar_operations() => CheckBoth<long>((a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b, c) => a * b + c);

    [Fact]
    public void Widths_report_their_lane_counts()
    {
        Lanes256<double>.Count.ShouldBe(4);
        Lanes512<double>.Count.ShouldBe(8);
        Lanes256<float>.Count.ShouldBe(8);
        Lanes512<float>.Count.ShouldBe(16);
        Lanes512<System.Numerics.Complex>.IsSupported.ShouldBeFalse();
        Lanes256<System.Numerics.Complex>.IsAccelerated.ShouldBeFalse();
        Lanes512<double>.IsAccelerated.ShouldBe(Vector512.IsHardwareAccelerated);
    }

    private static void CheckBoth<T>(Func<T, T, T> add, Func<T, T, T> subtract, Func<T, T, T> multiply, Func<T, T, T, T> fma)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        Check<Lanes256<T>, Vector256<T>, T>(add, subtract, multiply, fma);
        Check<Lanes512<T>, Vector512<T>, T>(add, subtract, multiply, fma);
    }

    private static void Check<TL, TV, T>(Func<T, T, T> add, Func<T, T, T> subtract, Func<T, T, T> multiply, Func<T, T, T, T> fma)
        where TL : struct, ILanes<TV, T> where TV : struct where T : unmanaged, System.Numerics.INumber<T>
    {
        int w = TL.Count;
        var rng = new Random(w);
        // Inputs at an odd offset, so the loads and stores are unaligned.
        T[] a = Values<T>(w + 1, rng), b = Values<T>(w + 1, rng), c = Values<T>(w + 1, rng);
        TV va = TL.Load(in a[0], 1), vb = TL.Load(in b[0], 1), vc = TL.Load(in c[0], 1);
        Lanewise(TL.Add(va, vb), i => add(a[i], b[i]), "Add");
        Lanewise(TL.Subtract(va, vb), i => subtract(a[i], b[i]), "Subtract");
        Lanewise(TL.Multiply(va, vb), i => multiply(a[i], b[i]), "Multiply");
        Lanewise(TL.FusedMultiplyAdd(va, vb, vc), i => fma(a[i], b[i], c[i]), "FusedMultiplyAdd");
        Lanewise(TL.Min(va, vb), i => T.Min(a[i], b[i]), "Min");
        Lanewise(TL.Max(va, vb), i => T.Max(a[i], b[i]), "Max");
        Lanewise(TL.Create(a[1]), _ => a[1], "Create");
        Lanewise(TL.Zero, _ => T.Zero, "Zero");
        // Small integers (exact in float32) so the lane sum is exact in any order.
        T sum = T.Zero;
        for (int i = 1; i <= w; i++) sum += a[i];
        TL.Sum(va).ShouldBe(sum, $"Sum, {typeof(TV).Name}");

        void Lanewise(TV v, Func<int, T> expected, string operation)
        {
            var stored = new T[w + 1];
            TL.Store(v, ref stored[0], 1);
            for (int i = 1; i <= w; i++) stored[i].ShouldBe(expected(i), $"{operation}, lane {i - 1} of {typeof(TV).Name}");
        }
    }

    // Integers in [-64, 64) plus a quarter for floats: exact products and sums, so every comparison is exact.
    private static T[] Values<T>(int n, Random rng) where T : unmanaged, System.Numerics.INumber<T>
    {
        var v = new T[n];
        for (int i = 0; i < n; i++)
            v[i] = typeof(T) == typeof(long) ? T.CreateChecked(rng.Next(-64, 64)) : T.CreateChecked(rng.Next(-64, 64) + 0.25);
        return v;
    }
}
