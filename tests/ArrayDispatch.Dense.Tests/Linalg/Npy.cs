using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>A minimal .npy reader for the NumPy fixtures (C order; little-endian f8/f4/i8/i4/b1), values as double.</summary>
internal sealed partial record Npy(int[] Shape, string Descr, double[] Data)
{
    public static Npy Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
            throw new InvalidDataException($"{path} is not a .npy file");
        int major = bytes[6];
        int headerLen = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        int start = major == 1 ? 10 : 12;
        string header = Encoding.Latin1.GetString(bytes, start, headerLen);
        string descr = DescrRegex().Match(header).Groups[1].Value;
        if (header.Contains("'fortran_order': True", StringComparison.Ordinal)) throw new NotSupportedException("fortran order");
        string shapeText = ShapeRegex().Match(header).Groups[1].Value;
        int[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
        int count = shape.Aggregate(1, (a, b) => a * b);
        ReadOnlySpan<byte> body = bytes.AsSpan(start + headerLen);
        var data = new double[count];
        for (int i = 0; i < count; i++)
            data[i] = descr switch
            {
                "<f8" => BinaryPrimitives.ReadDoubleLittleEndian(body[(8 * i)..]),
                "<f4" => BinaryPrimitives.ReadSingleLittleEndian(body[(4 * i)..]),
                "<i8" => BinaryPrimitives.ReadInt64LittleEndian(body[(8 * i)..]),
                "<i4" => BinaryPrimitives.ReadInt32LittleEndian(body[(4 * i)..]),
                "|b1" => body[i],
                _ => throw new NotSupportedException($"dtype {descr} in {path}"),
            };
        return new Npy(shape, descr, data);
    }

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
