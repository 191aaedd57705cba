using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Untyped helpers over value arrays (<c>bool[]</c>, <c>int[]</c>, <c>long[]</c>, <c>float[]</c>, <c>double[]</c>).</summary>
internal static class ArrayOps
{
    /// <summary>A new array of <paramref name="dtype"/>'s CLR type.</summary>
    public static Array Allocate(DType dtype, long length) => dtype switch
    {
        DType.Bool => new bool[length],
        DType.Int32 => new int[length],
        DType.Int64 => new long[length],
        DType.Float32 => new float[length],
        DType.Float64 => new double[length],
        _ => throw SparseDTypes.Unsupported(dtype),
    };

    /// <summary><c>source[perm[i]]</c> for every i.</summary>
    public static Array Gather(Array source, int[] perm) => source switch
    {
        double[] d => Gather(d, perm),
        float[] f => Gather(f, perm),
        long[] l => Gather(l, perm),
        int[] i => Gather(i, perm),
        bool[] b => Gather(b, perm),
        _ => throw Unsupported(source),
    };

    public static T[] Gather<T>(T[] source, int[] perm)
    {
        var result = new T[perm.Length];
        for (int i = 0; i < perm.Length; i++) result[i] = source[perm[i]];
        return result;
    }

    /// <summary>The first <paramref name="length"/> elements (the array itself when it has exactly that many).</summary>
    public static Array Truncate(Array source, int length)
    {
        if (source.Length == length) return source;
        Array result = Array.CreateInstance(source.GetType().GetElementType()!, length);
        Array.Copy(source, result, length);
        return result;
    }

    /// <summary>A copy of <paramref name="source"/>.</summary>
    public static Array Copy(Array source) => (Array)source.Clone();

    /// <summary>Converts values to <paramref name="dtype"/> with NumPy's unsafe casting (C# conversions; bool is nonzero).</summary>
    public static Array Cast(Array source, DType dtype)
    {
        if (source.GetType().GetElementType() == dtype.ClrType()) return source;
        return dtype switch
        {
            DType.Bool => CastToBool(source),
            DType.Int32 => CastNumeric<int>(source),
            DType.Int64 => CastNumeric<long>(source),
            DType.Float32 => CastNumeric<float>(source),
            DType.Float64 => CastNumeric<double>(source),
            _ => throw SparseDTypes.Unsupported(dtype),
        };
    }

    /// <summary>The values as <typeparamref name="T"/>[] (aliasing when already of that type).</summary>
    public static T[] As<T>(Array source) where T : unmanaged, INumber<T> =>
        source as T[] ?? (T[])Cast(source, DTypes.Of<T>());

    private static bool[] CastToBool(Array source) => source switch
    {
        double[] d => Array.ConvertAll(d, v => v != 0),
        float[] f => Array.ConvertAll(f, v => v != 0),
        long[] l => Array.ConvertAll(l, v => v != 0),
        int[] i => Array.ConvertAll(i, v => v != 0),
        _ => throw Unsupported(source),
    };

    private static T[] CastNumeric<T>(Array source) where T : unmanaged, INumber<T> => source switch
    {
        double[] d => Array.ConvertAll(d, v => T.CreateTruncating(v)),
        float[] f => Array.ConvertAll(f, v => T.CreateTruncating(v)),
        long[] l => Array.ConvertAll(l, v => T.CreateTruncating(v)),
        int[] i => Array.ConvertAll(i, v => T.CreateTruncating(v)),
        bool[] b => Array.ConvertAll(b, v => v ? T.One : T.Zero),
        _ => throw Unsupported(source),
    };

    /// <summary>Whether value <paramref name="i"/> is zero (false for bool).</summary>
    public static bool IsZero(Array values, int i) => values switch
    {
        double[] d => d[i] == 0,
        float[] f => f[i] == 0,
        long[] l => l[i] == 0,
        int[] n => n[i] == 0,
        bool[] b => !b[i],
        _ => throw Unsupported(values),
    };

    /// <summary>
    /// Whether value <paramref name="i"/> is a zero a sparse array may leave implicit: +0, not -0.0, whose sign NumPy's
    /// functions see (<c>signbit</c>, <c>copysign</c>, <c>1 / x</c>, <c>arctan2</c>), so a negative zero is kept as a stored
    /// value and every answer stays NumPy's. (SciPy drops it; its arrays have no signbit.)
    /// </summary>
    public static bool IsImplicitZero(Array values, int i) => values switch
    {
        double[] d => d[i] == 0 && !double.IsNegative(d[i]),
        float[] f => f[i] == 0 && !float.IsNegative(f[i]),
        _ => IsZero(values, i),
    };

    /// <summary>Value <paramref name="i"/> as a double (bool as 0/1).</summary>
    public static double GetDouble(Array values, int i) => values switch
    {
        double[] d => d[i],
        float[] f => f[i],
        long[] l => l[i],
        int[] n => n[i],
        bool[] b => b[i] ? 1 : 0,
        _ => throw Unsupported(values),
    };

    public static InvalidOperationException Unsupported(Array values) =>
        new($"a sparse array holds values of type {values.GetType().Name}, which no dtype stores. This is a bug in ArrayDispatch; please report it.");
}
