using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// NumPy's <c>order=</c> ('C', 'F', 'A', 'K') for reshape, ravel, flatten and copy, asfortranarray/ascontiguousarray and
/// isfortran, composed in the protocol (Np.MemoryOrder.cs). Expected values are NumPy 1.24's (the comment on each line).
/// </summary>
public sealed class MemoryOrderTests
{
    private static long[] Longs(NDArray a) => Np.AsType(a, DType.Int64).ToArray<long>();

    private static long[] ElementStrides(NDArray a) => a.MemoryLayout!.Value.Strides.ToArray();

    [Fact]
    public void Fortran_order_reshape_and_ravel_read_the_first_index_fastest()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(6L).Reshape(2, 3);
        Longs(x.Reshape([3, 2], MemoryOrder.F)).ShouldBe([0, 4, 3, 2, 1, 5]);            // x.reshape((3, 2), order='F')
        x.Reshape([3, 2], MemoryOrder.F).Shape.ShouldBe(new Shape(3, 2));
        Longs(x.Ravel(MemoryOrder.F)).ShouldBe([0, 3, 1, 4, 2, 5]);                       // x.ravel('F')
        Longs(x.Reshape([-1], MemoryOrder.F)).ShouldBe([0, 3, 1, 4, 2, 5]);

        NDArray y = Np.Arange(24L).Reshape(2, 3, 4);
        Longs(Np.Reshape(y, [4, 6], MemoryOrder.F)).ShouldBe(                               // y.reshape((4, 6), order='F')
            [0, 8, 5, 2, 10, 7, 12, 20, 17, 14, 22, 19, 4, 1, 9, 6, 3, 11, 16, 13, 21, 18, 15, 23]);
        Longs(Np.Ravel(y, MemoryOrder.F)).ShouldBe(                                        // y.ravel('F')
            [0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23]);
    }

    [Fact]
    public void A_Fortran_order_reshape_names_the_shape_as_given_and_K_is_refused()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(6.0);
        Should.Throw<ShapeMismatchException>(() => x.Reshape([4, -1], MemoryOrder.F)).Message
            .ShouldStartWith("cannot reshape array of size 6 into shape (4,newaxis)");           // NumPy's ValueError
        Should.Throw<ArgumentException>(() => x.Reshape([3, 2], MemoryOrder.K)).Message
            .ShouldStartWith("order 'K' is not permitted for reshaping");
    }

    [Fact]
    public void Order_A_follows_the_arrays_layout()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray c = Np.Arange(6L).Reshape(2, 3);
        NDArray f = Np.AsFortranArray(c);
        Np.IsFortran(f).ShouldBeTrue();
        Np.IsFortran(c).ShouldBeFalse();
        Longs(f.Reshape([3, 2], MemoryOrder.A)).ShouldBe([0, 4, 3, 2, 1, 5]);             // np.asfortranarray(c).reshape((3, 2), order='A')
        Longs(c.Reshape([3, 2], MemoryOrder.A)).ShouldBe([0, 1, 2, 3, 4, 5]);
        Longs(c.T.Ravel(MemoryOrder.A)).ShouldBe([0, 1, 2, 3, 4, 5]);                      // c.T.ravel('A'): c.T is Fortran-ordered
        Longs(c.T.Ravel()).ShouldBe([0, 3, 1, 4, 2, 5]);
    }

    [Fact]
    public void Order_K_reads_memory_order_keeping_reversed_and_broadcast_axes_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Longs(Np.Flip(Np.Arange(5L)).Ravel(MemoryOrder.K)).ShouldBe([4, 3, 2, 1, 0]);      // np.arange(5)[::-1].ravel('K')
        NDArray b = Np.Arange(12L).Reshape(3, 4)[new Slice(Step: -1), new Slice(Step: 2)];
        Longs(b.Ravel(MemoryOrder.K)).ShouldBe([8, 10, 4, 6, 0, 2]);                       // a[::-1, ::2].ravel('K')
        NDArray d = Np.Transpose(Np.Arange(24L).Reshape(2, 3, 4), 2, 0, 1)[Slice.All, new Slice(Step: -1)];
        Longs(d.Ravel(MemoryOrder.K)).ShouldBe(                                              // a.transpose(2, 0, 1)[:, ::-1].ravel('K')
            [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        NDArray e = Np.Transpose(Np.Arange(24L).Reshape(2, 3, 4), 1, 2, 0)[new Slice(Step: -1)];
        Longs(e.Ravel(MemoryOrder.K)).ShouldBe(                                              // a.transpose(1, 2, 0)[::-1].ravel('K')
            [8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3, 20, 21, 22, 23, 16, 17, 18, 19, 12, 13, 14, 15]);
        Longs(Np.BroadcastTo(Np.Arange(3L), 2, 3).Ravel(MemoryOrder.K)).ShouldBe([0, 1, 2, 0, 1, 2]);   // broadcast axes keep their place
        Longs(Np.Arange(6L).Reshape(2, 3).T.Ravel(MemoryOrder.K)).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Copies_take_the_layout_asked_for()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray y = Np.Arange(24L).Reshape(2, 3, 4);
        NDArray f = Np.Copy(y, MemoryOrder.F);
        ElementStrides(f).ShouldBe([1, 2, 6]);                                               // np.asfortranarray(y).strides / 8 == (1, 2, 6)
        Longs(f).ShouldBe(Longs(y));
        ElementStrides(Np.Copy(Np.Transpose(y, 2, 0, 1), MemoryOrder.K)).ShouldBe([1, 12, 4]);   // np.copy(y.transpose(2, 0, 1), order='K').strides / 8
        NDArray e = Np.Transpose(y, 1, 2, 0)[new Slice(Step: -1)];
        NDArray ek = Np.Copy(e, MemoryOrder.K);
        ElementStrides(ek).ShouldBe([4, 1, 12]);                                             // np.copy(e, order='K').strides / 8 == (4, 1, 12)
        Longs(ek).ShouldBe(Longs(e));
        ElementStrides(Np.Copy(f, MemoryOrder.A)).ShouldBe([1, 2, 6]);
        ElementStrides(Np.Copy(f, MemoryOrder.C)).ShouldBe([12, 4, 1]);
        ElementStrides(f.Flatten(MemoryOrder.F)).ShouldBe([1]);
        Longs(f.Flatten(MemoryOrder.F)).ShouldBe(Longs(y.Ravel(MemoryOrder.F)));
    }

    [Fact]
    public void Copy_keeps_the_memory_order_by_default_as_numpy_copy()
    {
        // np.copy(x) is order='K': strides / 8 and flags from NumPy 1.24 for each input (Np.Copy(x) gave C order).
        using var host = TestHost.Create(new DensePlugin());
        NDArray y = Np.Arange(24L).Reshape(2, 3, 4);
        NDArray f = Np.Copy(y, MemoryOrder.F);
        foreach ((string what, NDArray x, long[] strides) in new (string, NDArray, long[])[]
        {
            ("np.asfortranarray(y)", f, [1, 2, 6]),
            ("y.transpose(2, 0, 1)", Np.Transpose(y, 2, 0, 1), [1, 12, 4]),
            ("y.transpose(1, 2, 0)[::-1]", Np.Transpose(y, 1, 2, 0)[new Slice(Step: -1)], [4, 1, 12]),
            ("np.asfortranarray(np.ones((4, 6)))[:, ::2]", Np.Copy(Np.Ones(new Shape(4, 6)), MemoryOrder.F)[Slice.All, new Slice(Step: 2)], [1, 4]),
            ("np.arange(5.)[::-1]", Np.Arange(5L)[new Slice(Step: -1)], [1]),
            ("np.broadcast_to(np.arange(3.), (2, 3))", Np.BroadcastTo(Np.Arange(3L), 2, 3), [1, 2]),
            ("np.asfortranarray(np.ones((3, 1, 2)))", Np.Copy(Np.Ones(new Shape(3, 1, 2)), MemoryOrder.F), [1, 3, 3]),
            ("np.asfortranarray(y).T", Np.Transpose(f), [6, 2, 1]),
            ("y[:, ::2]", y[Slice.All, new Slice(Step: 2)], [8, 4, 1]),
        })
        {
            NDArray copy = Np.Copy(x);
            ElementStrides(copy).ShouldBe(strides, what);
            Longs(copy).ShouldBe(Longs(x), what);
            copy.ShouldNotBeSameAs(x, what);
        }
        Np.IsFortran(Np.Copy(f)).ShouldBeTrue();                                             // np.copy(f).flags.f_contiguous
        ElementStrides(Np.Copy(f, MemoryOrder.C)).ShouldBe([12, 4, 1]);                       // order='C' asked for is still C
        ElementStrides(Np.AsContiguousArray(f)).ShouldBe([12, 4, 1]);
    }

    [Fact]
    public void Flatten_is_a_copy_and_ravel_a_view_where_one_reads_in_order()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray y = Np.Arange(6.0).Reshape(2, 3);
        NDArray flat = y.Flatten();
        Np.SetItem(flat, [0], 100.0);
        y.ToArray<double>()[0].ShouldBe(0.0);
        NDArray view = y.T.Ravel(MemoryOrder.F);   // y.T read in F order is y's memory order: a view
        Np.SetItem(view, [1], 50.0);
        y.ToArray<double>()[1].ShouldBe(50.0);
    }

    [Fact]
    public void Asfortranarray_and_ascontiguousarray_return_the_array_itself_when_it_already_fits()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray c = Np.Arange(6.0).Reshape(2, 3);
        Np.AsContiguousArray(c).ShouldBeSameAs(c);
        NDArray t = c.T;
        Np.AsFortranArray(t).ShouldBeSameAs(t, "a transposed C array is Fortran-contiguous");
        NDArray f = Np.AsFortranArray(c);
        f.ShouldNotBeSameAs(c);
        Np.AsFortranArray(f).ShouldBeSameAs(f);
        NDArray back = Np.AsContiguousArray(f);
        back.MemoryLayout!.Value.IsCContiguous.ShouldBeTrue();
        back.ToArray<double>().ShouldBe(c.ToArray<double>());
        Np.AsFortranArray(Np.AsArray(3.0)).Shape.ShouldBe(new Shape(1));                   // NumPy 1.x: at least 1-d
        Np.AsContiguousArray(Np.AsArray(3.0)).Shape.ShouldBe(new Shape(1));
    }

    [Fact]
    public void Like_functions_keep_a_Fortran_prototypes_layout()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray f = Np.AsFortranArray(Np.Arange(6.0).Reshape(2, 3));
        NDArray z = Np.ZerosLike(f);                                                          // np.zeros_like(f).flags.f_contiguous
        Np.IsFortran(z).ShouldBeTrue();
        z.Shape.ShouldBe(new Shape(2, 3));
        Np.IsFortran(Np.FullLike(f, 7L, DType.Int32)).ShouldBeTrue();
        Np.FullLike(f, 7L, DType.Int32).ToArray<int>().ShouldBe([7, 7, 7, 7, 7, 7]);
        Np.IsFortran(Np.OnesLike(Np.Arange(6.0).Reshape(2, 3))).ShouldBeFalse();
    }

    [Fact]
    public void Contiguity_flags_follow_NumPys_rules()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray column = Np.Zeros(new Shape(3, 1));
        column.MemoryLayout!.Value.IsCContiguous.ShouldBeTrue();                             // np.zeros((3, 1)).flags: C and F
        column.MemoryLayout!.Value.IsFContiguous.ShouldBeTrue();
        Np.IsFortran(column).ShouldBeFalse();                                                // np.isfortran: F and not C
        Np.IsFortran(Np.Arange(4.0)).ShouldBeFalse();
        Np.Arange(8.0)[new Slice(Step: 2)].MemoryLayout!.Value.IsCContiguous.ShouldBeFalse();
        Np.Zeros(new Shape(0, 3)).MemoryLayout!.Value.IsFContiguous.ShouldBeTrue();
    }

    [Fact]
    public void Save_writes_a_Fortran_ordered_array_as_NumPys_save_does()
    {
        // Np.Save wrote 'fortran_order': False and the C-ordered values: np.load gave a C-ordered array back, and the
        // file differed from np.save's. NumPy: np.save of np.asfortranarray(np.arange(6.).reshape(2, 3)) and of
        // np.arange(6, dtype=np.int32).reshape(2, 3).T (F-contiguous) writes the data as it lies, 'fortran_order': True.
        using var host = TestHost.Create(new DensePlugin());
        string path = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.npy");
        try
        {
            Np.Save(path, Np.AsFortranArray(Np.Arange(6.0).Reshape(2, 3)));
            byte[] bytes = File.ReadAllBytes(path);
            System.Text.Encoding.ASCII.GetString(bytes, 10, 118).TrimEnd().ShouldBe("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }");
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes.AsSpan(128)).ToArray().ShouldBe([0.0, 3, 1, 4, 2, 5]);
            NDArray back = Np.Load(path);
            Np.IsFortran(back).ShouldBeTrue();
            back.ToArray<double>().ShouldBe([0.0, 1, 2, 3, 4, 5]);

            Np.Save(path, Np.Arange(6L, DType.Int32).Reshape(2, 3).T);
            bytes = File.ReadAllBytes(path);
            System.Text.Encoding.ASCII.GetString(bytes, 10, 118).TrimEnd().ShouldBe("{'descr': '<i4', 'fortran_order': True, 'shape': (3, 2), }");
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(bytes.AsSpan(128)).ToArray().ShouldBe([0, 1, 2, 3, 4, 5]);
            Np.Load(path).ToArray<int>().ShouldBe([0, 3, 1, 4, 2, 5]);

            Np.Save(path, Np.Arange(6.0).Reshape(2, 3)[.., 1..]);                           // neither C nor F: C order, as NumPy
            System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 10, 118).ShouldContain("'fortran_order': False");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Creation_in_Fortran_order_as_NumPys_order_argument()
    {
        // np.zeros((2, 3), order='F').flags.f_contiguous, np.full((2, 3, 2), 7.5, order='F'), np.ones(..., 'i4', order='F')
        using var host = TestHost.Create(new DensePlugin());
        NDArray z = Np.Zeros(new Shape(2, 3), MemoryOrder.F);
        Np.IsFortran(z).ShouldBeTrue();
        z.Shape.ShouldBe(new Shape(2, 3));
        ElementStrides(z).ShouldBe([1L, 2L]);                                                 // np: (8, 16) bytes
        NDArray full = Np.Full(new Shape(2, 3, 2), 7.5, MemoryOrder.F);
        ElementStrides(full).ShouldBe([1L, 2L, 6L]);
        full.ToArray<double>().ShouldAllBe(v => v == 7.5);
        NDArray ones = Np.Ones(new Shape(2, 3), MemoryOrder.F, DType.Int32);
        ones.DType.ShouldBe(DType.Int32);
        Np.IsFortran(ones).ShouldBeTrue();
        Np.IsFortran(Np.Empty(new Shape(4, 5), MemoryOrder.F)).ShouldBeTrue();
        Np.IsFortran(Np.Zeros(new Shape(2, 3), MemoryOrder.C)).ShouldBeFalse();
        Np.Zeros(new Shape(3), MemoryOrder.F).MemoryLayout!.Value.IsCContiguous.ShouldBeTrue();   // 1-d: both
        // np.zeros((2, 3), order='K'): ValueError: only 'C' or 'F' order is permitted
        Should.Throw<ArgumentException>(() => Np.Zeros(new Shape(2, 3), MemoryOrder.K)).Message.ShouldStartWith("only 'C' or 'F' order is permitted");
        Should.Throw<ArgumentException>(() => Np.Empty(new Shape(2, 3), MemoryOrder.A)).Message.ShouldStartWith("only 'C' or 'F' order is permitted");
    }

    [Fact]
    public void Array_copies_in_the_order_asked_for_as_NumPys_array()
    {
        // x = np.arange(6.).reshape(2, 3); f = np.asfortranarray(x): np.isfortran(np.array(src, order=o)) for src in
        // (x, f, x.T, a list): C: F F F F; F: T T T T; A: F T T F; K: F T T F.
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(6.0).Reshape(2, 3);
        NDArray f = Np.AsFortranArray(x);
        double[,] net = { { 1, 2 }, { 3, 4 } };
        (MemoryOrder Order, bool[] Fortran)[] expected =
        [
            (MemoryOrder.C, [false, false, false, false]),
            (MemoryOrder.F, [true, true, true, true]),
            (MemoryOrder.A, [false, true, true, false]),
            (MemoryOrder.K, [false, true, true, false]),
        ];
        foreach ((MemoryOrder order, bool[] fortran) in expected)
        {
            object[] sources = [x, f, x.T, net];
            for (int i = 0; i < sources.Length; i++)
            {
                NDArray a = Np.Array(sources[i], order);
                Np.IsFortran(a).ShouldBe(fortran[i], $"order {order}, source {i}");
                a.ShouldNotBeSameAs(sources[i]);
            }
        }
        Np.Array(x.T, MemoryOrder.F).ToArray<double>().ShouldBe([0.0, 3, 1, 4, 2, 5]);
        NDArray copied = Np.Array(net, MemoryOrder.F);
        net[0, 0] = 99;                                                                       // a copy, never an alias
        copied.ToArray<double>().ShouldBe([1.0, 2, 3, 4]);
        // np.array(np.arange(24.).reshape(2, 3, 4).transpose(1, 0, 2), order='K').strides == (32, 96, 8)
        ElementStrides(Np.Array(Np.Transpose(Np.Arange(24.0).Reshape(2, 3, 4), [1, 0, 2]), MemoryOrder.K)).ShouldBe([4L, 12L, 1L]);
        Np.Array(x, MemoryOrder.F, dtype: DType.Int32).DType.ShouldBe(DType.Int32);
    }


    [Fact]
    public void Astype_and_the_like_functions_of_a_broadcast_array_lay_it_out_as_NumPys_new_like_array()
    {
        // NumPy 1.24 (element strides): np.broadcast_to(np.arange(4.), (3, 4)).astype(np.float32).strides // 4 == (1, 3):
        // PyArray_NewLikeArray sorts the axes by decreasing |stride|, so a broadcast axis (stride 0) goes innermost; the
        // element-wise iterator's order (np.negative(b): C) leaves it in place. astype gave C strides (4, 1).
        using var host = TestHost.Create(new DensePlugin());
        NDArray row = Np.BroadcastTo(Np.Arange(4.0), 3, 4);                                   // strides (0, 1)
        NDArray column = Np.BroadcastTo(Np.Arange(3.0).Reshape(3, 1), 3, 4);                   // strides (1, 0)
        NDArray mixed = Np.BroadcastTo(Np.ExpandDims(Np.Transpose(Np.Arange(6.0).Reshape(2, 3)), 1), 3, 5, 2);   // strides (1, 0, 3)
        NDArray scalar = Np.BroadcastTo(Np.AsArray(5.0), 2, 3);                                  // strides (0, 0)
        (NDArray Result, long[] Strides, NDArray Source)[] cases =
        [
            (Np.AsType(row, DType.Float32), [1, 3], row),
            (Np.AsType(row, DType.Int64), [1, 3], row),
            (Np.AsType(column, DType.Float32), [4, 1], column),
            (Np.AsType(column.T, DType.Float32), [1, 4], column.T),
            (Np.AsType(mixed, DType.Float32), [5, 1, 15], mixed),
            (Np.AsType(scalar, DType.Int32), [3, 1], scalar),
            (Np.ZerosLike(row), [1, 3], Np.ZerosLike(row, DType.Float64)),                    // np.zeros_like(b).strides // 8 == (1, 3)
            (Np.FullLike(mixed, 2.0), [5, 1, 15], Np.FullLike(mixed, 2.0)),
            (Np.Negative(row), [4, 1], Np.Negative(row)),                                     // the iterator's order: C
        ];
        foreach ((NDArray result, long[] strides, NDArray source) in cases)
        {
            ElementStrides(result).ShouldBe(strides);
            Np.AsType(result, DType.Float64).ToArray<double>().ShouldBe(Np.AsType(source, DType.Float64).ToArray<double>());
        }
    }

    [Fact]
    public void Element_wise_results_keep_the_operands_memory_order_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray c = Np.Arange(12.0).Reshape(3, 4);
        NDArray f = Np.AsFortranArray(c);
        NDArray fi = Np.AsFortranArray(Np.Arange(12L).Reshape(3, 4).AsType(DType.Int32));
        // (result, NumPy 1.24's element strides); every value is also C's, whatever the layout.
        (NDArray Result, long[] Strides, NDArray Expected)[] cases =
        [
            (f + f, [1, 3], c + c),                                                       // F + F: Fortran
            (f + c, [4, 1], c + c),                                                       // mixed: C order wins
            (c + f, [4, 1], c + c),
            (f + 1.0, [1, 3], c + 1.0),                                                   // a weak scalar decides nothing
            (Np.Exp(f), [1, 3], Np.Exp(c)),
            (f + Np.Ones(4), [1, 3], c + Np.Ones(4)),                                     // broadcast axes decide nothing
            (f + Np.Ones(new Shape(3, 1)), [1, 3], c + Np.Ones(new Shape(3, 1))),
            (c.T * 2.0, [1, 4], c.T * 2.0),                                               // a transposed C array: Fortran
            (f[.., ..2] + 1.0, [1, 3], c[.., ..2] + 1.0),                                 // a strided Fortran view
            (Np.Flip(c, 0) + 1.0, [4, 1], Np.Flip(c, 0) + 1.0),                     // reversed axes come out forwards
            (Np.Where(f > 3.0, f, 0.0), [1, 3], Np.Where(c > 3.0, c, 0.0)),
            (Np.AsType(f, DType.Float32), [1, 3], Np.AsType(c, DType.Float32)),           // astype's default order='K'
            (fi + f, [1, 3], Np.AsType(fi, DType.Float64) + c),                           // converted operands keep their order
            (f > 3.0, [1, 3], c > 3.0),
        ];
        foreach ((NDArray result, long[] strides, NDArray expected) in cases)
        {
            ElementStrides(result).ShouldBe(strides);
            Np.AsType(result, DType.Float64).ToArray<double>().ShouldBe(Np.AsType(expected, DType.Float64).ToArray<double>());
        }

        NDArray permuted = Np.Transpose(Np.Arange(24.0).Reshape(2, 3, 4), [1, 2, 0]);
        ElementStrides(permuted + 1.0).ShouldBe([4, 1, 12]);                             // (x + 1).strides // 8
        ElementStrides(Np.Transpose(Np.Arange(24.0).Reshape(2, 3, 4), [2, 0, 1]) * Np.Ones(new Shape(4, 2, 3))).ShouldBe([6, 3, 1]);
    }

    [Fact]
    public void A_large_Fortran_ordered_operation_gives_the_values_of_its_C_ordered_twin()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray c = Np.Random.Sample(new Shape(700, 300), Np.Random.DefaultRng(1)), d = Np.Random.Sample(new Shape(700, 300), Np.Random.DefaultRng(2));
        NDArray f = Np.AsFortranArray(c), g = Np.AsFortranArray(d);
        NDArray sum = f * g + f;
        Np.IsFortran(sum).ShouldBeTrue();
        sum.ToArray<double>().ShouldBe((c * d + c).ToArray<double>());
        NDArray @out = Np.AsFortranArray(Np.Zeros(new Shape(700, 300)));
        Np.Multiply(c, d, @out);                                                           // a Fortran out= of C operands
        @out.ToArray<double>().ShouldBe((c * d).ToArray<double>());
    }
}
