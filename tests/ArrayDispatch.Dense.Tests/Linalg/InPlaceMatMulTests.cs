using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>
/// 2-d float products read their operands where they lie (transposed views and row slices go to BLAS by flags and
/// leading dimensions, x.T @ x to syrk): the same values as the product of contiguous copies, whatever the layout.
/// </summary>
public sealed class InPlaceMatMulTests
{
    private static double[] Values(NDArray a) => Np.AsContiguousArray(a).ToArray<double>();

    // The product of contiguous copies, element by element in double: the reference every layout must meet.
    private static double[] Reference(NDArray a, NDArray b)
    {
        double[] x = Values(a), y = Values(b);
        int m = a.Shape.Dims[0], k = a.Shape.Dims[1], n = b.Shape.Dims[1];
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
                for (int j = 0; j < n; j++) c[i * n + j] += x[i * k + p] * y[p * n + j];
        return c;
    }

    private static void ShouldMatch(NDArray product, double[] expected, double tolerance)
    {
        double[] got = Values(product);
        got.Length.ShouldBe(expected.Length);
        double scale = expected.Max(Math.Abs) + 1;
        for (int i = 0; i < got.Length; i++) Math.Abs(got[i] - expected[i]).ShouldBeLessThan(tolerance * scale, $"element {i}");
    }

    public static TheoryData<string> Layouts => new() { "C@C", "T@C", "C@T", "T@T", "rows@C", "C@rows", "rows.T@cols", "reversed@C", "stepped@T" };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Products_of_transposed_sliced_and_reversed_views_equal_the_contiguous_product(string layout)
    {
        using var host = TestHost.Create(new DensePlugin());
        var rng = Np.Random.DefaultRng(7);
        NDArray big = Np.Random.Sample((40, 30), rng), other = Np.Random.Sample((30, 40), rng);
        (NDArray a, NDArray b) = layout switch
        {
            "C@C" => (big[.., ..20], other[..20, ..]),
            "T@C" => (other.T, other),                                   // 40x30 @ 30x40, transposed left
            "C@T" => (big, big.T),
            "T@T" => (other.T, big.T),
            "rows@C" => (big[3..20, ..], other),                          // a row slice: row stride 30, 17 rows
            "C@rows" => (big[.., 5..25], other[2..22, 1..39]),            // column slices: a longer row stride than the width
            "rows.T@cols" => (big[..25, 2..12].T, big[..25, 5..9]),
            "reversed@C" => (big[new Slice(Step: -1), Slice.All], other),  // not BLAS-readable: copied first
            _ => (big[new Slice(Step: 2), Slice.All], big[new Slice(Step: 2), Slice.All].T),
        };
        NDArray product = Np.MatMul(a, b);
        product.Shape.ShouldBe(new Shape(a.Shape.Dims[0], b.Shape.Dims[1]));
        ShouldMatch(product, Reference(a, b), 1e-13);
        Np.IsFortran(product).ShouldBeFalse();
    }

    [Fact]
    public void A_transpose_times_itself_is_exactly_symmetric_both_ways_round_and_in_float32()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Random.Sample((300, 70), Np.Random.DefaultRng(3));
        foreach (NDArray gram in new[] { Np.MatMul(x.T, x), Np.MatMul(x[..70, ..].T, x[..70, ..]), Np.MatMul(x, x.T) })
        {
            int n = gram.Shape.Dims[0];
            double[] g = Values(gram);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++) g[i * n + j].ShouldBe(g[j * n + i]);   // NumPy's syrk result is symmetric bit for bit
        }
        ShouldMatch(Np.MatMul(x.T, x), Reference(x.T, x), 1e-13);
        ShouldMatch(Np.MatMul(x, x.T), Reference(x, x.T), 1e-13);

        NDArray f = x.AsType(DType.Float32);
        NDArray g32 = Np.MatMul(f.T, f);
        g32.DType.ShouldBe(DType.Float32);
        ShouldMatch(g32.AsType(DType.Float64), Reference(f.AsType(DType.Float64).T, f.AsType(DType.Float64)), 1e-5);
    }

    [Fact]
    public void The_managed_path_gives_the_same_products()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Random.Sample((50, 20), Np.Random.DefaultRng(11));
        double[] native = Values(Np.MatMul(x.T, x)), sliced = Values(Np.MatMul(x[5..30, ..].T, x[5..30, 3..9]));
        using (LinalgKernels.UseManaged())
        {
            ShouldMatch(Np.MatMul(x.T, x), native, 1e-13);
            ShouldMatch(Np.MatMul(x[5..30, ..].T, x[5..30, 3..9]), sliced, 1e-13);
        }
    }

    [Fact]
    public void Vector_operands_keep_NumPys_shapes()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray m = Np.Random.Sample((6, 4), Np.Random.DefaultRng(5));
        NDArray v = Np.Random.Sample(4, Np.Random.DefaultRng(6));
        Np.MatMul(m, v).Shape.ShouldBe(new Shape(6));
        Np.MatMul(m.T[..4, ..], m[.., 0]).Shape.ShouldBe(new Shape(4));
        Np.MatMul(v, m.T).Shape.ShouldBe(new Shape(6));
        Np.MatMul(v, v).Shape.ShouldBe(Shape.Scalar);
        ShouldMatch(Np.MatMul(v, m.T).Reshape(1, 6), Reference(v.Reshape(1, 4), m.T), 1e-13);
    }
}
