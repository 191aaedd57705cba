namespace ArrayDispatch.Gpu.Tests;

public sealed class CumsumTests : GpuTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(5000)]          // many runs, run sums scanned recursively
    public void Cumsum_Vector_MatchesRunningSum(int n)
    {
        double[] a = Doubles(n, n);
        using GpuArray x = Gpu(a);

        using var z = (GpuArray)Np.Cumsum(x);

        double running = 0;
        ShouldBeClose(z.ToArray<double>(), [.. a.Select(v => running += v)], 1e-12);
    }

    [Fact]
    public void Cumsum_AlongEachAxis_AndFlattened_OfAMatrix()
    {
        const int rows = 7, cols = 300;
        long[] a = [.. Enumerable.Range(0, rows * cols).Select(i => (long)(i % 13) - 6)];
        using GpuArray x = Gpu(a, rows, cols);

        using var down = (GpuArray)Np.Cumsum(x, 0);
        using var across = (GpuArray)Np.Cumsum(x, -1);
        using var flat = (GpuArray)Np.Cumsum(x);

        down.Shape.ShouldBe(new Shape(rows, cols));
        flat.Shape.ShouldBe(new Shape(rows * cols));
        var expectDown = new long[rows * cols];
        var expectAcross = new long[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                expectDown[i * cols + j] = a[i * cols + j] + (i > 0 ? expectDown[(i - 1) * cols + j] : 0);
                expectAcross[i * cols + j] = a[i * cols + j] + (j > 0 ? expectAcross[i * cols + j - 1] : 0);
            }
        }
        long running = 0;
        down.ToArray<long>().ShouldBe(expectDown);
        across.ToArray<long>().ShouldBe(expectAcross);
        flat.ToArray<long>().ShouldBe([.. a.Select(v => running += v)]);
    }

    [Fact]
    public void Cumsum_Int32AndBool_AccumulateInInt64()
    {
        using GpuArray i = Gpu(new[] { int.MaxValue, int.MaxValue, 1 });
        using GpuArray b = Gpu(new[] { true, false, true, true });

        using var zi = (GpuArray)Np.Cumsum(i);
        using var zb = (GpuArray)Np.Cumsum(b);

        zi.DType.ShouldBe(DType.Int64);
        zi.ToArray<long>().ShouldBe([int.MaxValue, 2L * int.MaxValue, 2L * int.MaxValue + 1]);
        zb.DType.ShouldBe(DType.Int64);
        zb.ToArray<long>().ShouldBe([1L, 1, 2, 3]);
    }

    [Fact]
    public void Cumsum_AxisTuple_IsRefused()
    {
        using GpuArray x = Gpu(new double[6], 2, 3);

        Should.Throw<ArgumentException>(() => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Cumsum, new Functions.ReductionArgs(x, Axes.Of(0, 1))))
            .Message.ShouldContain("one axis or None");
    }
}
