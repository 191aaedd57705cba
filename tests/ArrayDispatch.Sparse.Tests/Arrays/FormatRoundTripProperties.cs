using ArrayDispatch.Interchange;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Arrays;

public sealed class FormatRoundTripProperties
{
    private static readonly Gen<(int Rows, int Cols, (int R, int C, double V)[] Entries)> s_matrices =
        from rows in Gen.Int[1, 12]
        from cols in Gen.Int[1, 12]
        from entries in Gen.Select(Gen.Int[0, rows - 1], Gen.Int[0, cols - 1], Gen.Int[-9, 9].Select(v => (double)v)).Array[0, 40]
        select (rows, cols, entries);

    private static CooArray Build((int Rows, int Cols, (int R, int C, double V)[] Entries) m) =>
        CooArray.FromTriplets(m.Entries.Select(e => e.V).ToArray(), m.Entries.Select(e => e.R).ToArray(), m.Entries.Select(e => e.C).ToArray(), new Shape(m.Rows, m.Cols));

    [Fact]
    public void CooCsrCscCoo_RoundTrip_KeepsEveryElement()
    {
        s_matrices.Sample(m =>
        {
            CooArray coo = Build(m);
            double[] expected = Values.Of(coo);
            Values.Of(coo.ToCsr()).ShouldBe(expected);
            Values.Of(coo.ToCsc()).ShouldBe(expected);
            Values.Of(coo.ToCsr().ToCsc().ToCoo().ToCsr()).ShouldBe(expected);
            Values.Of(coo.ToCsc().ToCsr()).ShouldBe(expected);
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void DenseSparseDense_RoundTrip_IsExact()
    {
        s_matrices.Sample(m =>
        {
            double[] dense = Values.Of(Build(m));
            var buffer = HostBuffer.FromContiguous(dense, new Shape(m.Rows, m.Cols));
            foreach (SparseFormat f in new[] { SparseFormat.Coo, SparseFormat.Csr, SparseFormat.Csc })
            {
                SparseArray s = DenseToSparse.Convert(buffer, f);
                s.IsCanonical.ShouldBeTrue();
                Values.Of(s).ShouldBe(dense);
                s.Nnz.ShouldBe(dense.Count(v => v != 0));
            }
        }, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void CanonicalForm_AfterConversion_HasSortedUniqueRows()
    {
        s_matrices.Sample(m =>
        {
            CsrArray csr = Build(m).ToCsr();
            csr.IsCanonical.ShouldBeTrue();
            for (int i = 0; i < m.Rows; i++)
            {
                for (int k = csr.Indptr[i] + 1; k < csr.Indptr[i + 1]; k++) csr.Indices[k].ShouldBeGreaterThan(csr.Indices[k - 1]);
            }
        }, seed: "0N0XIzNsQ0O2");
    }
}
