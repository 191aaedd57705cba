using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>How Sparse meets foreign arrays: only through <see cref="NDArray.ToHost"/> of host-resident arrays, never by type.</summary>
internal static class HostInterop
{
    /// <summary>
    /// NEP 18's <c>types</c> check: every type is a Sparse type, or the type of an argument that is host-resident (so its
    /// <see cref="NDArray.ToHost"/> is cheap, e.g. a Dense array). At least one argument must be sparse.
    /// </summary>
    public static bool Accepts(ReadOnlySpan<Type> types, NDArray? a, NDArray? b = null, NDArray? c = null)
    {
        if (a is not SparseArray && b is not SparseArray && c is not SparseArray) return false;
        foreach (Type t in types)
        {
            if (typeof(SparseArray).IsAssignableFrom(t)) continue;
            if (IsReadable(a, t) || IsReadable(b, t) || IsReadable(c, t)) continue;
            return false;
        }
        return true;
    }

    /// <summary>The list form of <see cref="Accepts(ReadOnlySpan{Type}, NDArray?, NDArray?, NDArray?)"/>.</summary>
    public static bool AcceptsAll(ReadOnlySpan<Type> types, NDArray[] arrays)
    {
        bool anySparse = false;
        foreach (NDArray a in arrays) anySparse |= a is SparseArray;
        if (!anySparse) return false;
        foreach (Type t in types)
        {
            if (typeof(SparseArray).IsAssignableFrom(t)) continue;
            bool ok = false;
            foreach (NDArray a in arrays) ok |= IsReadable(a, t);
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>
    /// The check for the plugin's own <c>sparse.*</c> functions, which no other backend implements: every type is a
    /// Sparse type or that of a host-resident argument; no argument needs to be sparse (<c>sparse.kron(dense, dense)</c>).
    /// Null entries (SciPy's <c>None</c> blocks) are skipped.
    /// </summary>
    public static bool AcceptsReadable(ReadOnlySpan<Type> types, NDArray?[] arrays)
    {
        foreach (Type t in types)
        {
            if (typeof(SparseArray).IsAssignableFrom(t)) continue;
            bool ok = false;
            foreach (NDArray? a in arrays) ok |= IsReadable(a, t);
            if (!ok) return false;
        }
        return true;
    }

    private static bool IsReadable(NDArray? x, Type t) => x is not null && x.GetType() == t && x.IsHostResident;

    /// <summary>The elements of a host-resident array (or a sparse one, densified) as a C-ordered <typeparamref name="T"/>[]; aliases when possible.</summary>
    public static T[] Read<T>(NDArray x) where T : unmanaged, INumberBase<T> => Read<T>(x is SparseArray s ? s.ToHostManaged() : x.ToHost());

    /// <summary>The elements of a buffer as a C-ordered <typeparamref name="T"/>[], converting the dtype; aliases when possible.</summary>
    public static T[] Read<T>(HostBuffer buffer) where T : unmanaged, INumberBase<T>
    {
        if (buffer.DType == DTypes.Of<T>()) return buffer.ToContiguous<T>(mayAlias: true);
        return ArrayOps.As<T>(ReadUntyped(buffer));
    }

    /// <summary>The elements of a buffer in C order as an untyped array of its dtype (aliasing when contiguous).</summary>
    public static Array ReadUntyped(HostBuffer buffer) => buffer.ToContiguousArray(mayAlias: true);

    /// <summary>
    /// A host buffer over <c>asarray</c>'s source: a buffer, a foreign array's export, or a .NET array (multi-dimensional
    /// arrays keep their shape).
    /// </summary>
    /// <exception cref="ArgumentException">The source is none of these, or its element type has no dtype.</exception>
    public static HostBuffer FromSource(object source) => source switch
    {
        HostBuffer b => b,
        SparseArray s => s.ToHostManaged(),
        NDArray a => a.ToHost(),
        Array arr => FromDotNetArray(arr),
        _ => throw new ArgumentException($"cannot make a sparse array from {source.GetType().Name}; pass an array of any backend, a .NET array or a HostBuffer", nameof(source)),
    };

    private static HostBuffer FromDotNetArray(Array arr)
    {
        Type element = arr.GetType().GetElementType()!;
        DType dtype = DTypes.All.FirstOrDefault(d => d.ClrType() == element, (DType)255);
        if (dtype == (DType)255)
        {
            throw new ArgumentException($"no dtype stores .NET elements of type {element.Name}; use bool, sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double, Complex64 or Complex", "source");
        }
        SparseDTypes.Require(dtype, "asarray");
        var dims = new int[arr.Rank];
        for (int i = 0; i < arr.Rank; i++) dims[i] = arr.GetLength(i);
        var shape = new Shape(dims);
        Array flat = ArrayOps.Allocate(dtype, arr.Length);
        if (arr.Rank == 1) Array.Copy(arr, flat, arr.Length);
        else
        {
            int k = 0;
            foreach (object? v in arr) flat.SetValue(v, k++);
        }
        return new HostBuffer(flat, dtype, shape, shape.ContiguousStrides());
    }
}
