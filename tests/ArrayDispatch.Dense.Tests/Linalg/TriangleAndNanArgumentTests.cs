using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>
/// NumPy's triangle arguments on Dense, on both linalg paths: eigh/eigvalsh's <c>UPLO</c> (which triangle is read) and
/// cholesky's <c>upper</c> (U with A = Uᴴ U, from the upper triangle), real and complex; and unique's <c>equal_nan</c>,
/// which the array API's unique_* compositions turn off.
/// </summary>
public sealed class TriangleAndNanArgumentTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    private const int N = 5;

    // A Hermitian positive-definite matrix (real symmetric when !complex): B Bᴴ + n I.
    private static C[] HermitianPd(int seed, int n, bool complex)
    {
        var rng = new Random(seed);
        var b = Enumerable.Range(0, n * n).Select(_ => new C(rng.NextDouble() * 2 - 1, complex ? rng.NextDouble() * 2 - 1 : 0)).ToArray();
        var a = new C[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                C s = i == j ? n : 0;
                for (int p = 0; p < n; p++) s += b[i * n + p] * C.Conjugate(b[j * n + p]);
                a[i * n + j] = s;
            }
        return a;
    }

    // h with the strict triangle that must not be read (lower when !lower... i.e. the other one) replaced by garbage.
    private static C[] WithGarbage(C[] h, int n, bool garbageBelow, bool complex)
    {
        var rng = new Random(99);
        C[] a = (C[])h.Clone();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (garbageBelow ? j < i : j > i) a[i * n + j] = new C(rng.NextDouble() * 50 - 25, complex ? rng.NextDouble() * 50 - 25 : 0);
        return a;
    }

    private static NDArray Array(C[] values, int n, DType dtype) => dtype.IsComplex()
        ? Np.AsArray(values).Reshape(n, n).AsType(dtype)
        : Np.AsArray(values.Select(c => c.Real).ToArray()).Reshape(n, n).AsType(dtype);

    private static C[] Values(NDArray x) => x.AsType(DType.Complex128).ToArray<C>();

    private static double Tolerance(DType dtype) => dtype is DType.Float32 or DType.Complex64 ? 2e-4 : 1e-10;

    private static void ShouldBeClose(C[] actual, C[] expected, double tolerance)
    {
        actual.Length.ShouldBe(expected.Length);
        for (int i = 0; i < actual.Length; i++)
            C.Abs(actual[i] - expected[i]).ShouldBeLessThan(tolerance, $"element {i}: {actual[i]} vs {expected[i]}");
    }

    public static TheoryData<LinalgPath, DType> PathsAndDTypes()
    {
        var data = new TheoryData<LinalgPath, DType>();
        foreach (LinalgPath p in Enum.GetValues<LinalgPath>())
            foreach (DType t in new[] { DType.Float64, DType.Float32, DType.Complex128, DType.Complex64 }) data.Add(p, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(PathsAndDTypes))]
    public void Eigh_with_UPLO_U_reads_only_the_upper_triangle(LinalgPath path, DType dtype)
    {
        using var _ = path.Enter();
        bool complex = dtype.IsComplex();
        C[] h = HermitianPd(7, N, complex);
        double tol = Tolerance(dtype);
        EighResult reference = Np.Linalg.Eigh(Array(h, N, dtype));
        NDArray garbageBelow = Array(WithGarbage(h, N, garbageBelow: true, complex), N, dtype);

        EighResult upper = Np.Linalg.Eigh(garbageBelow, "U");
        upper.Eigenvalues.DType.ShouldBe(reference.Eigenvalues.DType);
        ShouldBeClose(Values(upper.Eigenvalues), Values(reference.Eigenvalues), tol * 10);
        // H V = V diag(w) for the Hermitian matrix of the upper triangle
        C[] v = Values(upper.Eigenvectors), w = Values(upper.Eigenvalues);
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
            {
                C hv = 0;
                for (int p = 0; p < N; p++) hv += h[i * N + p] * v[p * N + j];
                C.Abs(hv - v[i * N + j] * w[j]).ShouldBeLessThan(tol * 100);
            }
        ShouldBeClose(Values(Np.Linalg.Eigvalsh(garbageBelow, "U")), Values(reference.Eigenvalues), tol * 10);

        // and the default, UPLO='L', reads only the lower one: garbage above changes nothing
        NDArray garbageAbove = Array(WithGarbage(h, N, garbageBelow: false, complex), N, dtype);
        ShouldBeClose(Values(Np.Linalg.Eigvalsh(garbageAbove)), Values(reference.Eigenvalues), tol * 10);
        ShouldBeClose(Values(Np.Linalg.Eigh(garbageAbove, "L").Eigenvalues), Values(reference.Eigenvalues), tol * 10);
        // reading the garbage gives another spectrum, so the triangles really differ
        C.Abs(Values(Np.Linalg.Eigvalsh(garbageBelow, "L"))[0] - Values(reference.Eigenvalues)[0]).ShouldBeGreaterThan(1e-3);
    }

    [Fact]
    public void Eigh_with_a_UPLO_other_than_L_or_U_throws_NumPys_error()
    {
        NDArray a = Np.Eye(3);
        Should.Throw<ArgumentException>(() => Np.Linalg.Eigh(a, "X")).Message.ShouldStartWith("UPLO argument must be 'L' or 'U'");
        Should.Throw<ArgumentException>(() => Np.Linalg.Eigvalsh(a, "u")).Message.ShouldStartWith("UPLO argument must be 'L' or 'U'");
    }

    [Theory]
    [MemberData(nameof(PathsAndDTypes))]
    public void Cholesky_upper_returns_an_upper_u_with_uh_u_equal_to_the_upper_triangles_matrix(LinalgPath path, DType dtype)
    {
        using var _ = path.Enter();
        bool complex = dtype.IsComplex();
        C[] h = HermitianPd(11, N, complex);
        double tol = Tolerance(dtype);
        NDArray u = Np.Linalg.Cholesky(Array(WithGarbage(h, N, garbageBelow: true, complex), N, dtype), upper: true);
        u.DType.ShouldBe(dtype);
        C[] uv = Values(u);
        var uhu = new C[N * N];
        for (int i = 0; i < N; i++)
        {
            uv[i * N + i].Imaginary.ShouldBe(0);
            uv[i * N + i].Real.ShouldBeGreaterThan(0);
            for (int j = 0; j < i; j++) uv[i * N + j].ShouldBe(C.Zero);
            for (int j = 0; j < N; j++)
                for (int p = 0; p < N; p++) uhu[i * N + j] += C.Conjugate(uv[p * N + i]) * uv[p * N + j];
        }
        ShouldBeClose(uhu, h, tol * 100);
        // the lower factor of the same Hermitian matrix is Uᴴ
        C[] l = Values(Np.Linalg.Cholesky(Array(h, N, dtype), upper: false));
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) C.Abs(l[i * N + j] - C.Conjugate(uv[j * N + i])).ShouldBeLessThan(tol * 100);
    }

    [Fact]
    public void Cholesky_upper_works_on_a_stack_and_keeps_NumPys_error()
    {
        C[] h1 = HermitianPd(1, 3, true), h2 = HermitianPd(2, 3, true);
        NDArray stack = Np.AsArray(h1.Concat(h2).ToArray()).Reshape(2, 3, 3);
        NDArray u = Np.Linalg.Cholesky(stack, upper: true);
        u.Shape.ShouldBe(new Shape(2, 3, 3));
        C[] uv = Values(u);
        for (int b = 0; b < 2; b++)
        {
            C[] h = b == 0 ? h1 : h2;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    C s = 0;
                    for (int p = 0; p < 3; p++) s += C.Conjugate(uv[b * 9 + p * 3 + i]) * uv[b * 9 + p * 3 + j];
                    C.Abs(s - h[i * 3 + j]).ShouldBeLessThan(1e-10);
                }
        }
        NDArray negative = Np.AsArray(h1.Select(c => -c).ToArray()).Reshape(3, 3);
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(negative, upper: true)).Message.ShouldBe("Matrix is not positive definite");
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(Np.AsArray(new double[] { 1, 2, 3 }), upper: true));
    }

    private static readonly double[] s_withNaNs = [3, double.NaN, 1, 3, double.NaN, 0, double.NaN];

    [Fact]
    public void Unique_collapses_NaNs_by_default_and_keeps_each_with_equal_nan_false()
    {
        NDArray x = Np.AsArray(s_withNaNs);
        UniqueResult collapsed = Np.Unique(x, true, true, true);
        collapsed.Values.ToArray<double>().ShouldBe([0, 1, 3, double.NaN]);
        collapsed.Indices!.ToArray<long>().ShouldBe([5, 2, 0, 1]);
        collapsed.Inverse!.ToArray<long>().ShouldBe([2, 3, 1, 2, 3, 0, 3]);
        collapsed.Counts!.ToArray<long>().ShouldBe([1, 1, 2, 3]);

        UniqueResult apart = Np.Unique(x, true, true, true, equalNan: false);
        apart.Values.ToArray<double>().ShouldBe([0, 1, 3, double.NaN, double.NaN, double.NaN]);
        apart.Indices!.ToArray<long>().ShouldBe([5, 2, 0, 1, 4, 6]);
        apart.Inverse!.ToArray<long>().ShouldBe([2, 3, 1, 2, 4, 0, 5]);
        apart.Counts!.ToArray<long>().ShouldBe([1, 1, 2, 1, 1, 1]);

        NDArray f32 = x.AsType(DType.Float32);
        Np.Unique(f32).Values.ToArray<float>().ShouldBe([0f, 1f, 3f, float.NaN]);
        Np.Unique(f32, false, false, false, equalNan: false).Values.Size.ShouldBe(6);
    }

    [Fact]
    public void Unique_treats_a_complex_value_with_either_part_NaN_as_NaN()
    {
        C[] z = [new(1, 1), new(double.NaN, 0), new(1, 1), new(0, double.NaN), new(double.PositiveInfinity, double.NaN), new(-1, 0)];
        NDArray x = Np.AsArray(z);
        UniqueResult collapsed = Np.Unique(x, false, true, true);
        collapsed.Values.Size.ShouldBe(3);
        C[] cv = collapsed.Values.ToArray<C>();
        cv[0].ShouldBe(new C(-1, 0));
        cv[1].ShouldBe(new C(1, 1));
        (double.IsNaN(cv[2].Real) || double.IsNaN(cv[2].Imaginary)).ShouldBeTrue();
        collapsed.Counts!.ToArray<long>().ShouldBe([1, 2, 3]);
        collapsed.Inverse!.ToArray<long>().ShouldBe([1, 2, 1, 2, 2, 0]);

        UniqueResult apart = Np.Unique(x.AsType(DType.Complex64), false, false, true, equalNan: false);
        apart.Values.Size.ShouldBe(5);
        apart.Counts!.ToArray<long>().ShouldBe([1, 2, 1, 1, 1]);
    }

    [Fact]
    public void The_array_API_unique_functions_keep_every_NaN_apart()
    {
        NDArray x = Np.AsArray(s_withNaNs).Reshape(7, 1);
        Np.UniqueValues(x).ToArray<double>().ShouldBe([0, 1, 3, double.NaN, double.NaN, double.NaN]);
        UniqueCountsResult counts = Np.UniqueCounts(x);
        counts.Counts.ToArray<long>().ShouldBe([1, 1, 2, 1, 1, 1]);
        UniqueInverseResult inverse = Np.UniqueInverse(x);
        inverse.InverseIndices.Shape.ShouldBe(new Shape(7, 1));
        inverse.InverseIndices.ToArray<long>().ShouldBe([2, 3, 1, 2, 4, 0, 5]);
        UniqueAllResult all = Np.UniqueAll(x);
        all.Indices.ToArray<long>().ShouldBe([5, 2, 0, 1, 4, 6]);
        // np.unique keeps NumPy 2's default, one NaN
        Np.Unique(x).Values.Size.ShouldBe(4);
    }
}
