using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Arrays;

/// <summary>Sparse arrays print the summaries pydata/sparse and SciPy print, never their (densified) values.</summary>
public sealed class PrintingTests
{
    private static CooArray Sample(Array values) => CooArray.FromTriplets(values, [0, 1, 2], [1, 2, 3], new Shape(3, 4));

    [Fact]
    public void Coo_PrintsPydataSparseSummary()
    {
        Sample(new[] { 1.0, 2, 3 }).ToString().ShouldBe("<COO: shape=(3, 4), dtype=float64, nnz=3, fill_value=0.0>");
        Sample(new[] { 1L, 2, 3 }).ToString("R", null).ShouldBe("<COO: shape=(3, 4), dtype=int64, nnz=3, fill_value=0>");
        Sample(new[] { true, true, false }).ToString().ShouldBe("<COO: shape=(3, 4), dtype=bool, nnz=3, fill_value=False>");
    }

    [Fact]
    public void CsrAndCsc_ReprIsSciPysSummary()
    {
        Sample(new[] { 1.0, 2, 3 }).ToCsr().ToString("R", null).ShouldBe("<3x4 sparse array of type '<class 'numpy.float64'>'\n\twith 3 stored elements in Compressed Sparse Row format>");
        Sample(new[] { 1, 2, 3 }).ToCsc().ToString("R", null).ShouldBe("<3x4 sparse array of type '<class 'numpy.int32'>'\n\twith 3 stored elements in Compressed Sparse Column format>");
        Np.ArrayRepr(Sample(new[] { 1.0, 2, 3 }).ToCsr()).ShouldStartWith("<3x4 sparse array");
    }

    [Fact]
    public void CsrAndCsc_StrListsTheStoredEntriesAsSciPysStr()
    {
        // SciPy 1.10: print(csr_array(...)) lists "  (row, col)\tvalue" in storage order (CSC column by column); the
        // summary was printed for str too, so a ported script's print(A) showed no values.
        var a = CooArray.FromTriplets(new[] { 4.0, 1, 3, 1, 5, 2, 2, 6 }, [0, 0, 1, 2, 2, 2, 3, 3], [0, 2, 1, 0, 2, 3, 1, 3], new Shape(4, 4));
        a.ToCsr().ToString().ShouldBe("  (0, 0)\t4.0\n  (0, 2)\t1.0\n  (1, 1)\t3.0\n  (2, 0)\t1.0\n  (2, 2)\t5.0\n  (2, 3)\t2.0\n  (3, 1)\t2.0\n  (3, 3)\t6.0");
        $"{a.ToCsc()}".ShouldBe("  (0, 0)\t4.0\n  (2, 0)\t1.0\n  (1, 1)\t3.0\n  (3, 1)\t2.0\n  (0, 2)\t1.0\n  (2, 2)\t5.0\n  (2, 3)\t2.0\n  (3, 3)\t6.0");
        CsrArray.FromCompressed(new System.Numerics.Complex[] { new(1, 2), new(-0.0, -0.5) }, [0, 1], [0, 1, 2], new Shape(2, 2)).ToString()
            .ShouldBe("  (0, 0)\t(1+2j)\n  (1, 1)\t(-0-0.5j)");
        CsrArray.FromCompressed(new[] { true, true }, [0, 1], [0, 1, 2], new Shape(2, 2)).ToString().ShouldBe("  (0, 0)\tTrue\n  (1, 1)\tTrue");
        CsrArray.FromCompressed(new byte[] { 1, 2 }, [0, 1], [0, 1, 2], new Shape(2, 2)).ToString().ShouldBe("  (0, 0)\t1\n  (1, 1)\t2");
        CsrArray.FromCompressed(new[] { 0.1f, 1e20f }, [0, 1], [0, 1, 2], new Shape(2, 2)).ToString().ShouldBe("  (0, 0)\t0.1\n  (1, 1)\t1e+20");
        CsrArray.FromCompressed(new[] { double.NaN, double.NegativeInfinity }, [0, 1], [0, 2, 2], new Shape(2, 2)).ToString().ShouldBe("  (0, 0)\tnan\n  (0, 1)\t-inf");
        CsrArray.FromCompressed(new[] { 1.0, 2.0 }, [1, 1], [0, 2, 2], new Shape(2, 2)).ToString().ShouldBe("  (0, 1)\t1.0\n  (0, 1)\t2.0");  // duplicates as stored
        CsrArray.FromCompressed(Array.Empty<double>(), [], [0, 0, 0, 0], new Shape(3, 3)).ToString().ShouldBe("");
    }

    [Fact]
    public void CsrStr_PastFiftyEntries_ShowsTheFirstAndLast25AroundAColon()
    {
        double[] values = Enumerable.Range(1, 60).Select(v => (double)v).ToArray();
        int[] indices = Enumerable.Range(0, 60).Select(k => k % 10).ToArray();
        int[] indptr = Enumerable.Range(0, 7).Select(r => r * 10).ToArray();
        string[] lines = CsrArray.FromCompressed(values, indices, indptr, new Shape(6, 10)).ToString().Split('\n');

        lines.Length.ShouldBe(51);
        lines[0].ShouldBe("  (0, 0)\t1.0");
        lines[24].ShouldBe("  (2, 4)\t25.0");
        lines[25].ShouldBe("  :\t:");
        lines[26].ShouldBe("  (3, 5)\t36.0");
        lines[50].ShouldBe("  (5, 9)\t60.0");
    }
}
