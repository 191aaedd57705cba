using Shouldly;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>
/// One array's entries in both storages, for tests that a kernel gives a native input the answer of its managed copy:
/// the internal constructors wrap .NET arrays (managed whatever the size) or take the allocator's buffers (native at or
/// above 1 MB each); the public constructors copy into the allocator's buffers.
/// </summary>
internal static class StorageCopies
{
    /// <summary>A copy over .NET arrays.</summary>
    public static CsrArray Managed(CsrArray x) =>
        new(x.Indptr.ToArray(), x.Indices.ToArray(), x.ValueBuffer.Visit<ToArrayFunction, Array>(default), x.Shape, x.HasSortedIndices, x.IsCanonical);

    /// <summary>A copy over .NET arrays.</summary>
    public static CooArray Managed(CooArray x) =>
        new(Enumerable.Range(0, x.Rank).Select(a => x.Coordinates(a).ToArray()).ToArray(), x.ValueBuffer.Visit<ToArrayFunction, Array>(default), x.Shape, x.IsCanonical);

    /// <summary>A copy in the allocator's buffers (every buffer native when it has 1 MB or more).</summary>
    public static CsrArray Native(CsrArray x) =>
        new(SparseBuffers.CopyOf(x.Indptr), SparseBuffers.CopyOf(x.Indices), SparseBuffers.CopyOf(x.ValueBuffer), x.Shape, x.HasSortedIndices, x.IsCanonical);

    /// <summary>A copy in the allocator's buffers.</summary>
    public static CooArray Native(CooArray x) =>
        new(Enumerable.Range(0, x.Rank).Select(a => SparseBuffers.CopyOf(x.Coordinates(a))).ToArray(), SparseBuffers.CopyOf(x.ValueBuffer), x.Shape, x.IsCanonical);

    /// <summary>
    /// An n × n float64 CSR array with one entry per row at a scattered column (row i at column i·7919 mod n, values
    /// nonzero, negative and positive) in native buffers (indptr included: n ≥ 262,144 rows make it 1 MB), and its
    /// managed copy. Built directly, in milliseconds.
    /// </summary>
    public static (CsrArray Native, CsrArray Managed) CsrPair(int n)
    {
        var indptr = new int[n + 1];
        var indices = new int[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            indptr[i + 1] = i + 1;
            indices[i] = (int)(i * 7919L % n);
            values[i] = i * 31 % 17 - 8.5;
        }
        var managed = new CsrArray(indptr, indices, values, new Shape(n, n), true, true);
        CsrArray native = Native(managed);
        native.IndptrBuffer.IsNative.ShouldBeTrue();
        native.IndicesBuffer.IsNative.ShouldBeTrue();
        native.IsNative.ShouldBeTrue();
        managed.IsNative.ShouldBeFalse();
        return (native, managed);
    }

    /// <summary>Whether every buffer of <paramref name="x"/> is native.</summary>
    public static bool AllNative(SparseArray x) => x switch
    {
        CompressedArray c => c.IndptrBuffer.IsNative && c.IndicesBuffer.IsNative && c.IsNative,
        CooArray coo => coo.CoordBuffers.All(b => b.IsNative) && coo.IsNative,
        _ => false,
    };

    /// <summary>Asserts that two sparse arrays hold the same entries (compared as canonical CSR, or COO for other ranks), values exactly.</summary>
    public static void ShouldHoldTheSameEntries(NDArray actual, NDArray expected)
    {
        var a = (SparseArray)actual;
        var e = (SparseArray)expected;
        a.Shape.ShouldBe(e.Shape);
        a.DType.ShouldBe(e.DType);
        a.Format.ShouldBe(e.Format);
        if (a.Rank == 2)
        {
            var ac = (CsrArray)a.ToCsr().SumDuplicates();
            CsrArray ec = (CsrArray)e.ToCsr().SumDuplicates();
            ac.Indptr.SequenceEqual(ec.Indptr).ShouldBeTrue("indptr");
            ac.Indices.SequenceEqual(ec.Indices).ShouldBeTrue("indices");
            ValueBytes(ac).SequenceEqual(ValueBytes(ec)).ShouldBeTrue("values");
            return;
        }
        CooArray ao = a.ToCoo().SumDuplicates(), eo = e.ToCoo().SumDuplicates();
        for (int axis = 0; axis < a.Rank; axis++) ao.Coordinates(axis).SequenceEqual(eo.Coordinates(axis)).ShouldBeTrue($"coordinates of axis {axis}");
        ValueBytes(ao).SequenceEqual(ValueBytes(eo)).ShouldBeTrue("values");
    }

    /// <summary>The values' bytes (an exact comparison: NaN payloads and negative zeros included).</summary>
    private static byte[] ValueBytes(SparseArray x) => x.ValueBuffer.Visit<BytesFunction, byte[]>(default);

    private readonly struct BytesFunction : IBufferFunction<byte[]>
    {
        public byte[] Visit<T>(SparseBuffer<T> buffer) where T : unmanaged => System.Runtime.InteropServices.MemoryMarshal.AsBytes(buffer.Span).ToArray();
    }

    private readonly struct ToArrayFunction : IBufferFunction<Array>
    {
        public Array Visit<T>(SparseBuffer<T> buffer) where T : unmanaged => buffer.Span.ToArray();
    }
}
