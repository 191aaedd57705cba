using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>Chunked arrays print Dask's summary without computing; computed results print their values.</summary>
public sealed class PrintingTests
{
    [Fact]
    public void ToString_PrintsDasksSummaryWithoutComputing()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(DenseData((10, 6)), backend: "Chunked", chunks: [4, 6]);
        var (_, _, v) = Np.Linalg.Svd(x, fullMatrices: false);

        v!.ToString().ShouldBe("dask.array<svd-v, shape=(6, 6), dtype=float64, chunksize=(6, 6), chunktype=Dense>");
        $"{v:R}".ShouldBe(v.ToString());
        ((ChunkedArray)(x + 1.0)).ToString().ShouldStartWith("dask.array<add, shape=(10, 6), dtype=float64, chunksize=(4, 6), chunktype=Dense>");
    }

    [Fact]
    public void Compute_PrintsValuesAsNumPy()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(Np.Arange(6.0).Reshape(2, 3), backend: "Chunked", chunks: [1, 3]);

        (x * 2.0).Compute().ToString().ShouldBe("[[ 0.  2.  4.]\n [ 6.  8. 10.]]");
    }

    [Fact]
    public void Prefix_DropsTokens()
    {
        Names.Prefix("svd-v-1f2e3d4c").ShouldBe("svd-v");
        Names.Prefix("from-npy-0000abcd").ShouldBe("from-npy");
        Names.Prefix("add").ShouldBe("add");
    }

    [Fact]
    public void ToHtml_IsDasksCard()
    {
        using TestHost host = Create();
        var x = (ChunkedArray)Np.AsArray(DenseData((10, 6)), backend: "Chunked", chunks: [4, 6]);

        string html = x.ToHtml();

        html.ShouldContain("<tr><th>Bytes</th><td>480 B</td><td>192 B</td></tr>");
        html.ShouldContain("<tr><th>Shape</th><td>(10, 6)</td><td>(4, 6)</td></tr>");
        html.ShouldContain("<tr><th>Dask graph</th><td>3 chunks in 1 graph layer</td><td></td></tr>");
        html.ShouldContain("<svg ");
        DaskCard.Bytes(8_000_000).ShouldBe("7.63 MiB");
    }
}
