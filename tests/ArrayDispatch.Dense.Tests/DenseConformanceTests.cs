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
        return x.Rank < 2 ? x : Np.Transpose(Np.Copy(Np.Transpose(x)));
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
        // Cases where Dense raises (bitwise ops on floats, negative integer powers, bad axes, ...) raise argument errors
        // (ValueError/TypeError/AxisError/IndexError in NumPy), never a crash.
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
        Assert.All(raised, r => Assert.True(r.Error is ArgumentException, $"{r.Case}: {r.Error}"));
    }
}
