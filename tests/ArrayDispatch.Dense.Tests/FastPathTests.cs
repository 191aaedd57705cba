using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Small contiguous inputs take shortcuts in the reduction and element-wise drivers; a strided view of the same
/// elements takes the general path. Both must give bit-identical results (CsCheck, fixed seeds).
/// </summary>
public sealed class FastPathTests
{
    private static readonly Gen<(int[] Dims, double[] Data)> s_arrays =
        Gen.Int[1, 40].Array[2, 3].SelectMany(d => Gen.Double[-1e3, 1e3].Array[d.Aggregate(1, (p, x) => p * x)].Select(v => (d, v)));

    [Fact]
    public void Full_sum_of_a_contiguous_array_equals_the_general_path_on_a_strided_view_bit_for_bit()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_arrays.Sample(t =>
        {
            NDArray strided = Np.Transpose(DenseArray.From(t.Data, t.Dims));
            NDArray contiguous = Np.Copy(strided, MemoryOrder.C);
            foreach (var (general, fast) in new[] { (Np.Sum(strided), Np.Sum(contiguous)), (Np.Max(strided), Np.Max(contiguous)), (Np.Prod(strided), Np.Prod(contiguous)) })
            {
                fast.Shape.ShouldBe(Shape.Scalar);
                BitConverter.DoubleToInt64Bits(fast.Item<double>()).ShouldBe(BitConverter.DoubleToInt64Bits(general.Item<double>()));
            }
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }

    [Fact]
    public void Elementwise_on_contiguous_arrays_equals_the_general_path_on_strided_views()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_arrays.Sample(t =>
        {
            NDArray x = Np.Transpose(DenseArray.From(t.Data, t.Dims));
            NDArray y = Np.Transpose(DenseArray.From([.. t.Data.Select(v => v * 0.5 + 1)], t.Dims));
            NDArray xc = Np.Copy(x, MemoryOrder.C), yc = Np.Copy(y, MemoryOrder.C);
            Np.Add(xc, yc).ToArray<double>().ShouldBe(Np.Add(x, y).ToArray<double>());
            Np.Multiply(xc, yc).ToArray<double>().ShouldBe(Np.Multiply(x, y).ToArray<double>());
            Np.Sin(xc).ToArray<double>().ShouldBe(Np.Sin(x).ToArray<double>());   // unary driver
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }

    [Fact]
    public void Array_and_weak_scalar_on_small_contiguous_arrays_equal_the_general_path_on_strided_views()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_arrays.Sample(t =>
        {
            NDArray x = Np.Transpose(DenseArray.From(t.Data, t.Dims));
            NDArray xc = Np.Copy(x, MemoryOrder.C);
            Np.Multiply(xc, 2.5).ToArray<double>().ShouldBe(Np.Multiply(x, 2.5).ToArray<double>());
            Np.Subtract(1.0, xc).ToArray<double>().ShouldBe(Np.Subtract(1.0, x).ToArray<double>());
            Np.Divide(xc, 3).ToArray<double>().ShouldBe(Np.Divide(x, 3).ToArray<double>());
            Np.Power(xc, 2).ToArray<double>().ShouldBe(Np.Power(x, 2).ToArray<double>());
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }

    [Fact]
    public void Integer_array_and_weak_scalar_keep_NumPys_dtype_and_overflow_rules()
    {
        using var host = TestHost.Create(new DensePlugin());
        var i32 = DenseArray.From(new[] { 1, -2, 3 }, 3);
        NDArray sum = Np.Add(i32, 5);
        sum.DType.ShouldBe(DType.Int32);
        sum.ToArray<int>().ShouldBe([6, 3, 8]);
        Np.Subtract(10, i32).ToArray<int>().ShouldBe([9, 12, 7]);
        Np.Multiply(DenseArray.From(new[] { 1.5f, 2f }, 2), 2.0).DType.ShouldBe(DType.Float32);
        Should.Throw<OverflowException>(() => Np.Add(DenseArray.From(new[] { 1, 2 }, 2), 1L << 40));
        Should.Throw<ArgumentException>(() => Np.Power(i32, -1));   // integers to negative integer powers
    }

    [Fact]
    public void Small_results_share_no_elements_with_their_operands_or_each_other()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = DenseArray.From(new[] { 1.0, 2.0 }, 2);
        var first = (DenseArray)Np.Multiply(a, 2.0);
        var second = (DenseArray)Np.Multiply(a, 2.0);
        first.AsSpan<double>()[0] = 99;
        second.ToArray<double>().ShouldBe([2.0, 4.0]);
        a.ToArray<double>().ShouldBe([1.0, 2.0]);
        first.Strides.ToArray().ShouldBe([1L]);
        ((DenseArray)Np.Sum(a)).Strides.Length.ShouldBe(0);
    }
}
