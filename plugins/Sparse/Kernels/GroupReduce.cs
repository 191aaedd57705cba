using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Reductions of a canonical COO array over a set of axes: each stored entry belongs to the output element (group) given by
/// its kept coordinates, and every group also holds <c>L - count</c> implicit zeros, L being the product of the reduced
/// dimensions. Accumulates in double (floats), long (integers and bool) or <see cref="Complex"/> (complex numbers): sums,
/// products and variances are one generic path over the value type.
/// </summary>
internal sealed class GroupReduce : IDisposable
{
    private readonly SparseBuffer<int> _groups;
    private readonly SparseArray? _temporary;

    private GroupReduce(SparseBuffer<int> groups, int groupCount, long groupLength, Shape outShape, SparseArray? temporary)
    {
        _groups = groups;
        _temporary = temporary;
        GroupCount = groupCount;
        GroupLength = groupLength;
        OutShape = outShape;
    }

    /// <summary>The group of each stored entry (a buffer from the allocator, given back by <see cref="Dispose"/>).</summary>
    public ReadOnlySpan<int> Groups => _groups.Span;

    /// <summary>The number of output elements.</summary>
    public int GroupCount { get; }

    /// <summary>The number of input elements per output element (stored or not).</summary>
    public long GroupLength { get; }

    /// <summary>The result shape.</summary>
    public Shape OutShape { get; }

    /// <summary>Gives the group buffer back, and disposes the temporary COO form the reduction read (when it made one).</summary>
    public void Dispose()
    {
        _groups.Dispose();
        _temporary?.Dispose();
    }

    /// <summary>
    /// Groups the entries of <paramref name="x"/> for a reduction over <paramref name="axes"/>, reading its coordinate
    /// buffers in place; <paramref name="temporary"/> (the COO form of a CSR input) is disposed by <see cref="Dispose"/>.
    /// </summary>
    public static GroupReduce Create(CooArray x, int[] axes, bool keepDims, SparseArray? temporary = null)
    {
        int rank = x.Rank;
        var reduced = new bool[rank];
        foreach (int a in axes) reduced[a] = true;
        var outDims = new List<int>();
        long length = 1, groupCount = 1;
        for (int a = 0; a < rank; a++)
        {
            if (reduced[a]) { length *= x.Shape.Dims[a]; if (keepDims) outDims.Add(1); }
            else { groupCount *= x.Shape.Dims[a]; outDims.Add(x.Shape.Dims[a]); }
        }
        if (groupCount > Array.MaxLength) throw new InvalidOperationException($"the result of the reduction has {groupCount} elements, more than one .NET array holds");
        int n = x.Nnz;
        SparseBuffer<int> groupBuffer = SparseBuffers.Allocate<int>(n, clear: true);
        Span<int> groups = groupBuffer.Span;
        SparseBuffer<int>[] coords = x.CoordBuffers;
        long stride = 1;
        for (int a = rank - 1; a >= 0; a--)
        {
            if (reduced[a]) continue;
            ReadOnlySpan<int> c = coords[a].Span;
            for (int k = 0; k < n; k++) groups[k] += (int)(c[k] * stride);
            stride *= x.Shape.Dims[a];
        }
        return new GroupReduce(groupBuffer, (int)groupCount, length, new Shape([.. outDims]), temporary);
    }

    /// <summary>Stored entries per group.</summary>
    public long[] Counts()
    {
        var counts = new long[GroupCount];
        foreach (int g in Groups) counts[g]++;
        return counts;
    }

    /// <summary>Nonzero stored entries per group.</summary>
    public long[] NonzeroCounts(ReadOnlySpan<bool> nonzero)
    {
        var counts = new long[GroupCount];
        ReadOnlySpan<int> groups = Groups;
        for (int k = 0; k < groups.Length; k++) if (nonzero[k]) counts[groups[k]]++;
        return counts;
    }

    /// <summary>The sum per group (accumulated in <typeparamref name="T"/>: double for floats, long for integers and bool, Complex for complex).</summary>
    public T[] Sum<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        var acc = new T[GroupCount];
        ReadOnlySpan<int> groups = Groups;
        for (int k = 0; k < groups.Length; k++) acc[groups[k]] += values[k];
        return acc;
    }

    /// <summary>The product, with the implicit zeros multiplied in (so NaN and inf give NaN as in NumPy; integers give 0).</summary>
    public T[] Prod<T>(ReadOnlySpan<T> values) where T : unmanaged, INumberBase<T>
    {
        var acc = new T[GroupCount];
        Array.Fill(acc, T.One);
        ReadOnlySpan<int> groups = Groups;
        for (int k = 0; k < groups.Length; k++) acc[groups[k]] *= values[k];
        long[] counts = Counts();
        for (int g = 0; g < GroupCount; g++) if (counts[g] < GroupLength) acc[g] *= T.Zero;
        return acc;
    }

    /// <summary>
    /// The maximum (or minimum) with the implicit zeros, by the protocol's <c>maximum</c>/<c>minimum</c> loop
    /// <typeparamref name="TM"/> (NaN propagates; complex numbers in NumPy's lexicographic order).
    /// </summary>
    public T[] Extreme<T, TM>(ReadOnlySpan<T> values, string op) where T : unmanaged, INumberBase<T> where TM : struct, Ops.IMergeOp<T, T>
    {
        RequireNonEmpty(op);
        var acc = new T[GroupCount];
        var seen = new bool[GroupCount];
        ReadOnlySpan<int> groups = Groups;
        for (int k = 0; k < groups.Length; k++)
        {
            int g = groups[k];
            T v = values[k];
            acc[g] = !seen[g] ? v : TM.Apply(acc[g], v);
            seen[g] = true;
        }
        long[] counts = Counts();
        for (int g = 0; g < GroupCount; g++)
        {
            if (counts[g] < GroupLength) acc[g] = !seen[g] ? T.Zero : TM.Apply(acc[g], T.Zero);
        }
        return acc;
    }

    /// <summary>
    /// The variance about each group's mean, implicit zeros included: <c>(Σ|v - m|² + (L - count)·|m|²) / (L - ddof)</c>,
    /// real for complex values too (|d|² is re² + im², as NumPy's <c>_var</c>).
    /// </summary>
    public double[] Var<T>(ReadOnlySpan<T> values, int ddof) where T : unmanaged, INumberBase<T>
    {
        T[] mean = Sum(values);
        T length = T.CreateTruncating(GroupLength);
        for (int g = 0; g < GroupCount; g++) mean[g] /= length;
        var sq = new double[GroupCount];
        ReadOnlySpan<int> groups = Groups;
        for (int k = 0; k < groups.Length; k++) sq[groups[k]] += AbsSquared(values[k] - mean[groups[k]]);
        long[] counts = Counts();
        for (int g = 0; g < GroupCount; g++)
        {
            sq[g] = (sq[g] + (GroupLength - counts[g]) * AbsSquared(mean[g])) / Math.Max(GroupLength - ddof, 0);
        }
        return sq;
    }

    private static double AbsSquared<T>(T d) where T : INumberBase<T>
    {
        double re = Ufuncs.ComplexFunctions.Re(d), im = Ufuncs.ComplexFunctions.Im(d);
        return re * re + im * im;
    }

    private void RequireNonEmpty(string op)
    {
        if (GroupLength == 0 && GroupCount > 0)
        {
            throw NumPyErrors.EmptyReduction(op);
        }
    }
}
