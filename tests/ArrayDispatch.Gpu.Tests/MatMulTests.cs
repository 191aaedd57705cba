namespace ArrayDispatch.Gpu.Tests;

public sealed class MatMulTests : GpuTestBase
{
    private static double[] Naive(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                c[i * n + j] = s;
            }
        }
        return c;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 7, 3)]
    [InlineData(33, 17, 29)]
    public void MatMul_TiledKernel_MatchesNaiveProduct(int m, int k, int n)
    {
        double[] a = Doubles(m * k, m), b = Doubles(k * n, n);
        using GpuArray x = Gpu(a, m, k), y = Gpu(b, k, n);

        using var c = (GpuArray)x.MatMul(y);

        c.Shape.ShouldBe(new Shape(m, n));
        ShouldBeClose(c.ToArray<double>(), Naive(a, b, m, k, n), 1e-12);
    }

    [Theory]
    [InlineData(5, 7, 3)]
    [InlineData(9, 13, 6)]
    public void MatMul_TiledSharedMemoryKernel_MatchesNaiveProduct(int m, int k, int n)
    {
        double[] a = Doubles(2 * m * k, m), b = Doubles(k * n, n);
        using GpuArray x = Gpu(a, 2, m, k), y = Gpu(b, k, n);
        x.Runtime.UseTiledMatMul = true;
        try
        {
            using var c = (GpuArray)x.MatMul(y);

            double[] expected = [.. Naive(a[..(m * k)], b, m, k, n), .. Naive(a[(m * k)..], b, m, k, n)];
            ShouldBeClose(c.ToArray<double>(), expected, 1e-12);
        }
        finally
        {
            x.Runtime.UseTiledMatMul = false;
        }
    }

    [Theory]
    [InlineData(40, 9, 37)]     // 2 x 2 blocks of 32 on the CPU accelerator, ragged in every direction, odd K
    [InlineData(32, 4, 32)]     // exactly one block, K a multiple of the slab
    [InlineData(1, 3, 70)]      // a single row over three column blocks
    public void MatMul_BlockedKernel_RaggedEdgesAcrossGroups_MatchesNaiveProduct(int m, int k, int n)
    {
        double[] a = Doubles(m * k, m + 1), b = Doubles(k * n, n + 2);
        using GpuArray x = Gpu(a, m, k), y = Gpu(b, k, n);
        x.Runtime.UseTiledMatMul = true;
        try
        {
            using var c = (GpuArray)x.MatMul(y);

            c.Shape.ShouldBe(new Shape(m, n));
            ShouldBeClose(c.ToArray<double>(), Naive(a, b, m, k, n), 1e-12);
        }
        finally
        {
            x.Runtime.UseTiledMatMul = false;
        }
    }

    [Fact]
    public void MatMul_BlockedKernel_Float32BatchedOnBothSides_MatchesNaiveProduct()
    {
        const int m = 6, k = 5, n = 34;
        double[] a = Doubles(3 * m * k, 7), b = Doubles(3 * k * n, 8);
        using var x = (GpuArray)Np.AsArray(a.Select(v => (float)v).ToArray(), backend: "Gpu").Reshape(3, m, k);
        using var y = (GpuArray)Np.AsArray(b.Select(v => (float)v).ToArray(), backend: "Gpu").Reshape(3, k, n);
        x.Runtime.UseTiledMatMul = true;
        try
        {
            using var c = (GpuArray)Np.MatMul(x, y);

            c.DType.ShouldBe(DType.Float32);
            double[] fa = [.. a.Select(v => (double)(float)v)], fb = [.. b.Select(v => (double)(float)v)];
            double[] expected = [.. Enumerable.Range(0, 3).SelectMany(i => Naive(fa[(i * m * k)..((i + 1) * m * k)], fb[(i * k * n)..((i + 1) * k * n)], m, k, n))];
            ShouldBeClose(c.ToArray<float>().Select(v => (double)v).ToArray(), expected, 1e-4);
        }
        finally
        {
            x.Runtime.UseTiledMatMul = false;
        }
    }

    [Fact]
    public void MatMul_Float32_OnATransposedView()
    {
        double[] a = Doubles(6 * 4, 1), b = Doubles(6 * 5, 2);
        using var x = (GpuArray)Np.AsArray(a.Select(v => (float)v).ToArray(), backend: "Gpu", dtype: DType.Float32).Reshape(6, 4);
        using var y = (GpuArray)Np.AsArray(b.Select(v => (float)v).ToArray(), backend: "Gpu").Reshape(6, 5);

        using var c = (GpuArray)Np.MatMul(x.T, y);          // (4, 6) @ (6, 5)

        c.DType.ShouldBe(DType.Float32);
        double[] at = new double[24];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 6; j++) at[i * 6 + j] = a[j * 4 + i];
        ShouldBeClose(c.ToArray<float>().Select(v => (double)v).ToArray(), Naive(at, b, 4, 6, 5), 1e-5);
    }

    [Fact]
    public void MatMul_BatchedWithBroadcasting()
    {
        double[] a = Doubles(3 * 2 * 4, 3), b = Doubles(4 * 5, 4);
        using GpuArray x = Gpu(a, 3, 2, 4), y = Gpu(b, 4, 5);

        using var c = (GpuArray)Np.MatMul(x, y);

        c.Shape.ShouldBe(new Shape(3, 2, 5));
        double[] expected = [.. Enumerable.Range(0, 3).SelectMany(i => Naive(a.Skip(i * 8).Take(8).ToArray(), b, 2, 4, 5))];
        ShouldBeClose(c.ToArray<double>(), expected, 1e-12);
    }

    [Fact]
    public void MatMul_VectorOperands_DropTheAddedAxes()
    {
        using GpuArray m = Gpu(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3), v = Gpu(new[] { 1.0, 0, -1 }), w = Gpu(new[] { 1.0, 1 });

        using var mv = (GpuArray)Np.MatMul(m, v);
        using var wm = (GpuArray)Np.MatMul(w, m);
        using var vv = (GpuArray)Np.MatMul(v, v);

        mv.Shape.ShouldBe(new Shape(2));
        mv.ToArray<double>().ShouldBe([-2.0, -2]);
        wm.ToArray<double>().ShouldBe([5.0, 7, 9]);
        vv.Shape.ShouldBe(Shape.Scalar);
        vv.Item<double>().ShouldBe(2.0);
    }

    [Fact]
    public void MatMul_Int64_IsExact()
    {
        using GpuArray x = Gpu(new long[] { 1, 2, 3, 4 }, 2, 2);

        ((GpuArray)Np.MatMul(x, x)).ToArray<long>().ShouldBe([7L, 10, 15, 22]);
    }

    [Fact]
    public void MatMul_CoreDimensionMismatch_NamesBothShapes()
    {
        using GpuArray x = Gpu(new double[6], 2, 3), y = Gpu(new double[8], 4, 2);

        var ex = Should.Throw<ShapeMismatchException>(() => Np.MatMul(x, y));

        ex.Message.ShouldContain("size 4 is different from 3");
        ex.Shapes.ShouldBe([new Shape(2, 3), new Shape(4, 2)]);
    }
}
