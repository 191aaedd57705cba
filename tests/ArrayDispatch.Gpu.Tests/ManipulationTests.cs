namespace ArrayDispatch.Gpu.Tests;

public sealed class ManipulationTests : GpuTestBase
{
    [Fact]
    public void Reshape_Contiguous_IsAViewSharingMemory()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2, 3, 4, 5, 6 });
        long before = Device.AllocatedBytes;

        using var r = (GpuArray)x.Reshape(2, -1);

        r.Shape.ShouldBe(new Shape(2, 3));
        Device.AllocatedBytes.ShouldBe(before);
        r.ToArray<double>().ShouldBe([1.0, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void Reshape_OfTransposedView_Copies()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3);

        using var r = (GpuArray)x.T.Reshape(6);

        r.ToArray<double>().ShouldBe([1.0, 4, 2, 5, 3, 6]);
        Should.Throw<ShapeMismatchException>(() => x.Reshape(4)).Message.ShouldBe("cannot reshape array of size 6 into shape (4,) (Parameter 'shape')");
    }

    [Fact]
    public void Diagonal_is_a_read_only_view_as_numpys()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2, 3, 4 }, 2, 2);

        using var d = (GpuArray)Np.Diagonal(x);

        d.ToArray<double>().ShouldBe([1.0, 4]);
        Should.Throw<ArgumentException>(() => Np.SetItem(d, [0], 7.0)).Message.ShouldBe("assignment destination is read-only");
        x.ToArray<double>()[0].ShouldBe(1.0);
    }

    [Fact]
    public void A_ufunc_out_of_more_dimensions_takes_the_result_broadcast()
    {
        using GpuArray x = Gpu(new[] { 1L, 0, 3 });
        using GpuArray o = Gpu(new[] { 9.0, 9, 9, 9, 9, 9 }, 2, 3);

        NDArray r = Np.Add(x, 1L, o);   // np.add(x, 1, out=np.empty((2, 3))): the int64 result cast and broadcast

        ReferenceEquals(r, o).ShouldBeTrue();
        o.ToArray<double>().ShouldBe([2.0, 1, 4, 2, 1, 4]);
        using GpuArray small = Gpu(new[] { 0.0, 0 });
        Should.Throw<ShapeMismatchException>(() => Np.Add(x, 1L, small));
    }

    [Fact]
    public void Concatenate_copies_strided_inputs_into_one_promoted_array()
    {
        using GpuArray a = Gpu(new[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        using GpuArray b = Gpu(new[] { 0.5, 1.5, 2.5, 3.5 }, 2, 2);

        using var joined = (GpuArray)Np.Concatenate([a, b.T], axis: 1);
        using var flat = (GpuArray)Np.Concatenate([a, b], axis: null);

        joined.DType.ShouldBe(DType.Float64);
        joined.Shape.ShouldBe(new Shape(2, 5));
        joined.ToArray<double>().ShouldBe([1.0, 2, 3, 0.5, 2.5, 4, 5, 6, 1.5, 3.5]);
        flat.ToArray<double>().ShouldBe([1.0, 2, 3, 4, 5, 6, 0.5, 1.5, 2.5, 3.5]);
        Should.Throw<ShapeMismatchException>(() => Np.Concatenate([a, b], axis: 0)).Message.ShouldStartWith(
            "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2");
    }

    [Fact]
    public void Stack_adds_an_axis_and_refuses_different_shapes()
    {
        using GpuArray a = Gpu(new[] { 1.0, 2, 3 });
        using GpuArray b = Gpu(new[] { 4.0, 5, 6 });

        using var stacked = (GpuArray)Np.Stack([a, b], axis: 1);

        stacked.Shape.ShouldBe(new Shape(3, 2));
        stacked.ToArray<double>().ShouldBe([1.0, 4, 2, 5, 3, 6]);
        using GpuArray c = Gpu(new[] { 1.0, 2 });
        Should.Throw<ShapeMismatchException>(() => Np.Stack([a, c])).Message.ShouldStartWith("all input arrays must have the same shape");
    }

    [Fact]
    public void AsType_ConvertsAndChecksCasting()
    {
        using GpuArray x = Gpu(new[] { 1.9, -1.9, 0.0 });

        ((GpuArray)x.AsType(DType.Int64)).ToArray<long>().ShouldBe([1L, -1, 0]);
        ((GpuArray)x.AsType(DType.Bool)).ToArray<bool>().ShouldBe([true, true, false]);
        ((GpuArray)x.AsType(DType.Float32)).ToArray<float>().ShouldBe([1.9f, -1.9f, 0f]);
        Should.Throw<DTypeMismatchException>(() => x.AsType(DType.Int32, Casting.Safe))
            .Message.ShouldBe("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
    }

    [Fact]
    public void GetItem_SlicesIntegersNewAxisEllipsis_AreViews()
    {
        using GpuArray x = Gpu(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 2, 3, 4);

        ((GpuArray)x[1, .., 2]).ToArray<double>().ShouldBe([14.0, 18, 22]);
        ((GpuArray)x[ArrayIndex.Ellipsis, ^1]).Shape.ShouldBe(new Shape(2, 3));
        ((GpuArray)x[0, ArrayIndex.NewAxis, 1..3, new Slice(null, null, -2)]).ToArray<double>().ShouldBe([7.0, 5, 11, 9]);
        Should.Throw<ArgumentOutOfRangeException>(() => x[5]).Message.ShouldStartWith("index 5 is out of bounds for axis 0 with size 2");
    }

    [Fact]
    public void GetItem_an_integer_array_for_every_axis_broadcasts_them_together_as_numpy()
    {
        // np.arange(24.).reshape(2, 3, 4)[[1, 0, -1], [2, 0, 1], [[3], [0]]]; the Gpu refused several index arrays, so
        // take_along_axis (and nanmedian/nanquantile along an axis, composed from it) failed on Gpu arrays of rank 2 and more.
        using GpuArray x = Gpu(Enumerable.Range(0, 24).Select(i => (double)i).ToArray(), 2, 3, 4);
        using GpuArray i = Gpu(new long[] { 1, 0, -1 }), j = Gpu(new long[] { 2, 0, 1 }), k = Gpu(new long[] { 3, 0 }, 2, 1);

        var picked = (GpuArray)x[i, j, k];

        picked.Shape.ShouldBe(new Shape(2, 3));
        picked.ToArray<double>().ShouldBe([23.0, 3, 19, 20, 0, 16]);
        using GpuArray two = Gpu(new long[] { 0, 1 }), bad = Gpu(new long[] { 0, 3 }), zeros = Gpu(new long[] { 0, 0 }), three = Gpu(new long[] { 0, 1, 2 });
        Should.Throw<ArgumentOutOfRangeException>(() => x[two, bad, zeros]).Message.ShouldStartWith("index 3 is out of bounds for axis 1 with size 3");
        Should.Throw<ShapeMismatchException>(() => x[two, three, zeros]).Message.ShouldStartWith("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) (2,)");
        using GpuArray m = Gpu(new[] { 3.0, 1, 2, 9, 7, 8 }, 2, 3);
        using GpuArray order = Gpu(new long[] { 1, 2, 0, 1, 2, 0 }, 2, 3);
        Np.TakeAlongAxis(m, order, 1).ToArray<double>().ShouldBe([1.0, 2, 3, 7, 8, 9]);
    }

    [Fact]
    public void SqueezeExpandDimsBroadcastTo_ReshapeWithoutCopies()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2, 3 }, 1, 3);

        ((GpuArray)Np.Squeeze(x)).Shape.ShouldBe(new Shape(3));
        ((GpuArray)Np.ExpandDims(x, 0)).Shape.ShouldBe(new Shape(1, 1, 3));
        using var b = (GpuArray)Np.BroadcastTo(x, 2, 3);
        b.ToArray<double>().ShouldBe([1.0, 2, 3, 1, 2, 3]);
    }

    [Fact]
    public void Copy_keeps_a_transposed_arrays_memory_order_as_numpy_copy()
    {
        // np.copy(x.T) for a C-ordered (2, 3) x: order='K', Fortran-ordered, strides (8, 24) = (1, 3) elements.
        using GpuArray x = Gpu(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3);

        using var c = (GpuArray)Np.Copy(x.T);
        using var cOrder = (GpuArray)Np.Copy(x.T, MemoryOrder.C);

        c.MemoryLayout!.Value.Strides.ToArray().ShouldBe([1L, 3]);
        c.ToArray<double>().ShouldBe([1.0, 4, 2, 5, 3, 6]);
        cOrder.MemoryLayout!.Value.Strides.ToArray().ShouldBe([2L, 1]);
        cOrder.ToArray<double>().ShouldBe([1.0, 4, 2, 5, 3, 6]);
    }

    [Fact]
    public void Copy_IsIndependentOfTheSource()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2 });
        using var c = (GpuArray)Np.Copy(x);

        Np.Add(x, 10.0, x);

        c.ToArray<double>().ShouldBe([1.0, 2]);
        x.ToArray<double>().ShouldBe([11.0, 12]);
    }
}
