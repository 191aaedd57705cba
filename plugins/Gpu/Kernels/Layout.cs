namespace ArrayDispatch.Gpu;

/// <summary>
/// Where element <c>i</c> (C order) of an operand lives in its buffer: a kernel parameter for strided views and
/// broadcasting. Dimensions are right-aligned in six slots (leading slots are 1 with stride 0) after merging axes that
/// are contiguous with each other, so most views need only one or two slots.
/// </summary>
internal struct Layout
{
    public const int MaxRank = 6;

    public long Offset;
    public int Contiguous;
    public long D0, D1, D2, D3, D4, D5;
    public long S0, S1, S2, S3, S4, S5;

    /// <summary>The buffer index of the <paramref name="i"/>-th element in C order.</summary>
    public readonly long Index(long i)
    {
        if (Contiguous != 0) return Offset + i;
        long r = i;
        long o = Offset;
        o += (r % D5) * S5; r /= D5;
        o += (r % D4) * S4; r /= D4;
        o += (r % D3) * S3; r /= D3;
        o += (r % D2) * S2; r /= D2;
        o += (r % D1) * S1; r /= D1;
        return o + r * S0;
    }

    /// <summary>
    /// Whether a flat kernel can read this operand: C-contiguous in the result's order, or one element broadcast to
    /// every position (all strides 0).
    /// </summary>
    public readonly bool IsFlat => Contiguous != 0 || (S0 == 0 && S1 == 0 && S2 == 0 && S3 == 0 && S4 == 0 && S5 == 0);

    /// <summary>A C-contiguous operand starting at <paramref name="offset"/>.</summary>
    public static Layout Dense(long offset = 0) => new() { Offset = offset, Contiguous = 1, D0 = 1, D1 = 1, D2 = 1, D3 = 1, D4 = 1, D5 = 1 };

    /// <summary>The layout of <paramref name="dims"/> with <paramref name="strides"/> (elements; 0 broadcasts).</summary>
    /// <exception cref="NotSupportedException">More than six axes remain after merging.</exception>
    public static Layout Create(ReadOnlySpan<int> dims, ReadOnlySpan<long> strides, long offset)
    {
        Span<long> d = stackalloc long[dims.Length];
        Span<long> s = stackalloc long[dims.Length];
        int n = 0;
        for (int k = 0; k < dims.Length; k++)
        {
            if (dims[k] == 1) continue;
            if (n > 0 && s[n - 1] == strides[k] * dims[k])
            {
                d[n - 1] *= dims[k];
                s[n - 1] = strides[k];
                continue;
            }
            d[n] = dims[k];
            s[n] = strides[k];
            n++;
        }
        if (n == 0 || (n == 1 && s[0] == 1)) return Dense(offset);
        if (n > MaxRank)
        {
            throw new NotSupportedException(
                $"the Gpu backend's kernels take strided views of at most {MaxRank} non-mergeable axes; this view of shape {Shape.Format(dims)} needs {n}: make it contiguous first with Np.Copy");
        }
        Span<long> pd = [1, 1, 1, 1, 1, 1];
        Span<long> ps = [0, 0, 0, 0, 0, 0];
        for (int k = 0; k < n; k++)
        {
            pd[MaxRank - n + k] = d[k];
            ps[MaxRank - n + k] = s[k];
        }
        return new Layout
        {
            Offset = offset,
            D0 = pd[0], D1 = pd[1], D2 = pd[2], D3 = pd[3], D4 = pd[4], D5 = pd[5],
            S0 = ps[0], S1 = ps[1], S2 = ps[2], S3 = ps[3], S4 = ps[4], S5 = ps[5],
        };
    }
}
