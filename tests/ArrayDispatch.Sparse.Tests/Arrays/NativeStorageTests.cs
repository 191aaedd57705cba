using ArrayDispatch.Memory;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Arrays;

/// <summary>Tests that read <see cref="NativePool.RentedBytes"/> (process-wide) run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(NativePoolCollection), DisableParallelization = true)]
public sealed class NativePoolCollection;

/// <summary>Storage of large results in native buffers, released by Dispose, shared by views.</summary>
[Collection(nameof(NativePoolCollection))]
public sealed class NativeStorageTests
{
    private const int N = 200_000;

    /// <summary>A 2e5 × 2e5 CSR with 2e6 entries (managed: built from .NET arrays) and a diagonal to multiply it by.</summary>
    private static (CsrArray A, CsrArray D, double[] Diagonal) Operands()
    {
        var a = (CsrArray)SparseArrays.Random(N, N, 5e-5, seed: 21);
        var diagonal = new double[N];
        var positions = new int[N];
        for (int i = 0; i < N; i++)
        {
            diagonal[i] = 1 + i % 7;
            positions[i] = i;
        }
        return (a, CsrArray.FromTriplets(diagonal, positions, positions, new Shape(N, N)), diagonal);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Fact]
    public void LargeCsrProduct_IsNative_EqualsTheEntryProducts_AndDisposeGivesItsBuffersBack()
    {
        using TestHost host = SparseHost.Create();
        (CsrArray a, CsrArray d, double[] diagonal) = Operands();
        a.Nnz.ShouldBe(2_000_000);
        a.IsNative.ShouldBeTrue();   // random's large results are native too
        Settle();
        long before = NativePool.RentedBytes;

        var product = (CsrArray)Np.MatMul(a, d);

        product.IsNative.ShouldBeTrue();
        product.IndicesBuffer.IsNative.ShouldBeTrue();
        product.IndptrBuffer.IsNative.ShouldBeFalse(); // 2e5 + 1 ints: 0.8 MB, below the 1 MB threshold
        long rented = NativePool.RentedBytes - before;
        rented.ShouldBeGreaterThanOrEqualTo(2_000_000L * (sizeof(int) + sizeof(double)));
        product.Indptr.SequenceEqual(a.Indptr).ShouldBeTrue();
        product.Indices.SequenceEqual(a.Indices).ShouldBeTrue();
        ReadOnlySpan<double> av = a.Values<double>(), pv = product.Values<double>();
        ReadOnlySpan<int> columns = a.Indices;
        for (int k = 0; k < av.Length; k++)
        {
            if (pv[k] != av[k] * diagonal[columns[k]]) pv[k].ShouldBe(av[k] * diagonal[columns[k]], $"entry {k}");
        }

        product.Dispose();

        NativePool.RentedBytes.ShouldBeLessThanOrEqualTo(before);
        product.IsDisposed.ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => product.Values<double>().Length);
        Should.Throw<ObjectDisposedException>(() => product.Indptr.Length);
        product.Dispose(); // twice: nothing more
    }

    [Fact]
    public void DisposingAnArray_WhoseBuffersATransposeViewShares_KeepsTheViewValid_UntilItIsDisposedToo()
    {
        using TestHost host = SparseHost.Create();
        (CsrArray a, CsrArray d, _) = Operands();
        Settle();
        long before = NativePool.RentedBytes;
        var product = (CsrArray)Np.MatMul(a, d);
        double[] expected = product.Values<double>().ToArray();
        int[] indices = product.Indices.ToArray();
        long rented = NativePool.RentedBytes;

        var transposed = (CscArray)Np.Transpose(product);
        NativePool.RentedBytes.ShouldBe(rented);    // a view: no copy
        product.Dispose();

        NativePool.RentedBytes.ShouldBe(rented);    // the view still holds the buffers
        transposed.Values<double>().SequenceEqual(expected).ShouldBeTrue();
        transposed.Indices.SequenceEqual(indices).ShouldBeTrue();
        transposed.Shape.ShouldBe(new Shape(N, N));
        transposed.Dispose();
        NativePool.RentedBytes.ShouldBeLessThanOrEqualTo(before);
    }

    [Fact]
    public void LargeElementwiseAndConversionResults_AreNative_AndEqualTheirEntries()
    {
        using TestHost host = SparseHost.Create();
        (CsrArray a, _, _) = Operands();
        using var doubled = (CsrArray)Np.Multiply(a, 2.0);
        using var sum = (CsrArray)Np.Add(a, a);
        using CscArray csc = a.ToCsc();
        doubled.IsNative.ShouldBeTrue();
        sum.IsNative.ShouldBeTrue();
        csc.IsNative.ShouldBeTrue();
        doubled.Values<double>().SequenceEqual(sum.Values<double>()).ShouldBeTrue();
        using CsrArray back = csc.ToCsr();
        back.Indptr.SequenceEqual(a.Indptr).ShouldBeTrue();
        back.Indices.SequenceEqual(a.Indices).ShouldBeTrue();
        back.Values<double>().SequenceEqual(a.Values<double>()).ShouldBeTrue();
    }

    [Fact]
    public void NativeArray_SumsUnaryMapsAndDensify_EqualThoseOfItsManagedCopy()
    {
        using TestHost host = SparseHost.Create();
        // 2000 × 2000 with 4e5 entries: 3.2 MB of values and 1.6 MB of indices, native once doubled; 32 MB dense.
        var managed = (CsrArray)SparseArrays.Random(2000, 2000, 0.1, seed: 5);
        using var native = (CsrArray)Np.Multiply(managed, 2.0);
        native.IsNative.ShouldBeTrue();
        using var twice = (CsrArray)Np.Add(managed, managed); // the same values through the merge, then the copy below
        CsrArray copy = StorageCopies.Managed(twice);
        copy.IsNative.ShouldBeFalse();

        Values.Of(Np.Sum(native)).ShouldBe(Values.Of(Np.Sum(copy)));
        Values.Of(Np.Sum(native, 0)).ShouldBe(Values.Of(Np.Sum(copy, 0)));
        Values.Of(Np.Sum(native, 1)).ShouldBe(Values.Of(Np.Sum(copy, 1)));
        using var negated = (CsrArray)Np.Negative(native);
        negated.IsNative.ShouldBeTrue();
        negated.Values<double>().ToArray().ShouldBe(copy.Values<double>().ToArray().Select(v => -v).ToArray());
        using Interchange.HostBuffer dense = native.ToHost();
        dense.IsNative.ShouldBeTrue();
        Values.Of(dense).ShouldBe(Values.Of(copy));
    }

    [Fact]
    public void LargeArraysBuiltFromDotNetArrays_CopyIntoNativeBuffers()
    {
        using TestHost host = SparseHost.Create();
        (CsrArray a, _, _) = Operands();
        double[] values = a.Values<double>().ToArray();
        using CsrArray built = CsrArray.FromCompressed(values, a.Indices, a.Indptr, a.Shape);
        built.IsNative.ShouldBeTrue();
        built.Values<double>().SequenceEqual(values).ShouldBeTrue();
        using CooArray coo = a.ToCoo();
        int[] rows = coo.Coordinates(0).ToArray(), cols = coo.Coordinates(1).ToArray();
        using CooArray triplets = CooArray.FromTriplets(values, rows, cols, a.Shape);
        triplets.IsNative.ShouldBeTrue();
        triplets.IsCanonical.ShouldBeTrue();
        // Reversed and with every entry stored twice: sum_duplicates sorts and halves it into native buffers.
        int[] rows2 = [.. rows.Reverse(), .. rows], cols2 = [.. cols.Reverse(), .. cols];
        double[] halves = [.. values.Reverse().Select(v => v / 2), .. values.Select(v => v / 2)];
        using CooArray doubled = CooArray.FromTriplets(halves, rows2, cols2, a.Shape);
        doubled.IsCanonical.ShouldBeFalse();
        doubled.SumDuplicates().IsNative.ShouldBeTrue();
        doubled.Coordinates(0).SequenceEqual(rows).ShouldBeTrue();
        doubled.Coordinates(1).SequenceEqual(cols).ShouldBeTrue();
        doubled.Values<double>().SequenceEqual(values).ShouldBeTrue();
        using CsrArray csr = CsrArray.FromTriplets(values, rows, cols, a.Shape);
        csr.IsNative.ShouldBeTrue();
        csr.Indices.SequenceEqual(a.Indices).ShouldBeTrue();
        csr.Values<double>().SequenceEqual(values).ShouldBeTrue();
    }

    [Fact]
    public void ALoopOfDisposedProducts_ReusesThePoolsBuffers_AndHoldsNoMoreThanOneResult()
    {
        using TestHost host = SparseHost.Create();
        (CsrArray a, CsrArray d, _) = Operands();
        Settle();
        long before = NativePool.RentedBytes;
        (long rents, long hits) = NativePool.Counters;
        for (int i = 0; i < 5; i++)
        {
            using var product = (CsrArray)Np.MatMul(a, d);
            product.IsNative.ShouldBeTrue();
            (NativePool.RentedBytes - before).ShouldBeLessThan(2_000_000L * (sizeof(int) + sizeof(double)) * 2);
        }
        NativePool.RentedBytes.ShouldBeLessThanOrEqualTo(before);
        (long rentsAfter, long hitsAfter) = NativePool.Counters;
        (rentsAfter - rents).ShouldBeGreaterThanOrEqualTo(10);     // indices and values, five times
        (hitsAfter - hits).ShouldBeGreaterThanOrEqualTo(8);        // all but the first call's from the pool
    }

    [Fact]
    public void SmallResults_StayInDotNetArrays()
    {
        using TestHost host = SparseHost.Create();
        var a = (CsrArray)SparseArrays.Random(100, 100, 0.05, seed: 3);
        using var product = (CsrArray)Np.MatMul(a, a);
        product.IsNative.ShouldBeFalse();
        product.IndicesBuffer.IsNative.ShouldBeFalse();
    }

    [Fact]
    public void SumDuplicates_OfAnArrayATransposeViewShares_LeavesTheViewsEntriesIntact()
    {
        using TestHost host = SparseHost.Create();
        // [[0, 0, 1 + 2], [3, 0, 0]] with the duplicate (0, 2) stored twice.
        CsrArray a = CsrArray.FromCompressed(new[] { 1.0, 2.0, 3.0 }, [2, 2, 0], [0, 2, 3], new Shape(2, 3));
        var transposed = (SparseArray)Np.Transpose(a);

        a.SumDuplicates();

        Values.Of(a).ShouldBe([0, 0, 3, 3, 0, 0]);
        Values.Of(transposed).ShouldBe([0, 3, 0, 0, 3, 0]);
    }

    [Fact]
    public void DisposedSmallArray_ThrowsObjectDisposed_NamingItsShape()
    {
        CsrArray a = CsrArray.FromCompressed(new[] { 1.0 }, [0], [0, 1], new Shape(1, 2));
        a.Dispose();
        var ex = Should.Throw<ObjectDisposedException>(() => a.Indices.Length);
        ex.Message.ShouldContain("CSR array of shape (1, 2) was disposed");
        Should.Throw<ObjectDisposedException>(() => a.ToCsc());
    }
}
