using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>A lazy result read twice by the next step is computed once, however long the chain.</summary>
public sealed class SharedStepTests
{
    [Fact]
    public void A_chain_whose_steps_each_read_the_previous_result_twice_computes_in_linear_time()
    {
        using TestHost host = Create(splitEvery: 3);
        NDArray d = Np.Linspace(0.0, 0.5, 16).Reshape(4, 4);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [2, 2]);
        NDArray y = x, e = d;
        for (int i = 0; i < 40; i++)
        {
            y = y * 0.5 + y * 0.25;          // each step reads the previous one twice: 2^40 if shared steps were inlined
            e = e * 0.5 + e * 0.25;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double[] got = y.ToArray<double>();
        got.ShouldBe(e.ToArray<double>(), 1e-12);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }
}
