namespace ArrayDispatch.Gpu.Tests;

public sealed class CreationTests : GpuTestBase
{
    [Fact]
    public void ZerosOnesFull_FillTheWholeArray()
    {
        using var z = (GpuArray)Np.Zeros(new Shape(2, 3), backend: "Gpu");
        using var o = (GpuArray)Np.Ones(new Shape(4), DType.Int32, backend: "Gpu");
        using var f = (GpuArray)Np.Full(new Shape(3), 2.5, backend: "Gpu");
        using var b = (GpuArray)Np.Full(new Shape(2), true, backend: "Gpu");

        z.ToArray<double>().ShouldBe(new double[6]);
        o.ToArray<int>().ShouldBe([1, 1, 1, 1]);
        f.ToArray<double>().ShouldBe([2.5, 2.5, 2.5]);
        b.DType.ShouldBe(DType.Bool);
        b.ToArray<bool>().ShouldBe([true, true]);
    }

    [Fact]
    public void Arange_IntegersAndFloats()
    {
        using var i = (GpuArray)Np.Arange(2L, 11L, 3L, backend: "Gpu");
        using var d = (GpuArray)Np.Arange(10L, 0L, -4L, backend: "Gpu");
        using var f = (GpuArray)Np.Arange(0.0, 1.0, 0.25, backend: "Gpu");

        i.DType.ShouldBe(DType.Int64);
        i.ToArray<long>().ShouldBe([2L, 5, 8]);
        d.ToArray<long>().ShouldBe([10L, 6, 2]);
        f.ToArray<double>().ShouldBe([0.0, 0.25, 0.5, 0.75]);
    }

    [Fact]
    public void Linspace_EndpointIsExact()
    {
        using var l = (GpuArray)Np.Linspace(0, 1, 11, backend: "Gpu");
        using var open = (GpuArray)Np.Linspace(0, 1, 4, endpoint: false, backend: "Gpu");

        double[] v = l.ToArray<double>();
        v.Length.ShouldBe(11);
        v[^1].ShouldBe(1.0);
        v[3].ShouldBe(0.3, 1e-15);
        open.ToArray<double>().ShouldBe([0.0, 0.25, 0.5, 0.75]);
    }

    [Fact]
    public void Eye_WithDiagonalOffset()
    {
        using var e = (GpuArray)Np.Eye(3, 4, k: 1, backend: "Gpu");

        e.ToArray<double>().ShouldBe([0.0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    }

    [Fact]
    public void Random_SameSeedSameArray_DifferentSeedDifferentArray()
    {
        using var a = (GpuArray)Np.Random.Sample(new Shape(1000), Np.Random.DefaultRng(42), backend: "Gpu");
        using var b = (GpuArray)Np.Random.Sample(new Shape(1000), Np.Random.DefaultRng(42), backend: "Gpu");
        using var c = (GpuArray)Np.Random.Sample(new Shape(1000), Np.Random.DefaultRng(43), backend: "Gpu");

        a.ToArray<double>().ShouldBe(b.ToArray<double>());
        a.ToArray<double>().ShouldNotBe(c.ToArray<double>());
    }

    [Fact]
    public void Random_PrefixOfALargerDraw_IsTheSmallerDraw()
    {
        // Counter-based: element i depends only on (seed, i), not on the array size or the launch geometry.
        using var small = (GpuArray)Np.Random.Sample(new Shape(10), Np.Random.DefaultRng(7), backend: "Gpu");
        using var large = (GpuArray)Np.Random.Sample(new Shape(3000), Np.Random.DefaultRng(7), backend: "Gpu");

        large.ToArray<double>().Take(10).ShouldBe(small.ToArray<double>());
    }

    [Fact]
    public void Random_UniformAndNormal_HaveTheirMoments()
    {
        using var u = (GpuArray)Np.Random.Uniform(2, 4, new Shape(20000), Np.Random.DefaultRng(1), backend: "Gpu");
        using var n = (GpuArray)Np.Random.Normal(1, 3, new Shape(20000), Np.Random.DefaultRng(2), backend: "Gpu");

        double[] uv = u.ToArray<double>(), nv = n.ToArray<double>();
        uv.Min().ShouldBeGreaterThanOrEqualTo(2);
        uv.Max().ShouldBeLessThan(4);
        uv.Average().ShouldBe(3, 0.03);
        nv.Average().ShouldBe(1, 0.1);
        Math.Sqrt(nv.Select(v => (v - 1) * (v - 1)).Average()).ShouldBe(3, 0.1);
    }

    [Fact]
    public void Random_IntegersAndPermutation()
    {
        using var i = (GpuArray)Np.Random.Integers(-3, 3, new Shape(5000), Np.Random.DefaultRng(5), backend: "Gpu");
        using var p = (GpuArray)Np.Random.Permutation(50, Np.Random.DefaultRng(6), backend: "Gpu");

        long[] iv = i.ToArray<long>();
        iv.Min().ShouldBe(-3L);
        iv.Max().ShouldBe(2L);
        p.ToArray<long>().Order().ShouldBe(Enumerable.Range(0, 50).Select(v => (long)v));
    }
}
