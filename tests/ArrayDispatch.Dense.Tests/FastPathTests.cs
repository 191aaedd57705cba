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
            NDArray contiguous = Np.Copy(strided);
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
            NDArray xc = Np.Copy(x), yc = Np.Copy(y);
            Np.Add(xc, yc).ToArray<double>().ShouldBe(Np.Add(x, y).ToArray<double>());
            Np.Multiply(xc, yc).ToArray<double>().ShouldBe(Np.Multiply(x, y).ToArray<double>());
            Np.Sin(xc).ToArray<double>().ShouldBe(Np.Sin(x).ToArray<double>());   // unary driver
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }
}
