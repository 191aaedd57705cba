using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>The array API standard's names the facade composes, on Dense (NumPy's values are in the fixtures; here the behaviour around them).</summary>
public sealed class ArrayApiCompositionTests
{
    [Fact]
    public void Empty_like_takes_the_shape_dtype_and_backend_of_its_argument()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new int[] { 1, 2, 3, 4, 5, 6 }).Reshape(2, 3);

        NDArray e = Np.EmptyLike(x);
        NDArray f = Np.EmptyLike(x, DType.Float32);

        e.Shape.ShouldBe(new Shape(2, 3));
        e.DType.ShouldBe(DType.Int32);
        e.ShouldBeOfType<DenseArray>();
        f.DType.ShouldBe(DType.Float32);
    }

    [Fact]
    public void Broadcast_arrays_gives_views_of_the_common_shape_and_refuses_shapes_that_do_not_fit()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new[] { 1.0, 2, 3 });
        NDArray b = DenseArray.From(new[] { 10.0, 20 }).Reshape(2, 1);

        NDArray[] r = Np.BroadcastArrays(a, b);

        r[0].Shape.ShouldBe(new Shape(2, 3));
        r[1].ToArray<double>().ShouldBe([10, 10, 10, 20, 20, 20]);
        Should.Throw<ShapeMismatchException>(() => Np.BroadcastArrays(a, DenseArray.From(new[] { 1.0, 2 }))).Message.ShouldContain("(3,) and (2,)");
    }

    [Fact]
    public void Cumulative_sum_with_include_initial_starts_with_zero_and_needs_an_axis_beyond_one_dimension()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray v = DenseArray.From(new long[] { 1, 2, 3 });

        Np.CumulativeSum(v, includeInitial: true).ToArray<long>().ShouldBe([0, 1, 3, 6]);
        Should.Throw<ArgumentException>(() => Np.CumulativeSum(v.Reshape(1, 3))).Message.ShouldContain("axis must be specified");
    }

    [Fact]
    public void Diff_of_bools_is_not_equal_and_a_negative_order_is_refused()
    {
        using var host = TestHost.Create(new DensePlugin());

        Np.Diff(DenseArray.From(new[] { true, true, false, true })).ToArray<bool>().ShouldBe([false, true, true]);
        Np.Diff(DenseArray.From(new[] { 1.0, 4, 9 }), prepend: 0L).ToArray<double>().ShouldBe([1, 3, 5]);
        Should.Throw<ArgumentException>(() => Np.Diff(DenseArray.From(new[] { 1.0 }), -1)).Message.ShouldBe("order must be non-negative but got -1 (Parameter 'n')");
    }

    [Fact]
    public void Take_along_axis_with_argsort_sorts_each_row()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new[] { 3.0, 1, 2, 9, 7, 8 }).Reshape(2, 3);

        NDArray sorted = Np.TakeAlongAxis(a, Np.Argsort(a, 1), 1);

        sorted.ToArray<double>().ShouldBe([1, 2, 3, 7, 8, 9]);
        Should.Throw<DTypeMismatchException>(() => Np.TakeAlongAxis(a, a, 1));
    }

    [Fact]
    public void Unique_inverse_indices_take_the_input_shape()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new long[] { 3, 1, 3, 2 }).Reshape(2, 2);

        (NDArray values, NDArray indices, NDArray inverse, NDArray counts) = Np.UniqueAll(x);

        values.ToArray<long>().ShouldBe([1, 2, 3]);
        indices.ToArray<long>().ShouldBe([1, 3, 0]);
        inverse.Shape.ShouldBe(new Shape(2, 2));
        inverse.ToArray<long>().ShouldBe([2, 0, 2, 1]);
        counts.ToArray<long>().ShouldBe([1, 1, 2]);
    }

    [Fact]
    public void Linalg_diagonal_and_trace_work_on_the_last_two_axes_unlike_np_diagonal()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(24L).Reshape(2, 3, 4);

        Np.Linalg.Diagonal(x).Shape.ShouldBe(new Shape(2, 3));
        Np.Diagonal(x).Shape.ShouldBe(new Shape(4, 2));
        Np.Linalg.Trace(x).ToArray<long>().ShouldBe([0 + 5 + 10, 12 + 17 + 22]);
    }

    [Fact]
    public void Matrix_power_of_an_integer_matrix_stays_integer_and_a_negative_power_inverts()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray m = DenseArray.From(new long[] { 1, 1, 1, 0 }).Reshape(2, 2);   // Fibonacci

        Np.Linalg.MatrixPower(m, 10).ToArray<long>().ShouldBe([89, 55, 55, 34]);
        NDArray inv = Np.Linalg.MatrixPower(m, -1);
        inv.DType.ShouldBe(DType.Float64);
        inv.ToArray<double>().ShouldBe([0, 1, 1, -1]);
        Np.Linalg.MatrixPower(m, 0).ToArray<long>().ShouldBe([1, 0, 0, 1]);
        Should.Throw<LinAlgException>(() => Np.Linalg.MatrixPower(Np.Ones(new Shape(2, 3)), 2)).Message.ShouldBe("Last 2 dimensions of the array must be square");
    }

    [Fact]
    public void Vector_norm_over_several_axes_treats_them_as_one_vector()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Ones(new Shape(2, 3, 4));

        Np.Linalg.VectorNorm(x, new[] { 0, 2 }).ToArray<double>().ShouldBe([Math.Sqrt(8), Math.Sqrt(8), Math.Sqrt(8)]);
        Np.Linalg.VectorNorm(x, new[] { 0, 2 }, keepDims: true).Shape.ShouldBe(new Shape(1, 3, 1));
        Np.Linalg.VectorNorm(x, ord: 0.0).Item<double>().ShouldBe(24);
        Should.Throw<ArgumentException>(() => Np.Linalg.VectorNorm(x, ord: "fro"));
    }

    [Fact]
    public void Cross_of_the_unit_vectors_follows_the_right_hand_rule_and_needs_three_components()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray ex = DenseArray.From(new[] { 1.0, 0, 0 }), ey = DenseArray.From(new[] { 0.0, 1, 0 });

        Np.Linalg.Cross(ex, ey).ToArray<double>().ShouldBe([0, 0, 1]);
        Should.Throw<ArgumentException>(() => Np.Linalg.Cross(DenseArray.From(new[] { 1.0, 0 }), DenseArray.From(new[] { 0.0, 1 })))
            .Message.ShouldStartWith("Both input arrays must be (arrays of) 3-dimensional vectors, but they are 2 and 2");
    }

    [Fact]
    public void From_dlpack_views_a_dense_array_or_host_buffer_without_copying()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] data = [1, 2, 3, 4, 5, 6];
        var buffer = new HostBuffer(data, DType.Float64, new Shape(3), [2], 1);   // strided: 2, 4, 6

        NDArray view = Np.FromDLPack(buffer, copy: false);
        data[3] = 40;

        view.ToArray<double>().ShouldBe([2, 40, 6]);
        NDArray dense = DenseArray.From(new[] { 1.0, 2 });
        NDArray shared = Np.FromDLPack(dense);
        Np.SetItem(dense, [0], 7.0);
        shared.ToArray<double>().ShouldBe([7, 2]);
        NDArray copied = Np.FromDLPack(dense, copy: true);
        Np.SetItem(dense, [0], 8.0);
        copied.ToArray<double>().ShouldBe([7, 2]);
    }

    [Fact]
    public void Namespace_info_reports_the_default_dtypes_and_the_backends_as_devices()
    {
        using var host = TestHost.Create(new DensePlugin());
        ArrayNamespaceInfo info = Np.ArrayNamespaceInfo();

        info.DefaultDTypes()["real floating"].ShouldBe(DType.Float64);
        info.Devices().ShouldContain("Dense");
        info.DefaultDevice().ShouldBe("Dense");
        info.DTypes("unsigned integer").Keys.ShouldBe(["uint8", "uint16", "uint32", "uint64"], ignoreOrder: true);
    }
}
