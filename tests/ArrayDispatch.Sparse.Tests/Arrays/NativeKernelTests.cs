using ArrayDispatch.Sparse.IO;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;
using static ArrayDispatch.Sparse.Tests.Infrastructure.StorageCopies;

namespace ArrayDispatch.Sparse.Tests.Arrays;

/// <summary>
/// Every kernel family reads native buffers in place and gives a native input the answer of its managed copy; large
/// results are native. The operand: 3e5 × 3e5 with 3e5 entries (one per row), so every buffer (the 1.2 MB index pointer too) is native.
/// </summary>
public sealed class NativeKernelTests
{
    private const int N = 300_000;

    private static readonly Lazy<(CsrArray Native, CsrArray Managed)> s_pair = new(() => CsrPair(N));

    private static CsrArray NativeCsr => s_pair.Value.Native;

    private static CsrArray ManagedCsr => s_pair.Value.Managed;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void Reductions_OfANativeArray_EqualThoseOfItsManagedCopy(int? axis)
    {
        using TestHost host = SparseHost.Create();
        Func<NDArray, Axes, NDArray>[] reductions =
        [
            // One of each path: sums, products, extremes, counts of nonzeros, spreads (mean, min and any share them).
            (x, a) => Np.Sum(x, a), (x, a) => Np.Prod(x, a), (x, a) => Np.Max(x, a), (x, a) => Np.CountNonzero(x, a), (x, a) => Np.Var(x, a),
        ];
        foreach (var reduce in reductions) Values.Of(reduce(NativeCsr, axis)).ShouldBe(Values.Of(reduce(ManagedCsr, axis)));
        Values.Of(Np.Argmax(NativeCsr, axis)).ShouldBe(Values.Of(Np.Argmax(ManagedCsr, axis)));
    }

    [Fact]
    public void CooBroadcastMerge_OfANativeArray_IsNative_AndEqualsItsManagedCopys()
    {
        using TestHost host = SparseHost.Create();
        CooArray native = Native(NativeCsr.ToCoo()), managed = Managed(ManagedCsr.ToCoo());
        AllNative(native).ShouldBeTrue();
        // A (1, N) row of two entries broadcast down every row: 6e5 entries merged with the operand's 3e5.
        CooArray row = CooArray.FromTriplets(new[] { 1.5, -2.0 }, [0, 0], [7, N - 1], new Shape(1, N));

        NDArray fromNative = Np.Add(native, row), fromManaged = Np.Add(managed, row);

        AllNative((SparseArray)fromNative).ShouldBeTrue();
        ((SparseArray)fromNative).Nnz.ShouldBeGreaterThan(800_000);
        ShouldHoldTheSameEntries(fromNative, fromManaged);
        ShouldHoldTheSameEntries(Np.Multiply(native, row), Np.Multiply(managed, row));
    }

    [Fact]
    public void IndexingAndJoining_OfANativeArray_AreNative_AndEqualThoseOfItsManagedCopy()
    {
        using TestHost host = SparseHost.Create();
        long[] rows = Enumerable.Range(0, N / 2).Select(i => (long)(2 * i + 1)).ToArray();
        NDArray pick = DenseOf(rows);

        NDArray picked = NativeCsr[pick];
        ((SparseArray)picked).IsNative.ShouldBeTrue();   // 1.5e5 entries; its index pointer of 1.5e5 rows is below 1 MB
        ShouldHoldTheSameEntries(picked, ManagedCsr[pick]);

        NDArray stacked = Np.VStack(NativeCsr, NativeCsr);
        AllNative((SparseArray)stacked).ShouldBeTrue();
        ShouldHoldTheSameEntries(stacked, Np.VStack(ManagedCsr, ManagedCsr));
        ShouldHoldTheSameEntries(Np.HStack(NativeCsr, NativeCsr), Np.HStack(ManagedCsr, ManagedCsr));
        ShouldHoldTheSameEntries(Np.Tril(NativeCsr), Np.Tril(ManagedCsr));
        ShouldHoldTheSameEntries(Np.Reshape(NativeCsr, N / 2, 2 * N), Np.Reshape(ManagedCsr, N / 2, 2 * N));
    }

    [Fact]
    public void KronAndAsType_OfANativeArray_AreNative_AndEqualThoseOfItsManagedCopy()
    {
        using TestHost host = SparseHost.Create();
        CsrArray small = CsrArray.FromTriplets(new[] { 2.0, -1.0 }, [0, 1], [1, 0], new Shape(2, 2));

        NDArray kron = Np.Kron(NativeCsr, small);
        AllNative((SparseArray)kron).ShouldBeTrue();
        ShouldHoldTheSameEntries(kron, Np.Kron(ManagedCsr, small));

        NDArray single = Np.AsType(NativeCsr, DType.Float32);
        ((SparseArray)single).IsNative.ShouldBeTrue();
        ShouldHoldTheSameEntries(single, Np.AsType(ManagedCsr, DType.Float32));
        ShouldHoldTheSameEntries(Np.AsType(NativeCsr, DType.Float64), ManagedCsr);
    }

    [Fact]
    public void LargeRandomAndEyeResults_AreNative()
    {
        var random = (CsrArray)SparseArrays.Random(N, N, 3e5 / ((double)N * N), seed: 3);
        AllNative(random).ShouldBeTrue();
        random.Nnz.ShouldBe(300_000);
        var eye = (CsrArray)SparseArrays.Eye(N, N, dtype: DType.Float32);
        AllNative(eye).ShouldBeTrue();
        eye.Values<float>().ToArray().ShouldAllBe(v => v == 1f);
        eye.Indices.SequenceEqual(Enumerable.Range(0, N).ToArray()).ShouldBeTrue();
    }

    [Fact]
    public void SaveNpz_OfANativeArray_WritesItsStorage_AndLoadsBackEqual()
    {
        using TestHost host = SparseHost.Create();
        string path = Path.Combine(Path.GetTempPath(), $"native-{Guid.NewGuid():N}.npz");
        try
        {
            ScipyNpz.Save(path, NativeCsr);
            ShouldHoldTheSameEntries(ScipyNpz.Load(path), ManagedCsr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
