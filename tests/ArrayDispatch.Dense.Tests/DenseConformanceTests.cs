using ArrayDispatch.Conformance;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// The conformance kit on Dense itself, with inputs given as Fortran-ordered (strided) views: every kernel's strided
/// path must agree with its contiguous path, and no case may crash.
/// </summary>
public sealed class DenseStridedConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Dense";

    protected override IArrayBackendPlugin[] Plugins => [new DensePlugin()];

    protected override NDArray ToBackend(HostBuffer data)
    {
        NDArray x = Np.AsArray(data, "Dense");
        return x.Rank < 2 ? x : Np.Transpose(Np.Copy(Np.Transpose(x), MemoryOrder.C));
    }
}

/// <summary>The kit on Dense with plain contiguous inputs (a crash check for every case the kit knows).</summary>
public sealed class DenseConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Dense";

    protected override IArrayBackendPlugin[] Plugins => [new DensePlugin()];
}

public sealed class ConformanceKitTests
{
    [Fact]
    public void The_kit_runs_every_case_it_knows_on_Dense()
    {
        var kit = new DenseConformanceTests();
        int known = ConformanceCases.All().Count();
        var ran = kit.Run(_ => true);
        Xunit.Assert.True(ran.Count > 900, $"only {ran.Count} of {known} cases ran");
        Xunit.Assert.DoesNotContain(ran, r => r.Problem is not null);
    }

    [Fact]
    public void Every_error_Dense_raises_is_a_NumPy_style_argument_error()
    {
        // Cases where Dense raises (bitwise ops on floats, negative integer powers, bad axes, singular matrices, ...) raise
        // NumPy's errors (ValueError/TypeError/AxisError/IndexError/LinAlgError), never a crash: the kit holds every other
        // backend to the category Dense raises, so it must be one.
        using var host = ArrayDispatch.Testing.TestHost.Create(new DensePlugin());
        var ctx = typeof(ConformanceContext).GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0]
            .Invoke(["Dense", (Func<HostBuffer, NDArray>)(b => Np.AsArray(b, "Dense"))]) as ConformanceContext;
        var raised = new List<(ConformanceCase Case, Exception Error)>();
        foreach (ConformanceCase c in ConformanceCases.All())
        {
            try { c.Run(ctx!); }
            catch (Exception ex) { raised.Add((c, ex is BackendCallException { InnerException: { } inner } ? inner : ex)); }
        }
        Assert.NotEmpty(raised);
        Assert.All(raised, r => Assert.True(NumPyErrors.Classify(r.Error) is not (NumPyErrorKind.Other or NumPyErrorKind.Declined), $"{r.Case}: {r.Error}"));
        Assert.Contains(raised, r => NumPyErrors.Classify(r.Error) == NumPyErrorKind.LinAlgError);
        Assert.Contains(raised, r => NumPyErrors.Classify(r.Error) == NumPyErrorKind.AxisError);
        Assert.Contains(raised, r => NumPyErrors.Classify(r.Error) == NumPyErrorKind.ShapeMismatch);
    }

    [Fact]
    public void Every_corner_case_runs_on_Dense_and_some_raise_while_integer_division_by_zero_answers()
    {
        var kit = new DenseConformanceTests();
        var corners = kit.Run(c => c.Label.StartsWith("corner:", StringComparison.Ordinal));
        Assert.True(corners.Count > 100, $"only {corners.Count} corner cases ran");
        Assert.DoesNotContain(corners, r => r.Problem is not null);
        using var host = ArrayDispatch.Testing.TestHost.Create(new DensePlugin());
        NDArray q = Np.FloorDivide(Np.AsArray(new long[] { long.MinValue, 7, 0 }), Np.AsArray(new long[] { -1, 0, 0 }));
        Assert.Equal(new long[] { long.MinValue, 0, 0 }, q.ToArray<long>());
    }
}

/// <summary>The kit's error rule itself, on made-up outcomes: a check that cannot fail would prove nothing.</summary>
public sealed class ErrorParityTests
{
    private static bool NotImplementedOnly(Exception e) => NumPyErrors.Classify(e) == NumPyErrorKind.Declined;

    [Fact]
    public void A_backend_that_answers_where_Dense_raises_fails()
    {
        var dense = new BackendCallException("power", "Dense", new ArgumentException(Scalars.ElementwiseRules.NegativeIntegerPowerMessage, "x2"));
        string? problem = ErrorParity.Check("Fake", dense, backendError: null, NotImplementedOnly);
        Assert.NotNull(problem);
        Assert.Contains("Dense raises ValueError", problem);
        Assert.Contains("Fake returns a result", problem);
    }

    [Fact]
    public void A_backend_that_raises_another_category_fails()
    {
        var dense = new AxisOutOfRangeException(3, 2);
        Assert.Contains("Fake raises ValueError", ErrorParity.Check("Fake", dense, new ArgumentException("bad axis"), NotImplementedOnly));
        Assert.NotNull(ErrorParity.Check("Fake", new LinAlgException("Singular matrix"), new ArgumentException("Singular matrix"), NotImplementedOnly));
        Assert.NotNull(ErrorParity.Check("Fake", new ShapeMismatchException("operands could not be broadcast together"), new ArgumentException("x"), NotImplementedOnly));
    }

    [Fact]
    public void A_backend_that_raises_where_Dense_answers_fails_and_a_crash_always_fails()
    {
        Assert.NotNull(ErrorParity.Check("Fake", null, new ArgumentException("no"), NotImplementedOnly));
        Assert.NotNull(ErrorParity.Check("Fake", new ArgumentException("x"), new IndexOutOfRangeException(), NotImplementedOnly));
        Assert.NotNull(ErrorParity.Check("Fake", null, new BackendCallException("sum", "Fake", new NullReferenceException()), NotImplementedOnly));
    }

    [Fact]
    public void Numpys_overflow_error_is_a_category_and_a_checked_dotnet_overflow_is_a_crash()
    {
        // NEP 50: uint64_array + (-1) is NumPy 2's OverflowError on both sides.
        var nep50 = new OverflowException("Python integer -1 out of bounds for uint64");
        Assert.Null(ErrorParity.Check("Fake", nep50, new OverflowException("Python integer -1 out of bounds for uint64"), NotImplementedOnly));
        Assert.Contains("Dense raises OverflowError", ErrorParity.Check("Fake", nep50, new ArgumentException("x"), NotImplementedOnly));
        Assert.Contains("Fake crashes", ErrorParity.Check("Fake", null, new OverflowException("Arithmetic operation resulted in an overflow."), NotImplementedOnly));
    }

    [Fact]
    public void The_same_category_through_wrappers_passes_and_a_decline_passes_unless_declines_fail()
    {
        var dense = new BackendCallException("linalg.solve", "Dense", new LinAlgException("Singular matrix"));
        // A lazy backend's task error: another exception type around NumPy's, naming the task, keeping the message.
        var task = new InvalidOperationException("task ('solve-1', 0) failed: Singular matrix", new LinAlgException("Singular matrix"));
        Assert.Null(ErrorParity.Check("Fake", dense, task, NotImplementedOnly));
        Assert.Null(ErrorParity.Check("Fake", dense, new AggregateException(new LinAlgException("Singular matrix")), NotImplementedOnly));
        var declined = new NoImplementationException("linalg.solve", [typeof(object)], [], []);
        Assert.Null(ErrorParity.Check("Fake", dense, declined, NotImplementedOnly));
        Assert.Null(ErrorParity.Check("Fake", null, declined, NotImplementedOnly));
        Assert.NotNull(ErrorParity.Check("Fake", null, declined, NotImplementedOnly, declineIsFailure: true));
    }

    [Fact]
    public void A_wrapper_that_drops_NumPys_message_fails()
    {
        var task = new InvalidOperationException("task ('solve-1', 0) failed", new LinAlgException("Singular matrix"));
        Assert.Contains("does not carry NumPy's message", ErrorParity.Check("Fake", new LinAlgException("Singular matrix"), task, NotImplementedOnly));
    }

    [Theory]
    [InlineData(NumPyErrorKind.AxisError, "ValueError", true)]
    [InlineData(NumPyErrorKind.AxisError, "IndexError", true)]
    [InlineData(NumPyErrorKind.LinAlgError, "ValueError", true)]
    [InlineData(NumPyErrorKind.ShapeMismatch, "ValueError", true)]
    [InlineData(NumPyErrorKind.ValueError, "AxisError", false)]
    [InlineData(NumPyErrorKind.IndexError, "ValueError", false)]
    [InlineData(NumPyErrorKind.TypeError, "ValueError", false)]
    [InlineData(NumPyErrorKind.Other, "ValueError", false)]
    public void NumPy_names_follow_NumPys_exception_hierarchy(NumPyErrorKind kind, string name, bool expected) =>
        Assert.Equal(expected, NumPyErrors.IsInstanceOf(kind, name));
}
