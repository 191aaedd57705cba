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
}
