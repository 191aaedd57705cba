using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

public sealed class ElementwiseTests
{
    [Fact]
    public void Add_broadcasts_a_row_over_a_matrix()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new double[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        NDArray b = DenseArray.From(new double[] { 10, 20, 30 });
        (a + b).ToArray<double>().ShouldBe([11, 22, 33, 14, 25, 36]);
    }

    [Fact]
    public void Int32_plus_int_scalar_stays_int32_and_float_scalar_promotes()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new[] { 1, 2, 3 });
        (a + 1).DType.ShouldBe(DType.Int32);
        (a * 2.5).DType.ShouldBe(DType.Float64);
        (a * 2.5).ToArray<double>().ShouldBe([2.5, 5, 7.5]);
    }

    [Fact]
    public void Integer_floor_divide_and_remainder_by_zero_give_zero()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new long[] { 7, -7, 5 });
        NDArray b = DenseArray.From(new long[] { 2, 2, 0 });
        Np.FloorDivide(a, b).ToArray<long>().ShouldBe([3, -4, 0]);
        Np.Remainder(a, b).ToArray<long>().ShouldBe([1, 1, 0]);
        (a / b).DType.ShouldBe(DType.Float64);
    }

    [Fact]
    public void Incompatible_shapes_name_both_shapes()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Zeros((3, 4));
        NDArray b = Np.Zeros(5);
        var ex = Should.Throw<ShapeMismatchException>(() => a + b);
        ex.Message.ShouldBe("operands could not be broadcast together with shapes (3,4) (5,)");   // NumPy's text
    }

    [Fact]
    public void Large_strided_add_matches_a_scalar_loop()
    {
        using var host = TestHost.Create(new DensePlugin());
        var data = new double[300 * 400];
        for (int i = 0; i < data.Length; i++) data[i] = i * 0.5;
        NDArray a = DenseArray.From(data, 300, 400);
        NDArray t = a.T;
        NDArray sum = a[.., ..300] + t[..300, ..];
        double[] r = sum.ToArray<double>();
        for (int i = 0; i < 300; i++)
            for (int j = 0; j < 300; j++)
                r[i * 300 + j].ShouldBe(data[i * 400 + j] + data[j * 400 + i]);
    }

    [Fact]
    public void Sum_over_axes_and_keepdims()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(24L).Reshape(2, 3, 4);
        Np.Sum(a).Item<long>().ShouldBe(276);
        Np.Sum(a, 0).ToArray<long>().ShouldBe([12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34]);
        Np.Sum(a, new[] { 0, 2 }, keepDims: true).Shape.ShouldBe(new Shape(1, 3, 1));
        Np.Sum(a, -1).ToArray<long>().ShouldBe([6, 22, 38, 54, 70, 86]);
        Should.Throw<AxisOutOfRangeException>(() => Np.Sum(a, 3)).Message.ShouldBe("axis 3 is out of bounds for array of dimension 3");
    }

    [Fact]
    public void Where_whose_operands_do_not_broadcast_names_all_three_shapes_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray condition = Np.Greater(Np.Ones(new Shape(3)), 0.0);
        Should.Throw<ShapeMismatchException>(() => Np.Where(condition, Np.Ones(new Shape(2)), 0.0)).Message
            .ShouldBe("operands could not be broadcast together with shapes (3,) (2,) ()");
        Should.Throw<ShapeMismatchException>(() => Np.Where(condition, 1.0, Np.Ones(new Shape(2, 4)))).Message
            .ShouldBe("operands could not be broadcast together with shapes (3,) () (2,4)");
    }
}
