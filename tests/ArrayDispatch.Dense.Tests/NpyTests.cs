using System.Buffers.Binary;
using System.Text;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

public sealed class NpyTests
{
    private static string Fixture(string name) => Path.Combine(ArrayDispatch.Fixtures.FixtureManifest.Locate()!, name);

    [Theory]
    [InlineData("reshape.arg0.npy")]          // float64 (2, 3, 4)
    [InlineData("any_axisNone.arg0.npy")]     // bool
    [InlineData("sort_axis1.arg0.npy")]       // int64
    [InlineData("add_scalar_i32.arg0.npy")]   // int32
    [InlineData("multiply_scalar_f32.arg0.npy")] // float32
    [InlineData("sum_axisNone.out.npy")]      // 0-d
    public void Save_writes_the_bytes_numpy_save_wrote(string file)
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Load(Fixture(file));
        string path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        try
        {
            Np.Save(path, a);
            File.ReadAllBytes(path).ShouldBe(File.ReadAllBytes(Fixture(file)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fortran_order_file_reads_as_a_strided_view_with_numpy_values()
    {
        // np.asfortranarray(np.arange(6.).reshape(2, 3)) stored column by column: 0 3 1 4 2 5.
        byte[] file = Npy("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", [0, 3, 1, 4, 2, 5], bigEndian: false);
        HostBuffer b = NpyFormat.Read(new MemoryStream(file));
        b.Shape.ShouldBe(new Shape(2, 3));
        b.ToContiguous<double>().ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Big_endian_file_reads_the_same_values()
    {
        byte[] file = Npy("{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", [1.5, -2, 1e300], bigEndian: true);
        NpyFormat.Read(new MemoryStream(file)).ToContiguous<double>().ShouldBe([1.5, -2, 1e300]);
    }

    [Fact]
    public void Sparse_npz_from_scipy_reads_as_its_dense_matrix()
    {
        NpyArchive archive = NpyArchive.Read(Fixture("sparse_add.arg0.npz"));
        archive.SparseFormat.ShouldBe("csr");
        HostBuffer dense = archive.ToDense();
        dense.Shape.ShouldBe(new Shape(40, 30));
        double[] values = archive.Arrays["data"].ToContiguous<double>();
        dense.ToContiguous<double>().Count(v => v != 0).ShouldBe(values.Count(v => v != 0));
    }

    [Fact]
    public void Npz_round_trips_several_arrays()
    {
        using var host = TestHost.Create(new DensePlugin());
        string path = Path.Combine(Path.GetTempPath(), $"npz-{Guid.NewGuid():N}.npz");
        try
        {
            Np.SaveNpz(path, new Dictionary<string, NDArray> { ["a"] = Np.Arange(5L), ["b"] = Np.Eye(2) });
            IReadOnlyDictionary<string, NDArray> back = Np.LoadNpz(path);
            back["a"].ToArray<long>().ShouldBe([0, 1, 2, 3, 4]);
            back["b"].ToArray<double>().ShouldBe([1, 0, 0, 1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_npy_is_refused_with_a_clear_message()
    {
        Should.Throw<InvalidDataException>(() => NpyFormat.Read(new MemoryStream(Encoding.ASCII.GetBytes("hello world, not npy"))))
            .Message.ShouldContain("magic");
    }

    // Hostile .npy headers: each is refused naming what is wrong, before anything is allocated for it.
    [Theory]
    [InlineData("{'descr': '<f8x', 'fortran_order': False, 'shape': (2, 3), }", "unsupported .npy dtype '<f8x'")]
    [InlineData("{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (2, 3), }", "unsupported .npy dtype '<M8[ns]'")]
    [InlineData("{'descr': '<f99999999999', 'fortran_order': False, 'shape': (2, 3), }", "unsupported .npy dtype '<f99999999999'")]
    [InlineData("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (6,), }", "structured dtype")]
    [InlineData("{'descr': '<f8, 'fortran_order': False, 'shape': (2, 3), }", "unsupported .npy dtype")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, }", "Cannot parse header")]
    [InlineData("{'descr': '<f8', 'fortran_order': Yes, 'shape': (2, 3), }", "fortran_order is not a valid bool: Yes")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': 6, }", "shape is not valid: 6")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 3), }", "negative dimensions are not allowed")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, 2147483647), }", "array is too big")]
    [InlineData("{'shape': (6,), 'fortran_order': False, 'descr':", "Cannot parse header")]
    public void A_malformed_header_is_refused_naming_what_is_wrong(string dict, string message)
    {
        string path = TempFile(Npy(dict, new double[6], bigEndian: false));
        Should.Throw<InvalidDataException>(() => NpyFormat.Read(new MemoryStream(File.ReadAllBytes(path)))).Message.ShouldContain(message);
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<InvalidDataException>(() => Np.Load(path)).Message.ShouldContain(message);
        File.Delete(path);
    }

    [Fact]
    public void A_header_length_beyond_numpys_max_header_size_is_refused_before_it_is_read()
    {
        // Version 2.0 with a length field of 0xF0000000 (it was an OverflowException) and of 1.9e9 (it allocated 1.9 GB
        // before finding the file short).
        foreach (uint length in new uint[] { 0xF0000000, 1_900_000_000 })
        {
            var ms = new MemoryStream();
            ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0]);
            ms.Write(BitConverter.GetBytes(length));
            ms.Write(Encoding.ASCII.GetBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n"));
            ms.Position = 0;
            Should.Throw<InvalidDataException>(() => NpyFormat.Read(ms)).Message.ShouldContain($"Header info length ({length}) is large");
        }
    }

    [Fact]
    public void A_header_claiming_more_data_than_the_file_holds_fails_as_a_short_file_without_allocating_it()
    {
        // (100000, 100000) float64 is 75 GiB: Np.Load asked the backend for it (OutOfMemoryException, or a 75 GiB
        // reservation where the machine has it) before reading 48 bytes.
        string path = TempFile(Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", new double[6], bigEndian: false));
        using var host = TestHost.Create(new DensePlugin());
        long before = GC.GetTotalAllocatedBytes();
        Should.Throw<EndOfStreamException>(() => Np.Load(path)).Message.ShouldContain("80000000000 data bytes, 48 in the file");
        (GC.GetTotalAllocatedBytes() - before).ShouldBeLessThan(1 << 20);
        File.Delete(path);
    }

    [Fact]
    public void An_npz_entry_claiming_more_data_than_it_holds_fails_as_a_short_entry()
    {
        byte[] npy = Npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2000000000,), }", new double[1], bigEndian: false);
        string path = Path.Combine(Path.GetTempPath(), $"npz-{Guid.NewGuid():N}.npz");
        using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
        using (Stream s = zip.CreateEntry("a.npy").Open()) s.Write(npy);
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<EndOfStreamException>(() => Np.LoadNpz(path)).Message.ShouldContain("2000000000 data bytes, 8 in the file");
        Should.Throw<EndOfStreamException>(() => NpyArchive.Read(path)).Message.ShouldContain("2000000000 data bytes");
        File.Delete(path);
    }

    [Fact]
    public void A_bad_npz_entry_is_named_in_the_error()
    {
        // Which of an archive's arrays was short or not a .npy at all went unsaid ("the .npy file ends early ...").
        byte[] good = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", [1.0], bigEndian: false);
        byte[] shortEntry = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", [1.0], bigEndian: false);
        string path = Path.Combine(Path.GetTempPath(), $"npz-{Guid.NewGuid():N}.npz");
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
            {
                using (Stream s = zip.CreateEntry("a.npy").Open()) s.Write(good);
                using (Stream s = zip.CreateEntry("b.npy").Open()) s.Write(shortEntry);
            }
            using var host = TestHost.Create(new DensePlugin());
            Should.Throw<EndOfStreamException>(() => Np.LoadNpz(path)).Message.ShouldStartWith("archive entry 'b.npy': ");

            using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
            {
                using (Stream s = zip.CreateEntry("a.npy").Open()) s.Write(good);
                using (Stream s = zip.CreateEntry("readme.txt").Open()) s.Write("hello"u8);
            }
            Should.Throw<InvalidDataException>(() => Np.LoadNpz(path)).Message.ShouldStartWith("archive entry 'readme.txt': not a .npy file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_string_npz_entry_is_refused_naming_the_entry_as_an_object_one_is()
    {
        // np.savez(path, a=[1.0], names=['ab', 'c']): LoadNpz dropped 'names' silently but refused object entries; NumPy
        // loads both kinds (objects with allow_pickle=True). Without a string dtype, both are refused naming the entry.
        byte[] good = Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", [1.0], bigEndian: false);
        byte[] names = NpyRaw("{'descr': '<U2', 'fortran_order': False, 'shape': (2,), }",
            [.. Encoding.UTF32.GetBytes("ab"), .. Encoding.UTF32.GetBytes("c\0")]);
        string path = Path.Combine(Path.GetTempPath(), $"npz-{Guid.NewGuid():N}.npz");
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
            {
                using (Stream s = zip.CreateEntry("a.npy").Open()) s.Write(good);
                using (Stream s = zip.CreateEntry("names.npy").Open()) s.Write(names);
            }
            using var host = TestHost.Create(new DensePlugin());
            string message = Should.Throw<InvalidDataException>(() => Np.LoadNpz(path)).Message;
            message.ShouldStartWith("archive entry 'names.npy': the .npy array holds strings (descr '<U2', shape (2,)), and arrays here hold numbers only");
            message.ShouldContain("NpyArchive.Read(path).Strings");
            // The archive reader gives short strings only: two strings were run together as "abc".
            Should.Throw<InvalidDataException>(() => NpyArchive.Read(path)).Message.ShouldContain("holds 2 strings (shape (2,), dtype '<U2'), not one");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] NpyRaw(string dict, byte[] data)
    {
        string header = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        ms.Write(data);
        return ms.ToArray();
    }

    [Fact]
    public void Loading_a_directory_says_it_is_a_directory()
    {
        using var host = TestHost.Create(new DensePlugin());
        string dir = Path.GetTempPath();
        Should.Throw<IOException>(() => Np.Load(dir)).Message.ShouldContain("Is a directory");
        Should.Throw<IOException>(() => Np.LoadNpz(dir)).Message.ShouldContain("Is a directory");
    }

    private static string TempFile(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"npy-{Guid.NewGuid():N}.npy");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Npy(string dict, double[] values, bool bigEndian)
    {
        string header = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        Span<byte> eight = stackalloc byte[8];
        foreach (double v in values)
        {
            if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(eight, v);
            else BinaryPrimitives.WriteDoubleLittleEndian(eight, v);
            ms.Write(eight);
        }
        return ms.ToArray();
    }
}
