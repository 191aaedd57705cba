using ArrayDispatch.Sparse.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Arrays;

public sealed class SparseArrayTests
{
    [Fact]
    public void FromCompressed_IndexOutOfBounds_IsRefusedWithPositionAndValue()
    {
        var ex = Should.Throw<SparseIndexException>(() => CsrArray.FromCompressed(new[] { 1.0, 2.0, 3.0 }, [0, 7, 1], [0, 2, 3], new Shape(2, 5)));
        ex.Message.ShouldBe("index 7 at position 1 of 'indices' is out of bounds for axis 1 with size 5");
        ex.Position.ShouldBe(1);
        ex.Value.ShouldBe(7);
    }

    [Fact]
    public void FromCompressed_NegativeIndex_IsRefused()
    {
        var ex = Should.Throw<SparseIndexException>(() => CsrArray.FromCompressed(new[] { 1.0 }, [-1], [0, 1], new Shape(1, 3)));
        ex.Message.ShouldBe("negative index -1 at position 0 of 'indices'; sparse indices must be in [0, 3)");
    }

    [Fact]
    public void FromCompressed_DecreasingIndptr_IsRefused()
    {
        var ex = Should.Throw<SparseIndexException>(() => CsrArray.FromCompressed(new[] { 1.0, 2.0 }, [0, 1], [0, 2, 1, 2], new Shape(3, 3)));
        ex.Message.ShouldBe("'indptr' must not decrease, but indptr[2] = 1 is less than indptr[1] = 2");
    }

    [Fact]
    public void FromCompressed_WrongIndptrLength_IsRefused()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => CsrArray.FromCompressed(new[] { 1.0 }, [0], [0, 1], new Shape(3, 3)));
        ex.Message.ShouldBe("'indptr' has 2 entries but must have 4 (one more than the 3 rows) (Parameter 'indptr')");
    }

    [Fact]
    public void FromTriplets_RowOutOfBounds_IsRefused()
    {
        var ex = Should.Throw<SparseIndexException>(() => CooArray.FromTriplets(new[] { 1.0, 2.0 }, [0, 4], [1, 1], new Shape(4, 2)));
        ex.Message.ShouldBe("index 4 at position 1 of 'row' is out of bounds for axis 0 with size 4");
    }

    [Fact]
    public void FromTriplets_Duplicates_AreSummedIntoCanonicalCsr()
    {
        CsrArray a = CsrArray.FromTriplets(new[] { 1.0, 2.0, 3.0, 4.0 }, [1, 0, 1, 1], [2, 1, 2, 0], new Shape(2, 3));
        a.IsCanonical.ShouldBeTrue();
        a.Nnz.ShouldBe(3);
        a.Indptr.ToArray().ShouldBe([0, 1, 3]);
        a.Indices.ToArray().ShouldBe([1, 0, 2]);
        Values.Of(a).ShouldBe([0, 2, 0, 4, 0, 4]);
    }

    [Fact]
    public void UnsortedCsr_SumDuplicates_SortsInPlace()
    {
        CsrArray a = CsrArray.FromCompressed(new[] { 1.0, 2.0, 5.0 }, [2, 0, 2], [0, 3], new Shape(1, 3));
        a.IsCanonical.ShouldBeFalse();
        a.SumDuplicates();
        a.Indices.ToArray().ShouldBe([0, 2]);
        Values.Of(a).ShouldBe([2, 0, 6]);
    }

    [Fact]
    public void NnzAndDensity_CountStoredEntries()
    {
        CsrArray a = CsrArray.FromTriplets(new[] { 1.0, 2.0 }, [0, 1], [0, 1], new Shape(2, 4));
        a.Nnz.ShouldBe(2);
        a.Density.ShouldBe(0.25);
        a.FillValue.AsDouble.ShouldBe(0);
        a.IsHostResident.ShouldBeFalse();
    }

    [Fact]
    public void Csr_ToRank3_IsRefusedWithShape()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => CsrArray.FromCompressed(new[] { 1.0 }, [0], [0, 1], new Shape(1, 1, 1)));
        ex.Message.ShouldBe("CSR arrays are 2-d, but shape (1, 1, 1) has 3 dimensions; use format 'coo' for n-d arrays");
    }

    [Fact]
    public void Coo3D_Densify_PlacesEveryEntry()
    {
        CooArray a = CooArray.FromCoordinates(new[] { 1, 2, 3 }, [[0, 1, 1], [2, 0, 1], [1, 0, 3]], new Shape(2, 3, 4));
        double[] dense = Values.Of(a);
        dense[0 * 12 + 2 * 4 + 1].ShouldBe(1);
        dense[1 * 12 + 0 * 4 + 0].ShouldBe(2);
        dense[1 * 12 + 1 * 4 + 3].ShouldBe(3);
        dense.Sum().ShouldBe(6);
    }

    [Fact]
    public void Random_SameSeed_SameArrayWithRequestedDensity()
    {
        SparseArray a = SparseArrays.Random(200, 300, 0.01, seed: 7);
        SparseArray b = SparseArrays.Random(200, 300, 0.01, seed: 7);
        a.Nnz.ShouldBe(600);
        a.IsCanonical.ShouldBeTrue();
        Values.Of(a).ShouldBe(Values.Of(b));
    }

    [Fact]
    public void Diags_Tridiagonal_MatchesDense()
    {
        SparseArray t = SparseArrays.Diags([[1, 1], [-2, -2, -2], [3, 3]], [-1, 0, 1]);
        Values.Of(t).ShouldBe([-2, 3, 0, 1, -2, 3, 0, 1, -2]);
    }

    [Fact]
    public void Eye_Offset_MatchesNumPy()
    {
        Values.Of(SparseArrays.Eye(3, 4, 1)).ShouldBe([0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    }

    [Fact]
    public void Values_are_a_typed_view_of_the_stored_entries_in_storage_order()
    {
        CsrArray a = CsrArray.FromCompressed(new[] { 1.5f, 2.5f, 3.5f }, [2, 0, 1], [0, 1, 3], new Shape(2, 3));
        a.Values<float>().ToArray().ShouldBe([1.5f, 2.5f, 3.5f]);
        a.ToCoo().Values<float>().ToArray().ShouldBe([1.5f, 2.5f, 3.5f]);
        a.Indptr.Length.ShouldBe(3);
        a.Indices[0].ShouldBe(2);
    }

    [Fact]
    public void Values_of_another_type_than_the_dtype_s_is_refused_naming_both_even_where_a_type_test_would_pass()
    {
        // The runtime lets a uint[] pass as an int[] in a type test; the accessor checks the exact type.
        CooArray u = CooArray.FromCoordinates(new uint[] { 7, 9 }, [[0, 2]], new Shape(4));
        u.Values<uint>().ToArray().ShouldBe([7u, 9u]);
        Should.Throw<DTypeMismatchException>(() => u.Values<int>().Length).Message
            .ShouldBe("the values of a uint32 sparse array are UInt32, not Int32");
        CsrArray d = CsrArray.FromCompressed(new[] { 1.0 }, [0], [0, 1], new Shape(1, 1));
        Should.Throw<DTypeMismatchException>(() => d.Values<float>().Length).Message.ShouldContain("float64 sparse array are Double, not Single");
    }

    [Fact]
    public void An_array_is_built_from_another_s_index_views_without_copying_them_first()
    {
        CsrArray a = CsrArray.FromTriplets(new[] { 1.0, 2.0, 3.0 }, [0, 1, 1], [2, 0, 1], new Shape(2, 3));
        CscArray b = CscArray.FromCompressed(a.Values<double>().ToArray(), a.Indices, a.Indptr, new Shape(3, 2));   // the transpose
        Values.Of(b).ShouldBe([0, 2, 0, 3, 1, 0]);
        CooArray c = CooArray.FromTriplets(new[] { 5L }, a.Indices[..1], a.Indptr[..1], new Shape(3, 1));
        c.Coordinates(0).ToArray().ShouldBe([2]);
    }
}
