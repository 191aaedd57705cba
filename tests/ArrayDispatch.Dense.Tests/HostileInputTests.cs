using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Inputs an adversarial caller tries through the public API: each gives an error naming what is wrong (NumPy's words
/// where NumPy raises), never a crash, an allocation the input asks for, or an exception from inside a .NET loop.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Repeat_beyond_a_dimension_is_array_is_too_big_before_anything_is_allocated()
    {
        // 1000 elements repeated 2^31 - 1 times: Dense built a List<long> of the indices and the process was killed.
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Repeat(Np.Zeros([1000]), int.MaxValue)).Message.ShouldContain("array is too big");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Repeat(Np.Zeros([2, 3]), int.MaxValue / 2, 1)).Message.ShouldContain("array is too big");
    }

    [Fact]
    public void Tile_beyond_a_dimension_is_array_is_too_big_not_an_arithmetic_overflow()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Tile(Np.Zeros([2, 3]), int.MaxValue, int.MaxValue)).Message.ShouldContain("array is too big");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Tile(Np.Zeros([1000]), 1_000_000_000)).Message.ShouldContain("array is too big");
    }

    [Fact]
    public void Flattening_a_broadcast_view_beyond_a_dimension_is_array_is_too_big()
    {
        // A (65536, 65536) broadcast view has 2^32 elements: its flattened length was cast to int (0).
        using var host = TestHost.Create(new DensePlugin());
        NDArray big = Np.BroadcastTo(Np.Ones([1]), 65536, 65536);
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Cumsum(big)).Message.ShouldContain("array is too big");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Repeat(big, 1)).Message.ShouldContain("array is too big");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Roll(big, 1)).Message.ShouldContain("array is too big");
    }

    [Fact]
    public void Arange_above_int64_answers_uint64_values_not_wrapped_negatives()
    {
        // Python ints 2**64 - 3 and 2**64 - 1 (NumPy 2: uint64 [18446744073709551613, 18446744073709551614]); Dense gave
        // int64 [-3, -2].
        using var host = TestHost.Create(new DensePlugin());
        NDArray r = Np.Arange(Scalar.Integer(ulong.MaxValue - 2), Scalar.Integer(ulong.MaxValue), 1L);
        r.DType.ShouldBe(DType.UInt64);
        r.ToArray<ulong>().ShouldBe([ulong.MaxValue - 2, ulong.MaxValue - 1]);
        Np.Arange(Scalar.Integer(1UL << 63), Scalar.Integer((1UL << 63) + 6), 2L).ToArray<ulong>().ShouldBe([1UL << 63, (1UL << 63) + 2, (1UL << 63) + 4]);
        Should.Throw<OverflowException>(() => Np.Arange(-1L, Scalar.Integer(ulong.MaxValue), Scalar.Integer(1UL << 63))).Message.ShouldContain("out of bounds for uint64");
    }

    // SciPy .npz archives whose components contradict each other: SciPy's check_format words, not an
    // IndexOutOfRangeException, OverflowException or KeyNotFoundException from the densifying loop.
    [Theory]
    [InlineData("csr", new long[] { 2, 2 }, new long[] { 0, 7 }, new long[] { 0, 1, 2 }, "column index values must be < 2")]
    [InlineData("csr", new long[] { 2, 2 }, new long[] { 0, -1 }, new long[] { 0, 1, 2 }, "column index values must be >= 0")]
    [InlineData("csc", new long[] { 2, 2 }, new long[] { 0, 7 }, new long[] { 0, 1, 2 }, "row index values must be < 2")]
    [InlineData("csr", new long[] { 3, 2 }, new long[] { 0, 1 }, new long[] { 0, 1 }, "index pointer size (2) should be (4)")]
    [InlineData("csr", new long[] { 2, 2 }, new long[] { 0, 1 }, new long[] { 1, 1, 2 }, "index pointer should start with 0")]
    [InlineData("csr", new long[] { 2, 2 }, new long[] { 0, 1 }, new long[] { 0, 2, 1 }, "non-decreasing")]
    [InlineData("csr", new long[] { 2, 2 }, new long[] { 0, 1 }, new long[] { 0, 1, 5 }, "Last value of index pointer")]
    [InlineData("csr", new long[] { -2, 2 }, new long[] { 0, 1 }, new long[] { 0, 1, 2 }, "'shape' elements cannot be negative")]
    [InlineData("csr", new long[] { 3 }, new long[] { 0, 1 }, new long[] { 0, 1, 2 }, "a SciPy sparse matrix is 2-d")]
    [InlineData("csr", new long[] { 3_000_000_000, 2 }, new long[] { 0, 1 }, new long[] { 0, 1, 2 }, "above 2147483647")]
    [InlineData("csr", new long[] { 2_000_000_000, 2_000_000_000 }, new long[] { 0, 1 }, new long[] { 0, 1, 2 }, "more than one .NET array holds")]
    [InlineData("coo", new long[] { 2, 2 }, new long[] { 5, 0 }, new long[] { 0, 1 }, "row index exceeds matrix dimensions")]
    [InlineData("coo", new long[] { 2, 2 }, new long[] { 0, 1 }, new long[] { 0, -1 }, "negative column index found")]
    [InlineData("coo", new long[] { 2, 2 }, new long[] { 0 }, new long[] { 0, 1 }, "row, column, and data array must all be the same length")]
    [InlineData("bsr", new long[] { 2, 2 }, new long[] { 0, 1 }, new long[] { 0, 1, 2 }, "sparse format 'bsr' is not supported")]
    public void A_sparse_archive_with_inconsistent_components_is_refused_with_scipys_words(string format, long[] shape, long[] first, long[] second, string message)
    {
        // csr/csc: first = indices, second = indptr; coo: first = row, second = col. Two stored values.
        string path = Archive(("format", StringNpy(format)), ("shape", LongNpy(shape)), ("data", DoubleNpy([1.0, 2.0])),
            (format == "coo" ? "row" : "indices", LongNpy(first)), (format == "coo" ? "col" : "indptr", LongNpy(second)));
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldContain(message);
        File.Delete(path);
    }

    [Fact]
    public void A_sparse_archive_missing_a_component_names_it()
    {
        string path = Archive(("format", StringNpy("csr")), ("shape", LongNpy([2, 2])), ("indices", LongNpy([0])), ("indptr", LongNpy([0, 1, 1])));
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldContain("has no 'data' entry");
        File.Delete(path);
    }

    [Fact]
    public void A_sparse_archive_with_float_indices_says_indices_must_be_integers()
    {
        string path = Archive(("format", StringNpy("csr")), ("shape", LongNpy([2, 2])), ("data", DoubleNpy([1.0])), ("indices", DoubleNpy([0.0])), ("indptr", LongNpy([0, 1, 1])));
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldContain("'indices' has dtype float64; its indices must be integers");
        File.Delete(path);
    }

    [Fact]
    public void Load_of_an_archive_with_a_truncated_entry_names_the_entry_and_a_file_that_is_no_zip_says_so()
    {
        // Np.Load of a .npz said "not a .npy file, or a truncated one: it ends inside the header" without the entry
        // (Np.LoadNpz named it), and a file that is no zip archive gave .NET's bare "Central Directory corrupt.".
        byte[] good = DoubleNpy([1.0, 2.0]);
        string path = Archive(("b", good), ("a", good[..20]));
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldStartWith("archive entry 'a.npy': not a .npy file, or a truncated one");
        Should.Throw<InvalidDataException>(() => Np.LoadNpz(path)).Message.ShouldStartWith("archive entry 'a.npy': not a .npy file, or a truncated one");
        File.WriteAllBytes(path, [(byte)'P', (byte)'K', 3, 4, (byte)'x', (byte)'y']);
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldStartWith("not a .npz archive (NumPy's savez writes a zip file): ");
        Should.Throw<InvalidDataException>(() => Np.LoadNpz(path)).Message.ShouldStartWith("not a .npz archive (NumPy's savez writes a zip file): ");
        File.Delete(path);
    }

    private static string Archive(params (string Name, byte[] Npy)[] entries)
    {
        string path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.npz");
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach ((string name, byte[] npy) in entries)
        {
            using Stream s = zip.CreateEntry(name + ".npy").Open();
            s.Write(npy);
        }
        return path;
    }

    private static byte[] Npy(string descr, string shape, byte[] data)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        string header = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        ms.Write(data);
        return ms.ToArray();
    }

    private static byte[] LongNpy(long[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(i * 8), v[i]);
        return Npy("<i8", $"({v.Length},)", b);
    }

    private static byte[] DoubleNpy(double[] v)
    {
        var b = new byte[v.Length * 8];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), v[i]);
        return Npy("<f8", $"({v.Length},)", b);
    }

    private static byte[] StringNpy(string s) => Npy($"<U{s.Length}", "()", Encoding.UTF32.GetBytes(s));
}
