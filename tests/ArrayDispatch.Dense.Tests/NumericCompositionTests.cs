using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// NumPy's numeric functions composed in the protocol (Np.Numeric*.cs: divmod … kaiser). Values and messages are NumPy
/// 1.24's for the same inputs; the fixture manifest holds the dtype, mode and edge-case sweep.
/// </summary>
public sealed class NumericCompositionTests
{
    private static readonly string[] s_functions =
    [
        "divmod", "modf", "frexp", "ldexp", "sinc", "i0", "interp", "digitize", "bincount", "convolve", "correlate", "geomspace",
        "logspace", "gradient", "ediff1d", "trapz", "unwrap", "vander", "polyval", "polyfit", "select", "lexsort", "sort_complex",
        "hamming", "hanning", "blackman", "bartlett", "kaiser",
    ];

    [Fact]
    public void Every_fixture_case_of_the_compositions_runs_on_Dense_and_none_is_skipped()
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        using var host = TestHost.Create(new DensePlugin());
        var runner = new FixtureRunner(host.Dispatcher, "Dense");
        FixtureCase[] cases = manifest.Cases.Where(c => s_functions.Contains(c.Function)).ToArray();
        cases.Select(c => c.Function).Distinct().Count().ShouldBe(s_functions.Length);
        string[] notPassed = cases.Select(c => runner.Run(manifest, c)).Where(r => r.Outcome != FixtureOutcome.Passed).Select(r => r.ToString()).ToArray();
        notPassed.ShouldBeEmpty();
    }
}

/// <summary>NumPy's messages for the numeric compositions' refusals (the fixtures compare the error's class only).</summary>
public sealed class NumericCompositionErrorTests
{
    private static NDArray D(params double[] values) => DenseArray.From(values);

    private static NDArray L(params long[] values) => DenseArray.From(values);

    [Fact]
    public void Element_wise_refusals_carry_numpys_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        const string loop = "not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''";
        Should.Throw<DTypeMismatchException>(() => Np.Ldexp(D(1.0), D(2.0))).Message.ShouldBe($"ufunc 'ldexp' {loop}");
        Should.Throw<DTypeMismatchException>(() => Np.Frexp(DenseArray.From(new[] { System.Numerics.Complex.ImaginaryOne }))).Message.ShouldBe($"ufunc 'frexp' {loop}");
        Should.Throw<DTypeMismatchException>(() => Np.I0(DenseArray.From(new[] { System.Numerics.Complex.ImaginaryOne }))).Message.ShouldBe("i0 not supported for complex values");
    }

    [Fact]
    public void Search_and_count_refusals_carry_numpys_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.Interp(D(1.5), D(1, 2, 3), D(3, 4))).Message.ShouldStartWith("fp and xp are not of the same length.");
        Should.Throw<ArgumentException>(() => Np.Interp(D(1.5), D(), D())).Message.ShouldStartWith("array of sample points is empty");
        Should.Throw<ArgumentException>(() => Np.Interp(D(1.5), D(1, 2), D(3, 4), period: 0)).Message.ShouldStartWith("period must be a non-zero value");
        Should.Throw<ArgumentException>(() => Np.Digitize(D(1), D(1, 3, 2))).Message.ShouldStartWith("bins must be monotonically increasing or decreasing");
        Should.Throw<ArgumentException>(() => Np.Bincount(L(1, -1))).Message.ShouldStartWith("'list' argument must have no negative elements");
        Should.Throw<DTypeMismatchException>(() => Np.Bincount(D(1, 2))).Message.ShouldBe("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
        Should.Throw<ArgumentException>(() => Np.Bincount(L(1, 2), minlength: -1)).Message.ShouldStartWith("'minlength' must not be negative");
        Should.Throw<ArgumentException>(() => Np.Bincount(L(1, 2), D(1, 2, 3))).Message.ShouldStartWith("The weights and list don't have the same length.");
    }

    [Fact]
    public void Signal_polynomial_and_selection_refusals_carry_numpys_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.Convolve(D(), D(1, 2))).Message.ShouldStartWith("v cannot be empty");
        Should.Throw<ArgumentException>(() => Np.Correlate(D(1, 2), D())).Message.ShouldStartWith("second array argument cannot be empty");
        Should.Throw<ArgumentException>(() => Np.Convolve(D(1, 2, 3), D(1, 2), "middle")).Message.ShouldStartWith("mode must be one of 'valid', 'same', or 'full' (got 'middle')");
        Should.Throw<ArgumentException>(() => Np.Geomspace(0, 10, 3)).Message.ShouldStartWith("Geometric sequence cannot include zero");
        Should.Throw<ArgumentException>(() => Np.Gradient(D(1, 2), edgeOrder: 2)).Message
            .ShouldStartWith("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.");
        Should.Throw<DTypeMismatchException>(() => Np.Ediff1d(DenseArray.From(new sbyte[] { 1, 2 }), toBegin: D(1.5))).Message
            .ShouldBe("dtype of `to_begin` must be compatible with input `ary` under the `same_kind` rule.");
        Should.Throw<ArgumentException>(() => Np.Vander(Np.Ones(new Shape(2, 2)))).Message.ShouldStartWith("x must be a one-dimensional array or sequence.");
        Should.Throw<ArgumentException>(() => Np.Polyfit(D(1, 2, 3), D(1, 2, 3), -1)).Message.ShouldStartWith("expected deg >= 0");
        Should.Throw<DTypeMismatchException>(() => Np.Polyfit(D(1, 2, 3), D(1, 2), 1)).Message.ShouldBe("expected x and y to have same length");
        NDArray x = Np.Arange(4L);
        Should.Throw<ArgumentException>(() => Np.Select([Np.Less(x, 2L)], [x, x])).Message.ShouldStartWith("list of cases must be same length as list of conditions");
        Should.Throw<DTypeMismatchException>(() => Np.Select([x], [x])).Message.ShouldBe("invalid entry 0 in condlist: should be boolean ndarray");
    }

    [Fact]
    public void Tuples_and_windows_are_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        (NDArray q, NDArray r) = Np.Divmod(L(7, -7), 2L);                                        // np.divmod([7, -7], 2)
        q.ToArray<long>().ShouldBe([3, -4]);
        r.ToArray<long>().ShouldBe([1, 1]);
        (NDArray m, NDArray e) = Np.Frexp(D(8, 0.3, 0));
        m.ToArray<double>().ShouldBe([0.5, 0.6, 0]);
        e.DType.ShouldBe(DType.Int32);
        e.ToArray<int>().ShouldBe([4, -1, 0]);
        (NDArray frac, NDArray whole) = Np.Modf(D(-2.5, -2.0));
        frac.ToArray<double>().ShouldBe([-0.5, -0.0]);
        double.IsNegative(frac.ToArray<double>()[1]).ShouldBeTrue();                              // np.modf(-2.0) -> (-0.0, -2.0)
        whole.ToArray<double>().ShouldBe([-2.0, -2.0]);
        Np.ArrayRepr(Np.Hanning(5)).ShouldBe("array([0. , 0.5, 1. , 0.5, 0. ])");
        Np.ArrayRepr(Np.Bartlett(5)).ShouldBe("array([0. , 0.5, 1. , 0.5, 0. ])");
        Np.ArrayRepr(Np.Convolve(D(1, 2, 3), D(0, 1, 0.5))).ShouldBe("array([0. , 1. , 2.5, 4. , 1.5])");
    }
}
