using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Chunked passes every dtype through to its chunk backend: the lazy result's dtype is the one the chunk backend gives
/// (NumPy's promotion), and the values are the chunk backend's.
/// </summary>
public sealed class DTypeTests
{
    private static NDArray Chunk(NDArray dense, params int[] chunks) => Np.AsArray(dense, backend: "Chunked", chunks: chunks);

    [Fact]
    public void Uint8_arithmetic_stays_uint8_and_wraps_chunk_by_chunk()
    {
        using TestHost host = Create();
        NDArray d = Np.AsArray(new byte[] { 250, 1, 2, 3, 255, 7, 8 }, backend: "Dense");
        NDArray x = Chunk(d, 3);
        NDArray r = Np.Add(x, 10L);
        r.DType.ShouldBe(DType.UInt8);
        Np.AsArray(r, backend: "Dense").ToArray<byte>().ShouldBe([4, 11, 12, 13, 9, 17, 18]);
    }

    [Fact]
    public void Int8_plus_uint8_promotes_to_int16_and_sums_accumulate_in_int64()
    {
        using TestHost host = Create();
        NDArray a = Chunk(Np.AsArray(new sbyte[] { -1, 100, 127, -128 }, backend: "Dense"), 2);
        NDArray b = Chunk(Np.AsArray(new byte[] { 200, 100, 1, 0 }, backend: "Dense"), 2);
        NDArray s = Np.Add(a, b);
        s.DType.ShouldBe(DType.Int16);
        Np.AsArray(s, backend: "Dense").ToArray<short>().ShouldBe([199, 200, 128, -128]);
        NDArray total = Np.Sum(a);
        total.DType.ShouldBe(DType.Int64);
        Np.AsArray(total, backend: "Dense").Item<long>().ShouldBe(98);
    }

    [Fact]
    public void Complex_element_wise_functions_run_chunk_by_chunk_on_the_chunk_backend()
    {
        using TestHost host = Create();
        var values = new System.Numerics.Complex[] { new(-4, 0), new(-4, -0.0), new(3, 4), new(0, 2), new(1, -1), new(-0.5, 2.5), new(7, 0) };
        NDArray dense = Np.AsArray(values, backend: "Dense");
        NDArray x = Chunk(dense, 3);
        NDArray root = Np.Sqrt(Np.Multiply(x, Np.Conj(x)));
        root.DType.ShouldBe(DType.Complex128);
        Np.AsArray(root, backend: "Dense").ToArray<System.Numerics.Complex>().ShouldBe(Np.Sqrt(Np.Multiply(dense, Np.Conj(dense))).ToArray<System.Numerics.Complex>());
        NDArray branch = Np.Sqrt(x);
        Np.AsArray(branch, backend: "Dense").ToArray<System.Numerics.Complex>().ShouldBe(Np.Sqrt(dense).ToArray<System.Numerics.Complex>());
        Np.AsArray(branch, backend: "Dense").ToArray<System.Numerics.Complex>()[..2].ShouldBe([new(0, 2), new(0, -2)]);
        NDArray magnitude = Np.Abs(Np.AsType(x, DType.Complex64));
        magnitude.DType.ShouldBe(DType.Float32);
        Np.AsArray(magnitude, backend: "Dense").ToArray<float>()[2].ShouldBe(5f);
    }

    [Fact]
    public void Float16_astype_and_max_pass_through()
    {
        using TestHost host = Create();
        NDArray x = Chunk(Np.AsArray(new[] { 1.5, -2.25, 7.0, 0.5 }, backend: "Dense"), 2);
        NDArray h = Np.AsType(x, DType.Float16);
        h.DType.ShouldBe(DType.Float16);
        Np.Max(h).DType.ShouldBe(DType.Float16);
        Np.AsArray(Np.Max(h), backend: "Dense").Item<Half>().ShouldBe((Half)7);
    }

    [Fact]
    public void Float16_mean_and_var_agree_with_the_chunk_backend()
    {
        using TestHost host = Create();
        double[] values = [0.1, 0.2, 0.3, 1000.5, 2.25, -7.0, 3.0];
        NDArray dense = Np.AsType(Np.AsArray(values, backend: "Dense"), DType.Float16);
        NDArray x = Chunk(dense, 3);
        Np.Mean(x).DType.ShouldBe(DType.Float16);
        Np.AsArray(Np.Mean(x), backend: "Dense").Item<Half>().ShouldBe(Np.Mean(dense).Item<Half>());
        Np.AsArray(Np.Var(x), backend: "Dense").Item<Half>().ShouldBe(Np.Var(dense).Item<Half>());
    }

    [Fact]
    public void From_npy_reads_a_big_endian_int16_file()
    {
        using TestHost host = Create();
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.npy");
        NDArray d = Np.AsArray(new short[] { -3, 1000, 7, -32768, 32767, 0 }, backend: "Dense");
        using (FileStream f = File.Create(path)) NpyFormat.Write(f, d.ToHost(), bigEndian: true, fortranOrder: false);
        try
        {
            NDArray x;
            using (Np.UseBackend("Chunked"))
            {
                x = Np.Call("chunked.from_npy", [], new Dictionary<string, object?> { ["path"] = path, ["chunks"] = new[] { 4 } })[0];
            }
            x.DType.ShouldBe(DType.Int16);
            Np.AsArray(x, backend: "Dense").ToArray<short>().ShouldBe([-3, 1000, 7, -32768, 32767, 0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
