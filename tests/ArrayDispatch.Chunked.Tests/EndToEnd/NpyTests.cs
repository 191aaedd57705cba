using System.Text;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class NpyTests
{
    /// <summary>Writes a C-order little-endian float64 .npy file (format 1.0).</summary>
    internal static void Write(string path, double[] data, Shape shape)
    {
        string dims = shape.Rank == 1 ? $"({shape.Dims[0]},)" : shape.ToString();
        string header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': {dims}, }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var stream = File.Create(path);
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        foreach (double v in data) stream.Write(BitConverter.GetBytes(v));
    }

    [Fact]
    public void FromNpy_ReadsChunkByChunk()
    {
        using TestHost host = Create();
        NDArray d = DenseData((13, 7));
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.npy");
        Write(path, d.ToArray<double>(), d.Shape);
        try
        {
            NDArray x;
            using (Np.UseBackend("Chunked"))
            {
                x = Np.Call("chunked.from_npy", [], new Dictionary<string, object?> { ["path"] = path, ["chunks"] = new[] { 5, 3 } })[0];
            }
            x.Shape.ShouldBe(d.Shape);
            ((Arrays.ChunkedArray)x).BlockCount.ShouldBe(9);
            Values(x).ShouldBe(d.ToArray<double>());
            Values(x[4..9, 2..6]).ShouldBe(d[4..9, 2..6].ToArray<double>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromNpy_of_a_file_shorter_than_its_header_says_is_refused_not_read_as_zeros()
    {
        // A (13, 7) header over 20 elements: each chunk's region read came up short and the missing elements were 0.
        using TestHost host = Create();
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.npy");
        Write(path, new double[20], new Shape(13, 7));
        try
        {
            using (Np.UseBackend("Chunked"))
            {
                Should.Throw<EndOfStreamException>(() => Np.Call("chunked.from_npy", [], new Dictionary<string, object?> { ["path"] = path, ["chunks"] = new[] { 5, 3 } }))
                    .Message.ShouldContain("728 data bytes, 160 in the file");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromNpy_refuses_a_malformed_header_with_the_protocols_message()
    {
        using TestHost host = Create();
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.npy");
        Write(path, new double[6], new Shape(2, 3));
        byte[] bytes = File.ReadAllBytes(path);
        Encoding.ASCII.GetBytes("'<M8'").CopyTo(bytes, 20);   // 'descr': '<M8' (datetime64), where '<f8' was
        File.WriteAllBytes(path, bytes);
        try
        {
            using (Np.UseBackend("Chunked"))
            {
                Should.Throw<InvalidDataException>(() => Np.Call("chunked.from_npy", [], new Dictionary<string, object?> { ["path"] = path }))
                    .Message.ShouldContain("unsupported .npy dtype '<M8'");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
