using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

public sealed class SortTests : GpuTestBase
{
    private static double[] NaNLast(IEnumerable<double> values) => [.. values.Where(v => !double.IsNaN(v)).Order(), .. values.Where(double.IsNaN)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(777)]           // padded to 1024
    [InlineData(1024)]
    public void Sort_Vector_AscendingWithNaNLast(int n)
    {
        double[] a = Doubles(n, n);
        if (n > 10) { a[3] = double.NaN; a[n - 2] = double.NaN; a[5] = double.NegativeInfinity; a[6] = double.PositiveInfinity; a[7] = a[8]; }
        using GpuArray x = Gpu(a);

        using var z = (GpuArray)Np.Sort(x);

        ShouldBeClose(z.ToArray<double>(), NaNLast(a), 0);
    }

    [Fact]
    public void Sort_of_a_0d_array_raises_NumPys_axis_error_and_axis_none_gives_one_element()
    {
        using GpuArray one = Gpu([5.0]);
        using var x = (GpuArray)Np.Sum(one);   // a 0-d array on the device
        x.Rank.ShouldBe(0);
        Should.Throw<AxisOutOfRangeException>(() => Np.Sort(x)).Message.ShouldContain("axis -1 is out of bounds for array of dimension 0");
        using var flat = (GpuArray)Np.Sort(x, null);
        flat.Shape.ShouldBe(new Shape(1));
        flat.ToArray<double>().ShouldBe([5.0]);
    }

    [Fact]
    public void Argsort_of_a_0d_array_is_zero_with_shape_one_and_a_vector_is_stable()
    {
        using GpuArray one = Gpu([5.0]);
        using var x = (GpuArray)Np.Sum(one);
        using var zero = (GpuArray)Np.Argsort(x);
        zero.Shape.ShouldBe(new Shape(1));
        zero.ToArray<long>().ShouldBe([0L]);

        // 777 elements (padded to 1024), many ties and NaNs: equal values keep their index order.
        double[] a = [.. Enumerable.Range(0, 777).Select(i => i % 13 == 0 ? double.NaN : (i * 7919) % 29)];
        using GpuArray v = Gpu(a);
        using var order = (GpuArray)Np.Argsort(v);
        order.ToArray<long>().ShouldBe([.. Enumerable.Range(0, a.Length).OrderBy(i => double.IsNaN(a[i]) ? double.PositiveInfinity : a[i]).ThenBy(i => double.IsNaN(a[i]) ? 1 : 0).Select(i => (long)i)]);
    }

    [Fact]
    public void Cumsum_and_cumprod_start_from_the_first_element_as_NumPys_accumulate()
    {
        // np.cumsum([-0.0]) is [-0.0] (np.sum gives 0.0: it starts from the identity); float16 runs its own kernel.
        foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Float16 })
        {
            using var x = (GpuArray)Np.AsType(Gpu([-0.0, -0.0]), dtype);
            double[] sums = Np.AsType(Np.Cumsum(x), DType.Float64).ToArray<double>();
            sums.ShouldAllBe(v => v == 0 && double.IsNegative(v), dtype.Name());
            Np.AsType(Np.Cumprod(x), DType.Float64).ToArray<double>()[0].ShouldSatisfyAllConditions(v => double.IsNegative(v).ShouldBeTrue(dtype.Name()));
        }
    }

    [Fact]
    public void Sort_Matrix_AlongEachAxis_Flattened_AndDescending()
    {
        const int rows = 5, cols = 37;
        long[] a = [.. Enumerable.Range(0, rows * cols).Select(i => (long)((i * 7919) % 101) - 50)];
        using GpuArray x = Gpu(a, rows, cols);

        using var byRow = (GpuArray)Np.Sort(x);
        using var byColumn = (GpuArray)Np.Sort(x, 0);
        using var flat = (GpuArray)Np.Sort(x, null);
        using var descending = (GpuArray)Np.Sort(x, -1, descending: true);

        byRow.Shape.ShouldBe(new Shape(rows, cols));
        byRow.ToArray<long>().ShouldBe([.. Enumerable.Range(0, rows).SelectMany(r => a.Skip(r * cols).Take(cols).Order())]);
        descending.ToArray<long>().ShouldBe([.. Enumerable.Range(0, rows).SelectMany(r => a.Skip(r * cols).Take(cols).OrderDescending())]);
        flat.ToArray<long>().ShouldBe([.. a.Order()]);
        long[] columns = byColumn.ToArray<long>();
        for (int c = 0; c < cols; c++)
        {
            long[] expected = [.. Enumerable.Range(0, rows).Select(r => a[r * cols + c]).Order()];
            Enumerable.Range(0, rows).Select(r => columns[r * cols + c]).ShouldBe(expected);
        }
    }

    [Fact]
    public void Sort_BoolAndFloat32_KeepTheirDType()
    {
        using GpuArray b = Gpu(new[] { true, false, true, false, false });
        using var f = (GpuArray)Np.AsArray(new[] { 3f, float.NaN, -1f, 2f }, backend: "Gpu");

        using var sb = (GpuArray)Np.Sort(b);
        using var sf = (GpuArray)Np.Sort(f);

        sb.DType.ShouldBe(DType.Bool);
        sb.ToArray<bool>().ShouldBe([false, false, false, true, true]);
        sf.ToArray<float>().ShouldBe([-1f, 2f, 3f, float.NaN]);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(null, false)]
    public void Sort_OnGpu_MatchesDense(int? axis, bool descending)
    {
        using TestHost host = TestHost.Create(new DensePlugin(), new GpuPlugin(Device));
        double[] values = Doubles(4 * 6 * 5, 17);
        values[11] = double.NaN;
        NDArray dense = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(4, 6, 5)), backend: "Dense");
        using var gpu = (GpuArray)Np.AsArray(dense, backend: "Gpu");

        HostBuffer expected = Np.Sort(dense, axis, descending: descending).ToHost();
        using var actual = (GpuArray)Np.Sort(gpu, axis, descending: descending);

        actual.Shape.ShouldBe(expected.Shape);
        ShouldBeClose(actual.ToArray<double>(), expected.ToContiguous<double>(), 0);
    }
}
