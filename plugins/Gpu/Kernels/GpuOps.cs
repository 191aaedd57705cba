namespace ArrayDispatch.Gpu;

/// <summary>The array-level building blocks handlers use: allocation, casts, copies and element-wise launches.</summary>
internal static class GpuOps
{
    public static GpuArray Empty(GpuRuntime runtime, Shape shape, DType dtype) =>
        new(GpuStorage.Allocate(runtime, dtype, shape.Size), shape, shape.ContiguousStrides(), 0);

    /// <summary>A 0-d array holding <paramref name="value"/> converted to <paramref name="dtype"/>.</summary>
    public static GpuArray Scalar(GpuRuntime runtime, Scalar value, DType dtype)
    {
        GpuArray z = Empty(runtime, Shape.Scalar, dtype);
        Creation.FillWith(z, value);
        return z;
    }

    /// <summary><paramref name="x"/> as <paramref name="dtype"/>: the array itself (a new reference) when it already is, else a converted copy.</summary>
    public static GpuArray Cast(GpuArray x, DType dtype) => x.DType == dtype ? x.View(x.Shape, [.. x.StrideSpan], x.Offset) : Convert(x, dtype);

    /// <summary>A C-contiguous copy of <paramref name="x"/> converted to <paramref name="dtype"/>.</summary>
    public static GpuArray Convert(GpuArray x, DType dtype)
    {
        GpuArray z = Empty(x.Runtime, x.Shape, dtype);
        CopyInto(x, z);
        return z;
    }

    /// <summary>A C-contiguous copy.</summary>
    public static GpuArray Copy(GpuArray x) => Convert(x, x.DType);

    /// <summary>The array itself (a new reference) when C-contiguous, else a contiguous copy.</summary>
    public static GpuArray Contiguous(GpuArray x) => x.IsContiguous ? x.View(x.Shape, [.. x.StrideSpan], x.Offset) : Copy(x);

    /// <summary>Writes <paramref name="source"/>, broadcast and converted, into <paramref name="destination"/> (any view).</summary>
    public static void CopyInto(GpuArray source, GpuArray destination)
    {
        Shape shape = destination.Shape;
        if (Shape.Broadcast(source.Shape, shape) != shape)
        {
            throw NumPyErrors.CannotBroadcastInput(source.Shape, shape);
        }
        Type op = source.DType == destination.DType
            ? typeof(IdentityOp<>).MakeGenericType(StorageTypes.Of(source.DType))
            : typeof(ConvertOp<,,,>).MakeGenericType(StorageTypes.Of(source.DType), StorageTypes.Of(destination.DType),
                StorageTypes.ElementOf(source.DType), StorageTypes.ElementOf(destination.DType));
        Launchers.Unary(op)(source, source.LayoutFor(shape), destination, destination.LayoutFor(shape), shape.Size);
    }

    /// <summary>Applies a unary operator family (e.g. <c>typeof(ExpOp&lt;&gt;)</c>) computing in <paramref name="compute"/>.</summary>
    /// <remarks>float16 runs the family's float32 operator and rounds a float result once (see <see cref="HalfBits"/>).</remarks>
    public static GpuArray Map(Type opFamily, GpuArray x, DType compute, GpuArray? @out = null)
    {
        if (compute != DType.Float16) return MapWith(opFamily.MakeGenericType(StorageTypes.Of(compute)), x, compute, @out);
        GpuArray wide = Map(opFamily, x, DType.Float32);
        if (wide.DType != DType.Float32) return Deliver(wide, @out);
        using (wide) return Deliver(Convert(wide, DType.Float16), @out);
    }

    /// <summary>Applies a closed unary operator (its element types fixed), computing in <paramref name="compute"/>.</summary>
    public static GpuArray MapWith(Type op, GpuArray x, DType compute, GpuArray? @out = null)
    {
        using GpuArray input = Cast(x, compute);
        GpuArray z = Empty(x.Runtime, x.Shape, Launchers.OutputOf(op));
        Launchers.Unary(op)(input, input.LayoutFor(x.Shape), z, Layout.Dense(), x.Shape.Size);
        return Deliver(z, @out);
    }

    /// <summary>Applies a binary operator family with broadcasting, computing in <paramref name="compute"/>.</summary>
    public static GpuArray Zip(Type opFamily, GpuArray x, GpuArray y, DType compute, GpuArray? @out = null)
    {
        if (compute != DType.Float16) return ZipWith(opFamily.MakeGenericType(StorageTypes.Of(compute)), x, y, compute, @out);
        GpuArray wide = Zip(opFamily, x, y, DType.Float32);
        if (wide.DType != DType.Float32) return Deliver(wide, @out);
        using (wide) return Deliver(Convert(wide, DType.Float16), @out);
    }

    /// <summary>Applies a closed binary operator (its element types fixed) with broadcasting, computing in <paramref name="compute"/>.</summary>
    public static GpuArray ZipWith(Type op, GpuArray x, GpuArray y, DType compute, GpuArray? @out = null)
    {
        Shape shape = Shape.Broadcast(x.Shape, y.Shape);
        using GpuArray a = Cast(x, compute);
        using GpuArray b = Cast(y, compute);
        GpuArray z = Empty(x.Runtime, shape, Launchers.OutputOf(op));
        Launchers.Binary(op)(a, a.LayoutFor(shape), b, b.LayoutFor(shape), z, Layout.Dense(), shape.Size);
        return Deliver(z, @out);
    }

    /// <summary>Applies a ternary operator with broadcasting; the first operand is cast to <paramref name="firstDType"/>, the others to <paramref name="compute"/>.</summary>
    public static GpuArray Ternary(Type op, GpuArray a, GpuArray b, GpuArray c, DType compute, DType firstDType)
    {
        Shape shape = Shape.Broadcast(Shape.Broadcast(a.Shape, b.Shape), c.Shape);
        using GpuArray ca = Cast(a, firstDType);
        using GpuArray cb = Cast(b, compute);
        using GpuArray cc = Cast(c, compute);
        GpuArray z = Empty(a.Runtime, shape, compute);
        Launchers.Ternary(op)(ca, ca.LayoutFor(shape), cb, cb.LayoutFor(shape), cc, cc.LayoutFor(shape), z, shape.Size);
        return z;
    }

    /// <summary>Returns <paramref name="z"/>, or copies it into <paramref name="out"/> (NumPy's <c>out=</c>) and returns that.</summary>
    private static GpuArray Deliver(GpuArray z, GpuArray? @out)
    {
        if (@out is null) return z;
        using (z)
        {
            @out.ThrowIfReadOnly("output array");
            if (!DTypes.CanCast(z.DType, @out.DType, Casting.SameKind))
            {
                throw new DTypeMismatchException($"Cannot cast ufunc output from dtype('{z.DType.Name()}') to dtype('{@out.DType.Name()}') with casting rule 'same_kind'", "out");
            }
            if (!Shape.TryBroadcast(z.Shape, @out.Shape, out Shape joint) || joint != @out.Shape)   // an out of more dimensions takes the result broadcast, as NumPy's
            {
                throw new ShapeMismatchException($"non-broadcastable output operand with shape {@out.Shape} doesn't match the broadcast shape {z.Shape}", "out", @out.Shape, z.Shape);
            }
            CopyInto(z, @out);
        }
        return @out;
    }
}
