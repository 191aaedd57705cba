using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Issue #21: <c>.npy</c> files above <see cref="NpyFormat.ChunkBytes"/> save and load a chunk at a time straight from and
/// into a Dense array's storage (no whole-array copy, no 2^31 limit). Here the chunk size is set small so that small
/// arrays take that path; the 3e9-element case is in <see cref="NativeStorageTests"/>.
/// </summary>
public sealed class NpyStreamingTests
{
    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"npy-stream-{Guid.NewGuid():N}.npy");

    /// <summary>Sets the chunk size for one test (tests of this class run one at a time; the size never changes results).</summary>
    private sealed class SmallChunks : IDisposable
    {
        private readonly int _previous = NpyFormat.ChunkBytes;

        public SmallChunks(int bytes) => NpyFormat.ChunkBytes = bytes;

        public void Dispose() => NpyFormat.ChunkBytes = _previous;
    }

    [Fact]
    public void Chunked_save_writes_the_bytes_of_the_whole_buffer_writer_and_loads_back()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(1004);   // 1000 bytes of float64 a chunk: 24 chunks
        double[] values = Enumerable.Range(0, 3000).Select(i => i * 0.5 - 7).ToArray();
        using NDArray a = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(3, 1000)));
        string path = TempPath();
        try
        {
            Np.Save(path, a);
            var expected = new MemoryStream();
            NpyFormat.Write(expected, a.ToHost());
            File.ReadAllBytes(path).ShouldBe(expected.ToArray());

            using NDArray b = Np.Load(path);
            b.ShouldBeOfType<DenseArray>();
            b.Shape.ShouldBe(new Shape(3, 1000));
            b.ToHost().ToContiguous<double>().ShouldBe(values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunked_save_of_a_transposed_view_writes_it_in_fortran_order_as_numpy_save_does()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(1000);
        long[] values = Enumerable.Range(0, 3000).Select(i => (long)i * 1_000_003).ToArray();
        using NDArray a = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(3, 1000)));
        using NDArray t = Np.Transpose(a);
        ((DenseArray)t).IsCContiguous.ShouldBeFalse();
        string path = TempPath();
        try
        {
            Np.Save(path, t);
            var expected = new MemoryStream();
            // np.save of a C array's transpose (F-contiguous): 'fortran_order': True, the data as it lies (it wrote C order)
            NpyFormat.Write(expected, t.ToHost(), bigEndian: false, fortranOrder: true);
            File.ReadAllBytes(path).ShouldBe(expected.ToArray());
            using NDArray b = Np.Load(path);
            b.Shape.ShouldBe(new Shape(1000, 3));
            b.ToHost().ToContiguous<long>().ShouldBe(t.ToHost().ToContiguous<long>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunked_load_of_a_big_endian_fortran_ordered_complex_file_gives_numpy_values_as_a_fortran_view()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(1004);   // 992 bytes of complex128 a chunk: the last chunk is partial
        Complex[] values = Enumerable.Range(0, 3000).Select(i => new Complex(i, -2.5 * i)).ToArray();
        string path = TempPath();
        try
        {
            using (FileStream stream = File.Create(path))
            {
                NpyFormat.Write(stream, HostBuffer.FromContiguous(values, new Shape(3, 1000)), bigEndian: true, fortranOrder: true);
            }

            using NDArray b = Np.Load(path);
            var dense = b.ShouldBeOfType<DenseArray>();
            dense.Shape.ShouldBe(new Shape(3, 1000));
            dense.Strides.ToArray().ShouldBe([1L, 3L]);                       // as NumPy: a Fortran-ordered view, not reordered
            b.ToHost().ToContiguous<Complex>().ShouldBe(values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunked_save_of_a_fortran_ordered_array_writes_it_as_it_lies_with_fortran_order_true()
    {
        // Above the chunk size, a Fortran-ordered array was copied to C order and written 'fortran_order': False.
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(1000);
        string path = TempPath();
        try
        {
            using NDArray f = Np.Copy(Np.Arange(3000.0).Reshape(3, 1000), MemoryOrder.F);
            Np.Save(path, f);
            byte[] bytes = File.ReadAllBytes(path);
            System.Text.Encoding.ASCII.GetString(bytes, 10, 118).TrimEnd().ShouldBe("{'descr': '<f8', 'fortran_order': True, 'shape': (3, 1000), }");
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes.AsSpan(128, 32)).ToArray().ShouldBe([0.0, 1000, 2000, 1]);
            using NDArray back = Np.Load(path);
            Np.IsFortran(back).ShouldBeTrue();
            back.ToArray<double>().ShouldBe(Enumerable.Range(0, 3000).Select(i => (double)i).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunked_round_trip_of_a_native_uint8_array_with_a_partial_last_chunk()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(4096);
        const int n = 1_500_007;
        byte[] values = Enumerable.Range(0, n).Select(i => (byte)(i * 31 + i / 251)).ToArray();
        using var a = (DenseArray)Np.Empty(new Shape(n), DType.UInt8);
        a.IsNative.ShouldBeTrue();
        values.CopyTo(a.AsSpan<byte>());
        string path = TempPath();
        try
        {
            Np.Save(path, a);
            new FileInfo(path).Length.ShouldBe(128 + n);

            using var b = (DenseArray)Np.Load(path);
            b.IsNative.ShouldBeTrue();
            b.AsSpan<byte>().SequenceEqual(values).ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunked_npz_save_writes_numpy_savez_entries_and_loads_each_array_back()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var chunks = new SmallChunks(1000);
        double[] big = Enumerable.Range(0, 3000).Select(i => i * 0.25 - 9).ToArray();
        using NDArray a = Np.AsArray(HostBuffer.FromContiguous(big, new Shape(3, 1000)));
        using NDArray t = Np.Transpose(a);                                          // F-contiguous: streams as it lies, as NumPy's save
        using NDArray small = Np.AsArray(HostBuffer.FromContiguous(new[] { 1, 2, 3 }, new Shape(3)));
        string path = Path.ChangeExtension(TempPath(), ".npz");
        try
        {
            Np.SaveNpz(path, new Dictionary<string, NDArray> { ["a"] = a, ["t"] = t, ["small"] = small });

            using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(path)))
            {
                zip.Entries.Select(e => e.FullName).ShouldBe(["a.npy", "t.npy", "small.npy"]);
                foreach ((string name, NDArray x) in new[] { ("a", a), ("t", t), ("small", small) })
                {
                    var written = new MemoryStream();
                    using (Stream s = zip.GetEntry(name + ".npy")!.Open()) s.CopyTo(written);
                    var expected = new MemoryStream();
                    NpyFormat.Write(expected, x.ToHost(), bigEndian: false, fortranOrder: Np.IsFortran(x));   // numpy.savez stores numpy.save's bytes
                    written.ToArray().ShouldBe(expected.ToArray());
                }
            }

            IReadOnlyDictionary<string, NDArray> loaded = Np.LoadNpz(path);
            try
            {
                loaded.Keys.ShouldBe(["a", "t", "small"], ignoreOrder: true);
                loaded["a"].ShouldBeOfType<DenseArray>().Shape.ShouldBe(new Shape(3, 1000));
                loaded["a"].ToHost().ToContiguous<double>().ShouldBe(big);
                loaded["t"].Shape.ShouldBe(new Shape(1000, 3));
                loaded["t"].ToHost().ToContiguous<double>().ShouldBe(t.ToHost().ToContiguous<double>());
                loaded["small"].ToHost().ToContiguous<int>().ShouldBe([1, 2, 3]);
            }
            finally
            {
                foreach (NDArray x in loaded.Values) x.Dispose();
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_npz_save_that_fails_on_an_array_leaves_no_half_written_file()
    {
        using var host = TestHost.Create(new DensePlugin());
        using NDArray good = Np.AsArray(HostBuffer.FromContiguous(new[] { 1.0, 2.0 }, new Shape(2)));
        string path = Path.ChangeExtension(TempPath(), ".npz");
        try
        {
            Should.Throw<InvalidOperationException>(() => Np.SaveNpz(path, new Dictionary<string, NDArray> { ["good"] = good, ["bad"] = new UnexportableArray() }));
            File.Exists(path).ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class UnexportableArray : NDArray
    {
        public override Shape Shape => new(2);
        public override DType DType => DType.Float64;
        public override HostBuffer ToHost() => throw new InvalidOperationException("this array cannot leave its device");
    }
}
