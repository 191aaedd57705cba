using ArrayDispatch.Interchange;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>A fixture array read with the protocol's <see cref="NpyFormat"/>, its values as double in C order.</summary>
internal sealed record Npy(int[] Shape, double[] Data)
{
    public static Npy Read(string path)
    {
        HostBuffer b = NpyFormat.Read(path);
        double[] data = b.DType switch
        {
            DType.Float64 => b.ToContiguous<double>(),
            DType.Float32 => Array.ConvertAll(b.ToContiguous<float>(), x => (double)x),
            DType.Int64 => Array.ConvertAll(b.ToContiguous<long>(), x => (double)x),
            DType.Int32 => Array.ConvertAll(b.ToContiguous<int>(), x => (double)x),
            _ => Array.ConvertAll(b.ToContiguous<bool>(), x => x ? 1.0 : 0.0),
        };
        return new Npy(b.Shape.ToArray(), data);
    }
}
