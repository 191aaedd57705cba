using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>Creation functions: <c>asarray</c>, <c>full</c>, <c>empty</c>, <c>arange</c>, <c>linspace</c>, <c>eye</c>, <c>random</c>, <c>full_like</c>, <c>meshgrid</c>, and <c>compute</c>.</summary>
public static class DenseCreation
{
    [Implements("asarray")]
    public static DispatchResult<NDArray> AsArray(in AsArrayArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray result;
        switch (args.Source)
        {
            case DenseArray dense:
                result = args.Copy ? dense.Clone() : dense;
                break;
            case NDArray foreign:
            {
                // Foreign arrays arrive through the host buffer, which may alias their storage: copy. The export is this
                // call's temporary, so a native one (Sparse densifies large arrays into the protocol's pool) goes back now.
                using HostBuffer exported = foreign.ToHost();
                result = FromBuffer(exported, copy: true);
                break;
            }
            case HostBuffer buffer:
                // A buffer may alias its exporter's storage, so it is copied unless the caller asks to share it
                // (Np.FromDLPack); a view of it then sees the exporter's writes, in any strides.
                result = FromBuffer(buffer, copy: args.Copy || !args.Placement.Option<bool>(Np.SharedMemoryOption));
                break;
            case Array array:
                result = FromArray(array, args.Copy);
                break;
            case double or float or long or int or bool or sbyte or short or byte or ushort or uint or ulong or Half or Complex64 or System.Numerics.Complex:
                result = FromScalar(args.Source);
                break;
            case System.Collections.IEnumerable sequence:
                result = FromSequence(sequence);
                break;
            default:
                throw new ArgumentException($"cannot make a dense array from {args.Source.GetType().Name}; pass an NDArray, a .NET array of a dtype's element type ({DTypeOfElement.Names}), or a HostBuffer", "source");
        }
        if (args.DType is { } dtype && dtype != result.DType) result = Copy.Cast(result, dtype);
        return result;
    }

    private static DenseArray FromBuffer(HostBuffer buffer, bool copy)
    {
        // A buffer a Dense array exported from native storage: a view of that storage (no copy of the native elements).
        var view = buffer.Owner is StorageLease lease
            ? DenseArray.OverStorage(lease.Storage, buffer.DType, buffer.Shape, (long[])buffer.Strides.Clone(), buffer.Offset)
            : new DenseArray(buffer.Data, buffer.DType, buffer.Shape, (long[])buffer.Strides.Clone(), buffer.Offset);
        return copy ? view.Clone() : view;
    }

    private static DenseArray FromArray(Array array, bool copy)
    {
        Type element = array.GetType().GetElementType()!;
        if (element.IsArray)
        {
            // NumPy reads nested lists; a jagged .NET array's rows may differ in length, so it is refused with the ways that work
            throw new DTypeMismatchException($"cannot make a dense array from a jagged array ({element.Name}[]); pass a multi-dimensional array ({element.GetElementType()!.Name}[,]) or Np.Stack its rows", "source");
        }
        if (!DTypeOfElement.TryGet(element, out DType dtype))
        {
            throw new DTypeMismatchException($"cannot make a dense array from {element.Name}[]; supported element types: {DTypeOfElement.Names}", "source");
        }
        if (array.Rank == 1)
        {
            DenseArray wrapped = DenseArray.Wrap(array, dtype, new Shape(array.Length));
            if (copy) return wrapped.Clone();
            wrapped.MarkEscaped();   // the caller keeps the array and may write it
            return wrapped;
        }
        // A multi-dimensional array's elements lie in C order; a 1-d array of the same elements is their storage.
        int[] dims = new int[array.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = array.GetLength(i);
        Array flat = Array.CreateInstance(element, array.Length);
        if (array.Length > 0) Buffer.BlockCopy(array, 0, flat, 0, array.Length * dtype.ItemSize());
        return DenseArray.Wrap(flat, dtype, new Shape(dims));
    }

    private static DenseArray FromScalar(object value)
    {
        Array one = Array.CreateInstance(value.GetType(), 1);
        one.SetValue(value, 0);
        DTypeOfElement.TryGet(value.GetType(), out DType dtype);
        return DenseArray.Wrap(one, dtype, Shape.Scalar);
    }

    private static DenseArray FromSequence(System.Collections.IEnumerable sequence)
    {
        var items = sequence.Cast<object>().ToList();
        if (items.Count == 0)
        {
            // The dtype the sequence's element type gives when it has items (an empty List<int> is int32, as a full one);
            // NumPy's float64 (np.array([])) for any other. It was bool: every item of no items is a bool.
            Type? element = sequence.GetType().GetInterfaces().Append(sequence.GetType())
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
            return element == typeof(bool) ? DenseArray.Owned(Array.Empty<bool>())
                : element == typeof(int) ? DenseArray.Owned(Array.Empty<int>())
                : element == typeof(long) ? DenseArray.Owned(Array.Empty<long>())
                : DenseArray.Owned(Array.Empty<double>());
        }
        if (items.All(o => o is double or float)) return DenseArray.Owned(items.Select(System.Convert.ToDouble).ToArray());
        if (items.All(o => o is bool)) return DenseArray.Owned(items.Cast<bool>().ToArray());
        if (items.All(o => o is int)) return DenseArray.Owned(items.Cast<int>().ToArray());
        if (items.All(o => o is int or long)) return DenseArray.Owned(items.Select(System.Convert.ToInt64).ToArray());
        if (items.All(o => o is int or long or float or double)) return DenseArray.Owned(items.Select(System.Convert.ToDouble).ToArray());
        throw new ArgumentException("cannot make a dense array from a sequence that is not all numbers or all bools", "source");
    }

    [Implements("full")]
    public static DispatchResult<NDArray> Full(in FullArgs args, ReadOnlySpan<Type> types) => Filled(args.Shape, args.DType, args.Fill);

    [Implements("empty")]
    public static DispatchResult<NDArray> Empty(in FullArgs args, ReadOnlySpan<Type> types) => DenseArray.Create(args.DType, args.Shape);

    [Implements("full_like")]
    public static DispatchResult<NDArray> FullLike(in FullLikeArgs args, ReadOnlySpan<Type> types) =>
        types.AllAre<DenseArray>() ? Filled(args.X.Shape, args.DType ?? args.X.DType, args.Fill) : NotImplemented.Value;

    /// <exception cref="OverflowException">An integer fill does not fit an integer <paramref name="dtype"/> (NumPy 2's OverflowError).</exception>
    internal static DenseArray Filled(Shape shape, DType dtype, Scalar fill)
    {
        DTypes.CheckWeakInteger(fill, dtype);
        DenseArray result = DenseArray.Create(dtype, shape);
        if (!fill.IsZero) Copy.Into(Copy.ScalarOf(fill, dtype), result);
        return result;
    }

    [Implements("arange")]
    public static DispatchResult<NDArray> Arange(in RangeArgs args, ReadOnlySpan<Type> types)
    {
        // The length, its errors and the default dtype are the protocol's (CreationRules), as every backend's arange.
        int length = CreationRules.ArangeLength(args.Start, args.Stop, args.Step);
        DType dtype = args.DType ?? CreationRules.ArangeDType(args.Start, args.Stop, args.Step);
        if (args.Start.Kind != ScalarKind.Float && args.Stop.Kind != ScalarKind.Float && args.Step.Kind != ScalarKind.Float)
        {
            // Exact in 64 bits modulo 2^64: a uint64 range above int64's reads the same bits as its wrapped int64 values.
            long start = args.Start.AsInt64, step = args.Step.AsInt64;
            DenseArray range = Fresh(new Shape(length), zero: false, out Span<long> values);
            for (int i = 0; i < values.Length; i++) values[i] = unchecked(start + i * step);
            return Copy.As(range, dtype);
        }
        double a = args.Start.AsDouble, s = args.Step.AsDouble;
        DenseArray floats = Fresh(new Shape(length), zero: false, out Span<double> data);
        for (int i = 0; i < data.Length; i++) data[i] = a + i * s;
        return Copy.As(floats, dtype);
    }

    [Implements("linspace")]
    public static DispatchResult<NDArray> Linspace(in RangeArgs args, ReadOnlySpan<Type> types)
    {
        int num = args.Num;
        if (num < 0) throw new ArgumentOutOfRangeException("num", num, $"Number of samples, {num}, must be non-negative.");
        double start = args.Start.AsDouble, stop = args.Stop.AsDouble;
        int div = args.Endpoint ? num - 1 : num;
        double delta = stop - start;
        DenseArray result = Fresh(new Shape(num), zero: true, out Span<double> y);
        if (div > 0)
        {
            double step = delta / div;
            for (int i = 0; i < num; i++) y[i] = step == 0 ? i * delta / div + start : i * step + start;
        }
        else if (num > 0) y[0] = start;
        if (args.Endpoint && num > 1) y[num - 1] = stop;
        if (args.DType is { } dtype && dtype != DType.Float64)
        {
            // NumPy floors before an integer cast.
            if (dtype.IsInteger()) for (int i = 0; i < num; i++) y[i] = Math.Floor(y[i]);
            return Copy.Cast(result, dtype);
        }
        return result;
    }

    [Implements("eye")]
    public static DispatchResult<NDArray> Eye(in EyeArgs args, ReadOnlySpan<Type> types)
    {
        if (args.N < 0 || args.M < 0) throw new ArgumentOutOfRangeException(nameof(args), $"negative dimensions are not allowed: ({args.N}, {args.M})");
        DenseArray eye = Fresh(new Shape(args.N, args.M), zero: true, out Span<double> data);
        for (int i = 0; i < args.N; i++)
        {
            int j = i + args.K;
            if (j >= 0 && j < args.M) data[(int)((long)i * args.M + j)] = 1;
        }
        return Copy.As(eye, args.DType);
    }

    [Implements("random")]
    public static DispatchResult<NDArray> Random(in RandomArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Out is null) return Draw(args);
        if (args.Out is not DenseArray output) return NotImplemented.Value;
        if (output.Shape != args.Shape)
            throw new ShapeMismatchException($"non-broadcastable output operand with shape {output.Shape} doesn't match the requested shape {args.Shape}", "out", output.Shape, args.Shape);
        if (output.DType != args.DType)
            throw new DTypeMismatchException($"out has dtype('{output.DType.Name()}') but the draw requested dtype('{args.DType.Name()}')", "out");
        if (args.Distribution == RandomDistribution.Uniform && args.DType == DType.Float64 && output.IsCContiguous)
        {
            UniformFill.Fill(output.AsSpan<double>(), args.Seed, args.Low, args.High - args.Low);
            return output;
        }
        Copy.Into(Draw(args with { Out = null }), output);
        return output;
    }

    // A new C-contiguous array that the caller fills through the span: native from 1 MB up, as every result, so a creation
    // call in a loop reuses the pool's warm pages instead of large .NET arrays the GC must find and the VM fault in again.
    private static DenseArray Fresh<T>(Shape shape, bool zero, out Span<T> span) where T : unmanaged
    {
        DenseStorage.CheckSpanLength<T>(shape.Size);
        DenseArray array = zero ? DenseArray.Create<T>(shape) : DenseArray.CreateUninitialized(DTypes.Of<T>(), shape);
        span = array.Elements<T>().AsSpan(0, (int)shape.Size);
        return array;
    }

    private static DenseArray Draw(in RandomArgs args)
    {
        var rng = new DenseRandom(args.Seed);
        long n = args.Shape.Size;
        switch (args.Distribution)
        {
            case RandomDistribution.Integers:
            {
                long low = (long)args.Low, high = (long)args.High;
                if (high <= low) throw new ArgumentException($"low >= high ({low} >= {high})", "high");
                DenseArray drawn = Fresh(args.Shape, zero: false, out Span<long> v);
                for (int i = 0; i < v.Length; i++) v[i] = low + (long)rng.NextBelow((ulong)(high - low));
                return Copy.As(drawn, args.DType);
            }
            case RandomDistribution.Permutation:
            {
                DenseArray drawn = Fresh(args.Shape, zero: false, out Span<long> v);
                for (int i = 0; i < v.Length; i++) v[i] = i;
                for (int i = v.Length - 1; i > 0; i--)
                {
                    int j = (int)rng.NextBelow((ulong)(i + 1));
                    (v[i], v[j]) = (v[j], v[i]);
                }
                return Copy.As(drawn, args.DType);
            }
            case RandomDistribution.Normal:
            {
                DenseArray drawn = Fresh(args.Shape, zero: false, out Span<double> v);
                double spare = 0;
                bool hasSpare = false;
                for (int i = 0; i < v.Length; i++) v[i] = args.Low + args.High * rng.NextNormal(ref spare, ref hasSpare);
                return Copy.As(drawn, args.DType);
            }
            default:
            {
                DenseArray drawn = Fresh(args.Shape, zero: false, out Span<double> v);
                UniformFill.Fill(v, args.Seed, args.Low, args.High - args.Low);
                return Copy.As(drawn, args.DType);
            }
        }
    }

    [Implements("meshgrid")]
    public static DispatchResult<NDArray[]> Meshgrid(in MeshgridArgs args, ReadOnlySpan<Type> types)
    {
        if (!types.AllAre<DenseArray>()) return NotImplemented.Value;
        NDArray[] xs = args.Arrays;
        (Shape shape, int[] along) = ManipulationRules.MeshgridPlan([.. xs.Select(x => x.Size)], args.MatrixIndexing);
        var result = new NDArray[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            var one = new int[xs.Length];
            Array.Fill(one, 1);
            one[along[i]] = shape.Dims[along[i]];
            DenseArray line = Views.Reshape(((DenseArray)xs[i]).EnsureContiguous(), new Shape(one));
            DenseArray grid = DenseArray.Create(line.DType, shape);
            Copy.Into(line, grid);
            result[i] = grid;
        }
        return result;
    }

    [Implements("compute")]
    public static DispatchResult<NDArray[]> Compute(in ArrayListArgs args, ReadOnlySpan<Type> types) =>
        types.AllAre<DenseArray>() ? (NDArray[])args.Arrays.Clone() : NotImplemented.Value;
}
