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
    public void CsrAndCsc_PrintSciPysSummary()
    {
        Sample(new[] { 1.0, 2, 3 }).ToCsr().ToString().ShouldBe("<3x4 sparse array of type '<class 'numpy.float64'>'\n\twith 3 stored elements in Compressed Sparse Row format>");
        Sample(new[] { 1, 2, 3 }).ToCsc().ToString().ShouldBe("<3x4 sparse array of type '<class 'numpy.int32'>'\n\twith 3 stored elements in Compressed Sparse Column format>");
    }
}
