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
