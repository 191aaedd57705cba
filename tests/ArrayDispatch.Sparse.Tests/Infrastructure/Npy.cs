using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>Reads NumPy .npy files and SciPy save_npz archives (uncompressed zips of .npy members).</summary>
public static partial class Npy
{
    public static readonly string FixtureDirectory = "/work/shared/fixtures";

    public static HostBuffer Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream);
    }

    public static HostBuffer Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        byte[] magic = reader.ReadBytes(6);
        if (magic[0] != 0x93 || Encoding.ASCII.GetString(magic, 1, 5) != "NUMPY") throw new InvalidDataException("not an .npy file");
        byte major = reader.ReadByte();
        reader.ReadByte();
        int headerLength = major == 1 ? reader.ReadUInt16() : (int)reader.ReadUInt32();
        string header = Encoding.ASCII.GetString(reader.ReadBytes(headerLength));
        string descr = DescrPattern().Match(header).Groups[1].Value;
        bool fortran = header.Contains("'fortran_order': True");
        string shapeText = ShapePattern().Match(header).Groups[1].Value;
        int[] dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        var shape = new Shape(dims);
        long n = shape.Size;
        using var data = new MemoryStream();
        stream.CopyTo(data);
        byte[] bytes = data.ToArray();
        Array values = descr switch
        {
            "<f8" => Cast<double>(bytes, n),
            "<f4" => Cast<float>(bytes, n),
            "<i8" => Cast<long>(bytes, n),
            "<i4" => Cast<int>(bytes, n),
            "|b1" => bytes.Take((int)n).Select(b => b != 0).ToArray(),
            _ when descr.StartsWith("|S", StringComparison.Ordinal) || descr.StartsWith("<U", StringComparison.Ordinal) => throw new NotSupportedException(descr),
            _ => throw new InvalidDataException($"dtype '{descr}' is not supported"),
        };
        long[] strides = shape.ContiguousStrides();
        if (fortran)
        {
            long stride = 1;
            for (int a = 0; a < dims.Length; a++) { strides[a] = stride; stride *= Math.Max(dims[a], 1); }
        }
        return new HostBuffer(values, DTypeOf(values), shape, strides);
    }

    /// <summary>A SciPy npz: (format, shape, data, indices, indptr) or (format "coo", shape, data, row, col).</summary>
    public static SparseArray ReadNpz(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        HostBuffer Member(string name)
        {
            using Stream s = zip.GetEntry(name + ".npy")!.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            copy.Position = 0;
            return Read(copy);
        }
        string format = ReadString(zip.GetEntry("format.npy")!);
        long[] shapeValues = Member("shape").ToContiguous<long>();
        var shape = new Shape(shapeValues.Select(v => (int)v).ToArray());
        Array data = Member("data").Data;
        int[] AsInt(HostBuffer b) => b.DType == DType.Int32 ? b.ToContiguous<int>() : b.ToContiguous<long>().Select(v => (int)v).ToArray();
        return format switch
        {
            "csr" => CsrArray.FromCompressed(data, AsInt(Member("indices")), AsInt(Member("indptr")), shape),
            "csc" => CscArray.FromCompressed(data, AsInt(Member("indices")), AsInt(Member("indptr")), shape),
            "coo" => CooArray.FromTriplets(data, AsInt(Member("row")), AsInt(Member("col")), shape),
            _ => throw new NotSupportedException($"npz format '{format}'"),
        };
    }

    private static string ReadString(ZipArchiveEntry entry)
    {
        using Stream s = entry.Open();
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        // The payload after the header: a fixed-width byte or UCS-4 string.
        int headerLength = bytes[6] == 1 ? BitConverter.ToUInt16(bytes, 8) + 10 : BitConverter.ToInt32(bytes, 8) + 12;
        string header = Encoding.ASCII.GetString(bytes, 0, headerLength);
        byte[] payload = bytes[headerLength..];
        string text = header.Contains("<U") ? Encoding.UTF32.GetString(payload) : Encoding.ASCII.GetString(payload);
        return text.TrimEnd('\0');
    }

    private static T[] Cast<T>(byte[] bytes, long n) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes.AsSpan())[..(int)n].ToArray();

    private static DType DTypeOf(Array values) => values switch
    {
        double[] => DType.Float64,
        float[] => DType.Float32,
        long[] => DType.Int64,
        int[] => DType.Int32,
        _ => DType.Bool,
    };

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
