using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Interchange;
using ArrayDispatch.Scalars;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Chunked refuses what NumPy refuses: what only the values can tell (a negative exponent, a singular block) is raised at
/// compute time by the task that meets it, naming the task and carrying NumPy's message and category; NumPy's error
/// fixtures apply to Chunked as to every backend.
/// </summary>
public sealed class ErrorTests
{
    private static NDArray Chunked<T>(T[] data, params int[] shape) where T : unmanaged =>
        Np.AsArray(HostBuffer.FromContiguous(data, shape.Length == 0 ? new Shape(data.Length) : new Shape(shape)), "Chunked", chunks: [2]);

    [Fact]
    public void A_negative_integer_exponent_raises_at_compute_naming_the_task_and_NumPys_ValueError()
    {
        using TestHost host = ChunkedHost.Create();
        NDArray lazy = Np.Power(Chunked(new long[] { 2, 3, 4, 5 }), Chunked(new long[] { 1, 2, -1, 3 }));   // building is fine

        var ex = Should.Throw<ChunkTaskException>(() => lazy.Compute());

        ex.TaskKey.ShouldNotBeNullOrEmpty();
        ex.Message.ShouldContain(ex.TaskKey);
        ex.Message.ShouldContain(ElementwiseRules.NegativeIntegerPowerMessage);
        NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.ValueError);
        Should.Throw<ChunkTaskException>(() => lazy.ToHost()).TaskKey.ShouldBe(ex.TaskKey);

        // A scalar exponent is refused when the graph is built, as NumPy refuses the call; an empty result meets no
        // exponent, and answers (its meta is evaluated on zero-size arrays).
        NumPyErrors.Classify(Should.Throw<Exception>(() => Np.Power(Chunked(new long[] { 2, 3 }), -1L))).ShouldBe(NumPyErrorKind.ValueError);
        Np.Power(Chunked(new long[0], 0, 3), -1L).Compute().Shape.ShouldBe(new Shape(0, 3));
    }

    [Fact]
    public void A_singular_system_raises_NumPys_LinAlgError_at_compute_and_integer_division_by_zero_answers()
    {
        using TestHost host = ChunkedHost.Create();
        NDArray a = Chunked(new double[] { 1, 2, 3, 4, 5, 6, 5, 7, 9 }, 3, 3);
        Exception ex = Should.Throw<Exception>(() => Np.Linalg.Solve(a, Chunked(new double[] { 1, 2, 3 })).Compute());
        NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.LinAlgError, ex.ToString());

        NDArray q = Np.FloorDivide(Chunked(new long[] { long.MinValue, 7, 0, -7 }), Chunked(new long[] { -1, 0, 0, 2 }));
        q.Compute().ToArray<long>().ShouldBe([long.MinValue, 0, 0, -4]);
    }

    public static TheoryData<string> ErrorCaseIds()
    {
        var data = new TheoryData<string>();
        string? dir = FixtureManifest.Locate();
        if (dir is null) return data;
        foreach (FixtureCase c in FixtureManifest.Load(dir).Cases.Where(c => c.Check == "error")) data.Add(c.Id);
        return data;
    }

    /// <summary>NumPy's <c>error</c> fixtures on Chunked, through the same runner and the same rule as on every backend.</summary>
    [Theory]
    [MemberData(nameof(ErrorCaseIds))]
    public void NumPys_error_fixture_is_raised_or_declined(string id)
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using TestHost host = TestHost.Create(new DensePlugin(), new ChunkedPlugin());

        FixtureResult result = new FixtureRunner(host.Dispatcher, "Chunked").Run(manifest, c);

        result.Outcome.ShouldNotBe(FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
        if (result.Outcome == FixtureOutcome.Skipped) (result.Reason ?? "").ShouldMatch("^(declined|backend 'Chunked' does not declare)", c.Id);
    }
}
