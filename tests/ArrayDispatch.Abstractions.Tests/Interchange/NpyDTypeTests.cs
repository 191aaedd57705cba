using System.Numerics;
using ArrayDispatch.Interchange;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Interchange;

/// <summary>
/// <c>.npy</c> files of every dtype, both byte orders and both memory orders, as <c>numpy.save</c> wrote them
/// (<c>tests/fixtures/dtypes/npy</c>, from <c>tests/fixtures/dtypes/generate.py</c>): each reads as its dtype with NumPy's
/// values, and writing it back with the same options gives NumPy's bytes.
/// </summary>
public sealed class NpyDTypeTests
{
    public static TheoryData<string, string, string> Files()
    {
        var data = new TheoryData<string, string, string>();
        foreach (DType d in DTypes.All)
        {
            foreach (string order in d.ItemSize() == 1 ? new[] { "le" } : ["le", "be"])
            {
                data.Add(d.Name(), order, "C");
                data.Add(d.Name(), order, "F");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_numpy_file_reads_as_its_dtype_with_numpys_values(string dtype, string order, string memory)
    {
        HostBuffer b = NpyFormat.Read(Path(dtype, order, memory));
        DType d = DTypes.Parse(dtype);
        b.DType.ShouldBe(d);
        b.Shape.ShouldBe(new Shape(2, 3));
        Array values = b.ToContiguousArray();
        for (int i = 0; i < 6; i++) values.GetValue(i).ShouldBe(Expected(d, i - 2), $"element {i}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Writing_with_the_files_options_gives_numpys_bytes(string dtype, string order, string memory)
    {
        byte[] numpy = File.ReadAllBytes(Path(dtype, order, memory));
        HostBuffer b = NpyFormat.Read(new MemoryStream(numpy));
        Write(b, order == "be", memory == "F").ShouldBe(numpy);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Any_layout_writes_in_any_order(string dtype, string order, string memory)
    {
        // The C-ordered little-endian array written big-endian or in Fortran order is NumPy's file of that kind.
        HostBuffer c = NpyFormat.Read(Path(dtype, "le", "C"));
        Write(c, order == "be", memory == "F").ShouldBe(File.ReadAllBytes(Path(dtype, order, memory)));
    }

    private static byte[] Write(HostBuffer b, bool bigEndian, bool fortran)
    {
        var stream = new MemoryStream();
        NpyFormat.Write(stream, b, bigEndian, fortran);
        return stream.ToArray();
    }

    // Each arm is boxed by itself: a switch of numeric types would otherwise convert them all to Complex.
    // The generator's values: -2 .. 3 (wrapped for unsigned types), halves for floats, x/2 + xj for complex.
    private static object Expected(DType d, long x) => d switch
    {
        DType.Bool => (object)(x % 2 == 0),
        DType.Float16 or DType.Float32 or DType.Float64 => Box(d, Scalar.Float(x * 0.5)),
        DType.Complex64 or DType.Complex128 => Box(d, Scalar.Complex(x * 0.5, x)),
        _ => Box(d, Scalar.Integer(x)),
    };

    private static object Box(DType d, Scalar s) => d switch
    {
        DType.Int8 => (object)s.As<sbyte>(),
        DType.Int16 => (object)s.As<short>(),
        DType.Int32 => (object)s.As<int>(),
        DType.Int64 => (object)s.As<long>(),
        DType.UInt8 => (object)s.As<byte>(),
        DType.UInt16 => (object)s.As<ushort>(),
        DType.UInt32 => (object)s.As<uint>(),
        DType.UInt64 => (object)s.As<ulong>(),
        DType.Float16 => (object)s.As<Half>(),
        DType.Float32 => (object)s.As<float>(),
        DType.Float64 => (object)s.As<double>(),
        DType.Complex64 => (object)s.As<Complex64>(),
        _ => (object)s.As<Complex>(),
    };

    private static string Path(string dtype, string order, string memory)
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Plugins.sln")))
                return System.IO.Path.Combine(d.FullName, "tests", "fixtures", "dtypes", "npy", $"{dtype}_{order}_{memory}.npy");
        }
        throw new DirectoryNotFoundException($"no Plugins.sln above {AppContext.BaseDirectory}");
    }
}
