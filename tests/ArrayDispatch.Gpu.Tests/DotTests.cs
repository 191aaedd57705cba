namespace ArrayDispatch.Gpu.Tests;

public sealed class DotTests : GpuTestBase
{
    [Fact]
    public void Dot_MatrixMatrix_VectorVector_AndMatrixVector_MatchHost()
    {
        double[] a = Doubles(3 * 4, 1), b = Doubles(4 * 2, 2), v = Doubles(4, 3);
        using GpuArray x = Gpu(a, 3, 4), y = Gpu(b, 4, 2), w = Gpu(v);

        using var mm = (GpuArray)Np.Dot(x, y);
        using var vv = (GpuArray)Np.Dot(w, w);
        using var mv = (GpuArray)Np.Dot(x, w);

        mm.Shape.ShouldBe(new Shape(3, 2));
        var expected = new double[6];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) for (int p = 0; p < 4; p++) expected[i * 2 + j] += a[i * 4 + p] * b[p * 2 + j];
        ShouldBeClose(mm.ToArray<double>(), expected, 1e-12);
        vv.Shape.ShouldBe(Shape.Scalar);
        vv.Item<double>().ShouldBe(v.Sum(t => t * t), 1e-12);
        ShouldBeClose(mv.ToArray<double>(), [.. Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 4).Sum(p => a[i * 4 + p] * v[p]))], 1e-12);
    }

    [Fact]
    public void Dot_NdOperands_SumOverLastAxisOfAAndSecondToLastOfB()
    {
        double[] a = Doubles(2 * 3 * 4, 4), b = Doubles(5 * 4 * 6, 5);
        using GpuArray x = Gpu(a, 2, 3, 4), y = Gpu(b, 5, 4, 6);

        using var z = (GpuArray)Np.Dot(x, y);

        z.Shape.ShouldBe(new Shape(2, 3, 5, 6));
        var expected = new double[2 * 3 * 5 * 6];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int p = 0; p < 5; p++)
                    for (int q = 0; q < 6; q++)
                        for (int k = 0; k < 4; k++)
                            expected[((i * 3 + j) * 5 + p) * 6 + q] += a[(i * 3 + j) * 4 + k] * b[(p * 4 + k) * 6 + q];
        ShouldBeClose(z.ToArray<double>(), expected, 1e-12);
    }

    [Fact]
    public void Dot_WithAZeroDimOperand_Multiplies_AndPromotes()
    {
        using GpuArray x = Gpu(new long[] { 1, 2, 3 }), s = Gpu(new[] { 1.5 }, []);
        using var scalar = (GpuArray)s.Reshape();

        using var z = (GpuArray)Np.Dot(x, scalar);

        z.DType.ShouldBe(DType.Float64);
        z.ToArray<double>().ShouldBe([1.5, 3.0, 4.5]);
    }

    [Fact]
    public void Dot_MisalignedShapes_NamesBothShapesAsNumPyDoes()
    {
        using GpuArray x = Gpu(new double[6], 2, 3), y = Gpu(new double[8], 4, 2);

        var ex = Should.Throw<ShapeMismatchException>(() => Np.Dot(x, y));

        ex.Message.ShouldBe("shapes (2, 3) and (4, 2) not aligned: 3 (dim 1) != 4 (dim 0)");
    }

    [Fact]
    public void Dot_EmptyContraction_GivesZeros_OfTheNumPyShape()
    {
        using GpuArray x = Gpu(new double[0], 3, 0), y = Gpu(new double[0], 2, 0, 5);

        using var z = (GpuArray)Np.Dot(x, y);

        z.Shape.ShouldBe(new Shape(3, 2, 5));
        z.ToArray<double>().ShouldAllBe(v => v == 0);
    }
}
