using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Laws that hold for every shape and value (CsCheck, fixed seeds).</summary>
public sealed class PropertyTests
{
    private static readonly Gen<int[]> s_dims = Gen.Int[1, 4].Array[1, 4];

    private static readonly Gen<(int[] Dims, long[] Data)> s_intArrays =
        s_dims.SelectMany(d => Gen.Long[-1000, 1000].Array[d.Aggregate(1, (p, x) => p * x)].Select(v => (d, v)));

    private static readonly Gen<(int[] Dims, double[] Data)> s_doubleArrays =
        s_dims.SelectMany(d => Gen.Double[-10, 10].Array[d.Aggregate(1, (p, x) => p * x)].Select(v => (d, v)));

    [Fact]
    public void Transpose_then_inverse_permutation_is_the_identity()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_doubleArrays.Sample(t =>
        {
            NDArray x = DenseArray.From(t.Data, t.Dims);
            int[] perm = Enumerable.Range(0, t.Dims.Length).Reverse().ToArray();
            NDArray back = Np.Transpose(Np.Copy(Np.Transpose(x, perm), MemoryOrder.C), perm);
            back.Shape.ShouldBe(x.Shape);
            back.ToArray<double>().ShouldBe(t.Data);
        }, seed: "0N0XIzNsQ0O2", iter: 200, threads: 1);
    }

    [Fact]
    public void Reshape_to_flat_and_back_is_the_identity()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_intArrays.Sample(t =>
        {
            NDArray x = DenseArray.From(t.Data, t.Dims);
            NDArray back = Np.Reshape(Np.Reshape(x.T, -1), Np.Transpose(x).Shape.ToArray());
            back.ToArray<long>().ShouldBe(x.T.ToArray<long>());
        }, seed: "0N0XIzNsQ0O3", iter: 200, threads: 1);
    }

    [Fact]
    public void Sum_is_linear_over_every_axis()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_intArrays.Sample(t =>
        {
            NDArray a = DenseArray.From(t.Data, t.Dims);
            NDArray b = Np.Flip(a) * 3L;
            for (int axis = -1; axis < t.Dims.Length; axis++)
            {
                Axes ax = axis < 0 ? Axes.All : axis;
                Np.Sum(a + b, ax).ToArray<long>().ShouldBe((Np.Sum(a, ax) + Np.Sum(b, ax)).ToArray<long>());
            }
        }, seed: "0N0XIzNsQ0O4", iter: 200, threads: 1);
    }

    [Fact]
    public void Broadcasting_commutes_and_equals_explicit_broadcast_to()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_doubleArrays.Sample(t =>
        {
            NDArray a = DenseArray.From(t.Data, t.Dims);
            int[] lastOnly = [t.Dims[^1]];
            NDArray row = Np.Copy(a.Reshape(-1, t.Dims[^1])[0]).Reshape(lastOnly);
            (a - row).ToArray<double>().ShouldBe((Np.BroadcastTo(Np.Negative(row), t.Dims) + a).ToArray<double>());
            (a * row).ToArray<double>().ShouldBe((row * a).ToArray<double>());
        }, seed: "0N0XIzNsQ0O5", iter: 200, threads: 1);
    }

    [Fact]
    public void Strided_and_contiguous_inputs_give_identical_results()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_doubleArrays.Sample(t =>
        {
            NDArray a = DenseArray.From(t.Data, t.Dims);
            NDArray strided = Np.Flip(a.T);
            NDArray contiguous = Np.Copy(strided, MemoryOrder.C);
            Np.Exp(strided).ToArray<double>().ShouldBe(Np.Exp(contiguous).ToArray<double>());
            Np.Max(strided, 0).ToArray<double>().ShouldBe(Np.Max(contiguous, 0).ToArray<double>());
            Np.Cumsum(strided, -1).ToArray<double>().ShouldBe(Np.Cumsum(contiguous, -1).ToArray<double>());
        }, seed: "0N0XIzNsQ0O6", iter: 200, threads: 1);
    }

    [Fact]
    public void Npy_write_then_read_round_trips_every_dtype()
    {
        using var host = TestHost.Create(new DensePlugin());
        string path = Path.Combine(Path.GetTempPath(), $"prop-{Guid.NewGuid():N}.npy");
        try
        {
            s_doubleArrays.Sample(t =>
            {
                NDArray x = DenseArray.From(t.Data, t.Dims);
                foreach (DType dt in new[] { DType.Bool, DType.Int32, DType.Int64, DType.Float32, DType.Float64 })
                {
                    NDArray y = Np.AsType(x.T, dt);
                    Np.Save(path, y);
                    NDArray back = Np.Load(path);
                    back.DType.ShouldBe(dt);
                    back.Shape.ShouldBe(y.Shape);
                    back.ToArray<double>().ShouldBe(y.ToArray<double>());
                }
            }, seed: "0N0XIzNsQ0O7", iter: 100, threads: 1);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
