using ArrayDispatch.Functions;
using ILGPU;
using ILGPU.Runtime;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Gpu;

/// <summary>
/// numpy.fft on the device: a radix-4 Stockham FFT (a radix-2 stage last when log2 n is odd) for power-of-two lengths
/// (one launch per stage over every line of the axis) and Bluestein's chirp-z for every other length (padded to a power of two m ≥ 2n - 1: chirp, FFT, pointwise
/// product with the filter's FFT, inverse FFT, chirp), so any length costs O(n log n). The transforms compute in
/// complex128 and follow NumPy 2's dtype rule as Dense does: float16, float32 and complex64 input gives complex64
/// (float32 for the real-output transforms), rounded once from the double result; every other dtype complex128/float64.
/// </summary>
internal static class GpuFft
{
    /// <summary>The input as a C-contiguous complex128 array (a new reference or a converted copy).</summary>
    public static GpuArray AsComplex(GpuArray x)
    {
        if (x.DType != DType.Complex128) return GpuOps.Convert(x, DType.Complex128);
        return x.IsContiguous && x.Offset == 0 ? x.View(x.Shape, [.. x.StrideSpan], 0) : GpuOps.Copy(x);
    }

    /// <summary>Real input as complex128; complex input is refused as Dense refuses it.</summary>
    public static GpuArray RealAsComplex(GpuArray x, string function) => x.DType.IsComplex()
        ? throw new DTypeMismatchException($"{function} takes real input; got an array of dtype {x.DType.Name()}", "x")
        : AsComplex(x);

    /// <summary>Rounds to NumPy 2's single-precision dtype when the input was single precision (consumes <paramref name="result"/>).</summary>
    public static GpuArray Finish(GpuArray result, DType input)
    {
        if (!FftRules.IsSinglePrecision(input)) return result;
        using (result) return GpuOps.Convert(result, result.DType == DType.Complex128 ? DType.Complex64 : DType.Float32);
    }

    private static (long Outer, long Length, long Inner) Split(Shape shape, int axis)
    {
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= shape.Dims[i];
        for (int i = axis + 1; i < shape.Rank; i++) inner *= shape.Dims[i];
        return (outer, shape.Dims[axis], inner);
    }

    private static Shape WithLength(Shape shape, int axis, long length)
    {
        int[] dims = shape.Dims.ToArray();
        dims[axis] = checked((int)length);
        return new Shape(dims);
    }

    private static ArrayView<C> V(GpuArray a) => a.Storage.View<C>();

    /// <summary><paramref name="c"/> (complex128, contiguous, offset 0) transformed along <paramref name="axis"/> at length <paramref name="n"/>, scaled.</summary>
    public static GpuArray Along(GpuArray c, int axis, int n, bool inverse, double scale)
    {
        GpuRuntime rt = c.Runtime;
        (long outer, long len, long inner) = Split(c.Shape, axis);
        Shape shape = WithLength(c.Shape, axis, n);
        GpuArray a = GpuOps.Empty(rt, shape, DType.Complex128);
        if (a.Size == 0) return a;
        try
        {
            Index1D threads = rt.Threads(a.Size);
            rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, long, long, long, long, long>(FftKernels.Resize)(threads, V(c), V(a), len, n, inner, a.Size, threads.X);
            if ((n & (n - 1)) == 0)
            {
                GpuArray result = PowerOfTwo(a, outer, n, inner, inverse ? 1.0 : -1.0);
                if (!ReferenceEquals(result, a)) a.Dispose();
                a = result;
                if (scale != 1.0) rt.Kernels.Auto<ArrayView<C>, double, long>(FftKernels.Scale)(threads, V(a), scale, threads.X);
                return a;
            }
            GpuArray z = Bluestein(a, outer, n, inner, inverse ? 1.0 : -1.0, scale);
            a.Dispose();
            return z;
        }
        catch
        {
            a.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stockham on every line of <paramref name="a"/> (outer, n, inner): radix-4 stages while four or more points remain
    /// per span, a last radix-2 stage when log2 n is odd; returns <paramref name="a"/> or the other buffer.
    /// </summary>
    private static GpuArray PowerOfTwo(GpuArray a, long outer, long n, long inner, double sign)
    {
        if (n == 1) return a;
        GpuRuntime rt = a.Runtime;
        long tableLength = Math.Max(1, 3 * n / 4);
        using GpuArray twiddles = GpuOps.Empty(rt, new Shape(checked((int)tableLength)), DType.Complex128);
        rt.Kernels.Auto<ArrayView<C>, long, double, long>(FftKernels.Twiddles)(rt.Threads(tableLength), V(twiddles), n, sign, rt.Threads(tableLength).X);
        GpuArray b = GpuOps.Empty(rt, a.Shape, DType.Complex128);
        var stage4 = rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, ArrayView<C>, long, long, long, double, long, long>(FftKernels.Stockham4);
        var stage2 = rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, ArrayView<C>, long, long, long, long, long>(FftKernels.Stockham);
        long quads = outer * (n / 4) * inner, pairs = outer * (n / 2) * inner;
        GpuArray src = a, dst = b;
        long p = 1;
        for (; p * 4 <= n; p *= 4)
        {
            Index1D threads = rt.Threads(quads);
            stage4(threads, V(src), V(dst), V(twiddles), n, p, inner, sign, quads, threads.X);
            (src, dst) = (dst, src);
        }
        if (p < n)
        {
            Index1D threads = rt.Threads(pairs);
            stage2(threads, V(src), V(dst), V(twiddles), n, p, inner, pairs, threads.X);
            (src, dst) = (dst, src);
        }
        dst.Dispose();    // the buffer the last stage read
        return src;
    }

    /// <summary>Bluestein's chirp-z transform of every line of <paramref name="a"/> (outer, n, inner), scaled.</summary>
    private static GpuArray Bluestein(GpuArray a, long outer, long n, long inner, double sign, double scale)
    {
        GpuRuntime rt = a.Runtime;
        long m = 1;
        while (m < 2 * n - 1) m *= 2;
        using GpuArray chirp = GpuOps.Empty(rt, new Shape(checked((int)n)), DType.Complex128);
        rt.Kernels.Auto<ArrayView<C>, long, double, long>(FftKernels.Chirp)(rt.Threads(n), V(chirp), n, sign, rt.Threads(n).X);
        GpuArray filter = GpuOps.Empty(rt, new Shape(1, checked((int)m), 1), DType.Complex128);
        rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, long, long, long>(FftKernels.Filter)(rt.Threads(m), V(filter), V(chirp), n, m, rt.Threads(m).X);
        using GpuArray filterHat = PowerOfTwo(filter, 1, m, 1, -1.0);
        if (!ReferenceEquals(filterHat, filter)) filter.Dispose();
        Shape wide = new(checked((int)outer), checked((int)m), checked((int)inner));
        GpuArray work = GpuOps.Empty(rt, wide, DType.Complex128);
        long total = work.Size;
        Index1D threads = rt.Threads(total);
        rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, ArrayView<C>, long, long, long, long, long>(FftKernels.ChirpIn)(threads, V(a), V(work), V(chirp), n, m, inner, total, threads.X);
        GpuArray spectrum = PowerOfTwo(work, outer, m, inner, -1.0);
        if (!ReferenceEquals(spectrum, work)) work.Dispose();
        using (spectrum)
        {
            rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, long, long, long, long>(FftKernels.Pointwise)(threads, V(spectrum), V(filterHat), m, inner, total, threads.X);
            using GpuArray back = PowerOfTwo(spectrum, outer, m, inner, 1.0);
            if (!ReferenceEquals(back, spectrum)) spectrum.Dispose();
            GpuArray z = GpuOps.Empty(rt, a.Shape, DType.Complex128);
            Index1D outThreads = rt.Threads(z.Size);
            rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, ArrayView<C>, long, long, long, double, long, long>(FftKernels.ChirpOut)(
                outThreads, V(back), V(z), V(chirp), n, m, inner, scale / m, z.Size, outThreads.X);
            return z;
        }
    }

    /// <summary>irfft/hfft along <paramref name="axis"/>: the Hermitian extension to length n, its inverse transform, the real part (float64).</summary>
    public static GpuArray RealInverse(GpuArray c, int axis, int n, double scale, bool conjugate)
    {
        GpuRuntime rt = c.Runtime;
        (long outer, long len, long inner) = Split(c.Shape, axis);
        using GpuArray full = GpuOps.Empty(rt, WithLength(c.Shape, axis, n), DType.Complex128);
        if (full.Size > 0)
        {
            Index1D threads = rt.Threads(full.Size);
            rt.Kernels.Auto<ArrayView<C>, ArrayView<C>, long, long, long, long, long, long>(FftKernels.Hermitian)(
                threads, V(c), V(full), len, n, inner, conjugate ? 1 : 0, full.Size, threads.X);
        }
        using GpuArray spectrum = Along(full, axis, n, inverse: true, scale);
        return GpuOps.MapWith(UfuncKernels.UnaryRealPart<Ufuncs.RealOp>(DType.Complex128), spectrum, DType.Complex128);
    }

    /// <summary>rfft (and ihfft's conjugate) along <paramref name="axis"/>: the complex transform cropped to the n/2 + 1 non-negative frequencies.</summary>
    public static GpuArray RealForward(GpuArray c, int axis, int n, double scale, bool conjugate)
    {
        using GpuArray full = Along(c, axis, n, inverse: false, scale);
        GpuArray half = Along(full, axis, n / 2 + 1, inverse: false, 1.0, transform: false);
        if (!conjugate) return half;
        using (half) return GpuOps.MapWith(UfuncKernels.Unary<Ufuncs.ConjugateOp>(DType.Complex128), half, DType.Complex128);
    }

    /// <summary>Crop/pad only (<paramref name="transform"/> false): the resize step of <see cref="Along(GpuArray, int, int, bool, double)"/> alone.</summary>
    private static GpuArray Along(GpuArray c, int axis, int n, bool inverse, double scale, bool transform)
    {
        if (transform) return Along(c, axis, n, inverse, scale);
        (_, long len, long inner) = Split(c.Shape, axis);
        GpuArray a = GpuOps.Empty(c.Runtime, WithLength(c.Shape, axis, n), DType.Complex128);
        if (a.Size == 0) return a;
        Index1D threads = c.Runtime.Threads(a.Size);
        c.Runtime.Kernels.Auto<ArrayView<C>, ArrayView<C>, long, long, long, long, long>(FftKernels.Resize)(threads, V(c), V(a), len, n, inner, a.Size, threads.X);
        return a;
    }

    /// <summary>fftshift/ifftshift: a roll by half of each axis (any dtype), through two copies per axis.</summary>
    public static GpuArray Shift(GpuArray x, int[]? axesArg, bool inverse)
    {
        int[] axes = axesArg is null ? Enumerable.Range(0, x.Rank).ToArray() : axesArg.Select(a => Shape.NormalizeAxis(a, x.Rank)).ToArray();
        GpuArray current = GpuOps.Copy(x);
        foreach (int axis in axes)
        {
            int length = x.Shape.Dims[axis];
            if (length == 0) continue;
            int shift = inverse ? -(length / 2) : length / 2;
            int s = ((shift % length) + length) % length;     // result[j] = x[(j - s) mod length]
            if (s == 0) continue;
            using GpuArray source = current;
            current = GpuOps.Empty(x.Runtime, x.Shape, x.DType);
            Copy(source, current, axis, length - s, length, 0);
            Copy(source, current, axis, 0, length - s, s);
        }
        return current;
    }

    private static void Copy(GpuArray source, GpuArray target, int axis, int from, int to, int at)
    {
        if (to <= from) return;
        var si = new ArrayIndex[source.Rank];
        var ti = new ArrayIndex[source.Rank];
        for (int d = 0; d < si.Length; d++)
        {
            si[d] = d == axis ? new Slice(from, to) : ArrayIndex.All;
            ti[d] = d == axis ? new Slice(at, at + to - from) : ArrayIndex.All;
        }
        using GpuArray s = Indexing.Get(source, si);
        using GpuArray t = Indexing.Get(target, ti);
        GpuOps.CopyInto(s, t);
    }
}
