using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Defects the differential battery's fifth block (random inputs to the functions the protocol composes: Np.Shape*,
/// Np.Indexing, Np.Sets, Np.NaNReductions, Np.Numeric*) found against NumPy 1.24: the fixture cases <c>b6_*</c> hold
/// NumPy's answers, the facts below its messages.
/// </summary>
public sealed class ComposedBatteryTests
{
    private static NDArray D(params double[] values) => DenseArray.From(values);

    [Fact]
    public void The_fifth_blocks_fixture_cases_pass_on_Dense()
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        using var host = TestHost.Create(new DensePlugin());
        var runner = new FixtureRunner(host.Dispatcher, "Dense");
        FixtureCase[] cases = manifest.Cases.Where(c => c.Id.StartsWith("b6_", StringComparison.Ordinal)).ToArray();
        cases.Length.ShouldBeGreaterThan(20);
        string[] notPassed = cases.Select(c => runner.Run(manifest, c)).Where(r => r.Outcome != FixtureOutcome.Passed).Select(r => r.ToString()).ToArray();
        notPassed.ShouldBeEmpty();
    }

    [Fact]
    public void A_negative_dimension_of_tri_and_the_triangle_indices_is_an_empty_one_as_numpys_arange()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.Tri(-1).Shape.ShouldBe(new Shape(0, 0));
        Np.Tri(4, -2, 1).Shape.ShouldBe(new Shape(4, 0));
        Np.TrilIndices(-1, 6).Rows.Size.ShouldBe(0);
        Np.TriuIndices(3, 0, -1).Cols.Size.ShouldBe(0);
        Np.DiagIndices(-2, 3).Select(a => a.Size).ShouldBe([0L, 0L, 0L]);
    }

    [Fact]
    public void Refusals_numpy_makes_and_the_compositions_missed_carry_numpys_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<DTypeMismatchException>(() => Np.Polyval(Np.Full(new Shape(), 3L), D(1, 2))).Message.ShouldBe("iteration over a 0-d array");
        Should.Throw<ArgumentException>(() => Np.Correlate(D(1, 2, 3), Np.Full(new Shape(), 2.0))).Message.ShouldStartWith("object of too small depth for desired array");
        Np.Convolve(D(1, 2, 3), Np.Full(new Shape(), 2.0)).ToArray<double>().ShouldBe([2.0, 4.0, 6.0]);   // convolve promotes a 0-d input (ndmin=1)
        Should.Throw<DTypeMismatchException>(() => Np.Ldexp(D(1.5), DenseArray.From(new ulong[] { 3 }))).Message.ShouldStartWith("ufunc 'ldexp' not supported for the input types");
        Should.Throw<DTypeMismatchException>(() => Np.Ediff1d(DenseArray.From(Array.Empty<bool>()))).Message.ShouldContain("boolean subtract");
        Should.Throw<DivideByZeroException>(() => Np.Average(Np.Zeros(new Shape(2, 0, 3)), 0)).Message.ShouldBe("division by zero");
        Should.Throw<DTypeMismatchException>(() => Np.Bincount(DenseArray.From(new long[] { 0, 1 }), DenseArray.From(new[] { System.Numerics.Complex.One, 2 }))).Message
            .ShouldBe("Cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'safe'");
        NDArray none = Np.Bincount(DenseArray.From(Array.Empty<long>()), DenseArray.From(Array.Empty<double>()), 3);
        none.DType.ShouldBe(DType.Int64);                 // NumPy returns its zeros before it reads the weights
        none.Shape.ShouldBe(new Shape(3));
    }

    [Fact]
    public void The_nan_quantiles_of_an_empty_integer_array_are_nanmeans_nan()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray empty = DenseArray.From(Array.Empty<short>());
        NDArray p = Np.NanPercentile(empty, 50, keepDims: true);
        p.DType.ShouldBe(DType.Float64);
        p.Shape.ShouldBe(new Shape(1));
        double.IsNaN(p.ToArray<double>()[0]).ShouldBeTrue();
        Np.NanQuantile(Np.Zeros(new Shape(2, 0, 3), DType.Int8), 0.5, 0).Shape.ShouldBe(new Shape(0, 3));
    }

    [Fact]
    public void A_bool_correlation_stays_bool()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray r = Np.Correlate(DenseArray.From(new[] { true }), DenseArray.From(new[] { true, false, true }), "full");
        r.DType.ShouldBe(DType.Bool);
        r.ToArray<bool>().ShouldBe([true, false, true]);
    }

    [Fact]
    public void Unwrap_takes_an_unsigned_arrays_differences_in_its_dtype_as_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.unwrap(np.uint8([5, 3])): the step 3 - 5 wraps to 254 in uint8, which 40 periods of 2pi bring back to 2.67
        double[] r = Np.Unwrap(DenseArray.From(new byte[] { 5, 3 })).ToArray<double>();
        r[0].ShouldBe(5.0);
        r[1].ShouldBe(3 - 40 * 2 * Math.PI, 1e-9);
    }

    [Fact]
    public void Ediff1d_refuses_a_python_int_for_an_unsigned_array_as_numpy_2()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<DTypeMismatchException>(() => Np.Ediff1d(DenseArray.From(new ushort[] { 1, 4 }), toEnd: 0L)).Message
            .ShouldBe("dtype of `to_end` must be compatible with input `ary` under the `same_kind` rule.");
        Np.Ediff1d(DenseArray.From(new short[] { 1, 4 }), toEnd: 0L, toBegin: -3L).ToArray<short>().ShouldBe(new short[] { -3, 3, 0 });
    }

    [Fact]
    public void Nanmedian_divides_a_complex_middle_value_as_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        var values = new System.Numerics.Complex[] { double.NaN, new(double.PositiveInfinity, 0), double.NaN };
        System.Numerics.Complex m = Np.NanMedian(DenseArray.From(values)).Item<System.Numerics.Complex>();
        m.Real.ShouldBe(double.PositiveInfinity);
        double.IsNaN(m.Imaginary).ShouldBeTrue();     // np.nanmedian: inf+nanj, as np.median([inf+0j])
    }

    [Fact]
    public void A_complex64_power_by_a_small_integer_overflows_in_float32_as_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.complex64([18.26669+2.3552992j, -14.94205+0.9109775j, 1.5-0.5j]) ** 40: the repeated squaring overflows float32,
        // and the next product's inf - inf is NaN: [nan+nanj, -inf+nanj, 8.678862e+07-2.7194502e+07j] (the blocks 1-4 run on Chunked found it)
        NDArray a = Np.AsType(DenseArray.From(new System.Numerics.Complex[] { new(18.26669, 2.3552992), new(-14.94205, 0.9109775), new(1.5, -0.5) }), DType.Complex64);
        System.Numerics.Complex[] r = Np.AsType(Np.Power(a, 40L), DType.Complex128).ToArray<System.Numerics.Complex>();
        double.IsNaN(r[0].Real).ShouldBeTrue();
        double.IsNaN(r[0].Imaginary).ShouldBeTrue();
        r[1].Real.ShouldBe(double.NegativeInfinity);
        double.IsNaN(r[1].Imaginary).ShouldBeTrue();
        r[2].Real.ShouldBe(8.678862e+07, 1e2);
        r[2].Imaginary.ShouldBe(-2.7194502e+07, 1e2);
        // complex128 keeps its range: (18.26669+2.3552992j) ** 40 is finite there
        double.IsFinite(Np.Power(Np.AsType(a, DType.Complex128), 40L).ToArray<System.Numerics.Complex>()[0].Real).ShouldBeTrue();
    }

    [Fact]
    public void Select_takes_the_dtype_of_every_choice_and_the_default_at_once()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray[] conditions = [DenseArray.From(new[] { false }), DenseArray.From(new[] { true }), DenseArray.From(new[] { false })];
        NDArray[] choices = [Np.AsType(DenseArray.From(new long[] { 3 }), DType.Int16), DenseArray.From(new[] { -1.5f }), Np.AsType(DenseArray.From(new long[] { 7 }), DType.Int8)];
        NDArray r = Np.Select(conditions, choices, 2.5);
        r.DType.ShouldBe(DType.Float32);                // np.result_type(int16, float32, int8, 2.5)
        r.ToArray<float>().ShouldBe([-1.5f]);
    }

    [Fact]
    public void Sinc_of_a_float16_zero_is_one()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray r = Np.Sinc(DenseArray.From(new[] { (Half)0, (Half)0.5 }));
        r.DType.ShouldBe(DType.Float16);
        r.AsType(DType.Float64).ToArray<double>()[0].ShouldBe(1.0);
    }
}
