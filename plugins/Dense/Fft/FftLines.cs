using System.Buffers;
using ArrayDispatch.Dense.Storage;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// Runs a 1-d transform along one axis of a C-contiguous array seen as (outer, length, inner): every line is gathered
/// (cropped or zero-padded to the transform length), transformed with one scratch buffer per worker, scaled and
/// written to the result. Lines are split over the cores when there is enough work.
/// </summary>
internal static class FftLines
{
    // Below this many elements a transform runs on the calling thread: scheduling costs more than it saves.
    private const long ParallelThreshold = 1 << 15;

    // Lines along a non-last axis are Block at a time: reading Block neighbours of each row together turns the strided
    // gather (one element per cache line) into contiguous reads, and the block of lines stays in cache while it is
    // transformed and written back.
    private const int Block = 16;

    /// <summary>complex → complex along the middle axis: <paramref name="output"/> is (outer, n, inner).</summary>
    public static void Complex(Complex[] input, int outer, int lenIn, int inner, Complex[] output, int n, bool inverse, double scale)
    {
        if (outer == 0 || inner == 0) return;   // no lines: an empty array transformed along a non-empty axis
        ComplexFftPlan plan = ComplexFftPlan.For(n);
        int copy = Math.Min(lenIn, n), width = Math.Min(inner, Block), blocksPerOuter = (inner + width - 1) / width;
        Run(outer * blocksPerOuter, (long)n * outer * inner, width * n + plan.ScratchLength, (first, count, work) =>
        {
            Span<Complex> scratch = work.AsSpan(width * n, plan.ScratchLength);
            for (int l = first; l < first + count; l++)
            {
                int o = l / blocksPerOuter, i0 = l % blocksPerOuter * width, w = Math.Min(width, inner - i0);
                int src = o * lenIn * inner + i0, dst = o * n * inner + i0;
                if (inner == 1)
                {
                    // A contiguous line is transformed where the result goes: no gather buffer, no extra pass.
                    Span<Complex> target = output.AsSpan(dst, n);
                    input.AsSpan(src, copy).CopyTo(target);
                    target[copy..].Clear();
                    if (inverse) plan.Inverse(target, scratch); else plan.Forward(target, scratch);
                    if (scale != 1) Scale(target, scale);
                    continue;
                }
                Span<Complex> lines = work.AsSpan(0, w * n);
                for (int k = 0; k < copy; k++)
                    for (int b = 0; b < w; b++) lines[b * n + k] = input[src + k * inner + b];
                for (int b = 0; b < w; b++)
                {
                    Span<Complex> line = lines.Slice(b * n, n);
                    line[copy..].Clear();
                    if (inverse) plan.Inverse(line, scratch); else plan.Forward(line, scratch);
                }
                for (int k = 0; k < n; k++)
                    for (int b = 0; b < w; b++) output[dst + k * inner + b] = lines[b * n + k] * scale;
            }
        });
    }

    /// <summary>real → complex (rfft): <paramref name="output"/> is (outer, n/2 + 1, inner), conjugated when <paramref name="conjugate"/> (ihfft).</summary>
    public static void RealForward(Elements<double> input, int outer, int lenIn, int inner, Elements<Complex> output, int n, double scale, bool conjugate)
    {
        RealFftPlan plan = RealFftPlan.For(n);
        int half = plan.HalfLength, copy = Math.Min(lenIn, n);
        // The worker's real line lives in its complex work buffer after the spectrum and scratch: one rented buffer.
        Run(outer * inner, (long)n * outer * inner, half + plan.ScratchLength + (n + 1) / 2, (first, count, work) =>
        {
            Span<double> line = RealLine(work, half + plan.ScratchLength, n);
            Span<Complex> spectrum = work.AsSpan(0, half), scratch = work.AsSpan(half, plan.ScratchLength);
            for (int l = first; l < first + count; l++)
            {
                int o = l / inner, i = l % inner;
                long src = (long)o * lenIn * inner + i, dst = (long)o * half * inner + i;
                if (inner == 1)
                {
                    // Contiguous: read the input in place (when not padded) and write the spectrum where it goes.
                    ReadOnlySpan<double> source = copy == n ? input.AsSpan(src, n) : Padded(input.AsSpan(src, copy), line);
                    Span<Complex> target = output.AsSpan(dst, half);
                    plan.Forward(source, target, scratch);
                    if (conjugate) ComplexFftPlan.Conjugate(target);
                    if (scale != 1) Scale(target, scale);
                    continue;
                }
                for (int k = 0; k < copy; k++) line[k] = input[src + k * inner];
                line[copy..].Clear();
                plan.Forward(line, spectrum, scratch);
                for (int k = 0; k < half; k++)
                {
                    Complex v = spectrum[k] * scale;
                    output[dst + k * inner] = conjugate ? System.Numerics.Complex.Conjugate(v) : v;
                }
            }
        });
    }

    /// <summary>complex → real (irfft, hfft with <paramref name="conjugate"/>): <paramref name="output"/> is (outer, n, inner), from the first n/2 + 1 input terms.</summary>
    public static void RealInverse(Complex[] input, int outer, int lenIn, int inner, double[] output, int n, double scale, bool conjugate)
    {
        RealFftPlan plan = RealFftPlan.For(n);
        int half = plan.HalfLength, copy = Math.Min(lenIn, half);
        // The worker's real line lives in its complex work buffer after the spectrum and scratch: one rented buffer.
        Run(outer * inner, (long)n * outer * inner, half + plan.ScratchLength + (n + 1) / 2, (first, count, work) =>
        {
            Span<double> line = RealLine(work, half + plan.ScratchLength, n);
            Span<Complex> spectrum = work.AsSpan(0, half), scratch = work.AsSpan(half, plan.ScratchLength);
            for (int l = first; l < first + count; l++)
            {
                int o = l / inner, i = l % inner;
                int src = o * lenIn * inner + i, dst = o * n * inner + i;
                for (int k = 0; k < copy; k++)
                {
                    Complex v = input[src + k * inner];
                    spectrum[k] = conjugate ? System.Numerics.Complex.Conjugate(v) : v;
                }
                spectrum[copy..].Clear();
                plan.Inverse(spectrum, line, scratch);
                for (int k = 0; k < n; k++) output[dst + k * inner] = line[k] * scale;
            }
        });
    }

    private static Span<double> RealLine(Complex[] work, int start, int n) =>
        MemoryMarshal.Cast<Complex, double>(work.AsSpan(start, (n + 1) / 2))[..n];

    private static ReadOnlySpan<double> Padded(ReadOnlySpan<double> values, Span<double> line)
    {
        values.CopyTo(line);
        line[values.Length..].Clear();
        return line;
    }

    private static void Scale(Span<Complex> values, double scale)
    {
        for (int k = 0; k < values.Length; k++) values[k] *= scale;
    }

    private delegate void LineRange(int first, int count, Complex[] work);

    private static void Run(int lines, long elements, int workLength, LineRange body)
    {
        int workers = elements < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, lines);
        if (workers <= 1)
        {
            Complex[] work = ArrayPool<Complex>.Shared.Rent(workLength);
            try { body(0, lines, work); }
            finally { ArrayPool<Complex>.Shared.Return(work); }
            return;
        }
        Parallel.For(0, workers, w =>
        {
            int first = (int)((long)lines * w / workers), last = (int)((long)lines * (w + 1) / workers);
            Complex[] work = ArrayPool<Complex>.Shared.Rent(workLength);
            try { body(first, last - first, work); }
            finally { ArrayPool<Complex>.Shared.Return(work); }
        });
    }
}
