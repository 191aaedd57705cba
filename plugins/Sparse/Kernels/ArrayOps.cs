using System.Numerics;
using ArrayDispatch.Scalars;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Untyped helpers over value arrays (<c>bool[]</c> and the array of every numeric dtype, <c>sbyte[]</c> … <c>double[]</c>,
/// <c>Half[]</c>, <c>Complex64[]</c>, <c>Complex[]</c>). Numbers are handled by one generic path over
/// <see cref="INumberBase{TSelf}"/>, which real and complex element types share.
/// </summary>
internal static class ArrayOps
{
    /// <summary>A new array of <paramref name="dtype"/>'s CLR type.</summary>
    public static Array Allocate(DType dtype, long length) => Array.CreateInstance(SparseDTypes.Require(dtype).ClrType(), length);

    /// <summary>
    /// Calls <paramref name="function"/> with the values typed by their exact element type. (A type test cannot tell them
    /// apart: the runtime lets a uint[] pass as an int[], a ulong[] as a long[], a byte[] as an sbyte[].)
    /// </summary>
    public static TResult Visit<TF, TResult>(Array values, TF function) where TF : IValuesFunction<TResult>
    {
        Type e = values.GetType().GetElementType()!;
        if (e == typeof(double)) return function.Number((double[])values);
        if (e == typeof(float)) return function.Number((float[])values);
        if (e == typeof(long)) return function.Number((long[])values);
        if (e == typeof(int)) return function.Number((int[])values);
        if (e == typeof(bool)) return function.Bool((bool[])values);
        if (e == typeof(sbyte)) return function.Number((sbyte[])values);
        if (e == typeof(short)) return function.Number((short[])values);
        if (e == typeof(byte)) return function.Number((byte[])values);
        if (e == typeof(ushort)) return function.Number((ushort[])values);
        if (e == typeof(uint)) return function.Number((uint[])values);
        if (e == typeof(ulong)) return function.Number((ulong[])values);
        if (e == typeof(Half)) return function.Number((Half[])values);
        if (e == typeof(Complex)) return function.Number((Complex[])values);
        if (e == typeof(Complex64)) return function.Number((Complex64[])values);
        throw Unsupported(values);
    }

    /// <summary><c>source[perm[i]]</c> for every i.</summary>
    public static Array Gather(Array source, int[] perm) => source is int[] indices && source.GetType() == typeof(int[])
        ? Gather(indices, perm)
        : Visit<GatherFunction, Array>(source, new(perm));

    public static T[] Gather<T>(T[] source, int[] perm)
    {
        var result = new T[perm.Length];
        for (int i = 0; i < perm.Length; i++) result[i] = source[perm[i]];
        return result;
    }

    /// <summary>Converts values to <paramref name="dtype"/> with NumPy's unsafe casting (the protocol's <see cref="Casts.Convert{TFrom, TTo}"/>; bool is nonzero).</summary>
    public static Array Cast(Array source, DType dtype)
    {
        if (source.GetType().GetElementType() == dtype.ClrType()) return source;
        return Visit<CastFunction, Array>(source, new(SparseDTypes.Require(dtype)));
    }

    /// <summary>The values as <typeparamref name="T"/>[] (aliasing when already of that type).</summary>
    public static T[] As<T>(Array source) where T : unmanaged, INumberBase<T> =>
        source.GetType() == typeof(T[]) ? (T[])source : (T[])Cast(source, DTypes.Of<T>());

    /// <summary>
    /// The values as a buffer of <typeparamref name="T"/>: the buffer itself when already of that type, else a cast copy
    /// from the allocator (native when large). Callers may <c>using</c> the result either way: disposing does nothing to a
    /// buffer an array holds.
    /// </summary>
    public static SparseBuffer<T> As<T>(SparseBuffer source) where T : unmanaged, INumberBase<T> =>
        source as SparseBuffer<T> ?? (SparseBuffer<T>)Cast(source, DTypes.Of<T>());

    /// <summary>
    /// A value buffer converted to <paramref name="dtype"/> with NumPy's unsafe casting (the protocol's
    /// <see cref="Casts.Convert{TFrom, TTo}"/>; bool is nonzero), written into a buffer from the allocator; the buffer
    /// itself when it already holds <paramref name="dtype"/>.
    /// </summary>
    public static SparseBuffer Cast(SparseBuffer source, DType dtype) =>
        source.ElementType == SparseDTypes.Require(dtype).ClrType() ? source : source.VisitValues<CastBuffer, SparseBuffer>(new(dtype));

    /// <summary>Whether each value is nonzero (<see cref="NonzeroMask(Array)"/>), into a buffer from the allocator.</summary>
    public static SparseBuffer<bool> NonzeroMask(SparseBuffer values) => values.VisitValues<NonzeroBuffer, SparseBuffer<bool>>(default);

    /// <summary><c>source[perm[i]]</c> for every i, into a buffer from the allocator.</summary>
    public static SparseBuffer Gather(SparseBuffer source, ReadOnlySpan<int> perm)
    {
        SparseBuffer result = SparseBuffers.Allocate(CooArray.DTypeOf(source.ElementType), perm.Length);
        result.Visit<GatherInto, bool>(new(source, perm.ToArray()));
        return result;
    }

    /// <summary><c>source[perm[i]]</c> for every i, into a buffer from the allocator.</summary>
    public static SparseBuffer<T> Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> perm) where T : unmanaged
    {
        SparseBuffer<T> result = SparseBuffers.Allocate<T>(perm.Length);
        Span<T> r = result.Span;
        for (int i = 0; i < perm.Length; i++) r[i] = source[perm[i]];
        return result;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> (the same element type) from position <paramref name="at"/>.</summary>
    public static void CopyInto(SparseBuffer source, SparseBuffer target, int at) => source.Visit<CopyIntoFunction, bool>(new(target, at));

    /// <summary>Sets every element of <paramref name="target"/> to the one element of <paramref name="value"/> (the same element type).</summary>
    public static void Fill(SparseBuffer target, SparseBuffer value) => value.Visit<FillFunction, bool>(new(target));

    private readonly struct FillFunction(SparseBuffer target) : IBufferFunction<bool>
    {
        public bool Visit<T>(SparseBuffer<T> value) where T : unmanaged
        {
            ((SparseBuffer<T>)target).Span.Fill(value.Span[0]);
            return true;
        }
    }

    private readonly struct CopyIntoFunction(SparseBuffer target, int at) : IBufferFunction<bool>
    {
        public bool Visit<T>(SparseBuffer<T> source) where T : unmanaged
        {
            source.Span.CopyTo(((SparseBuffer<T>)target).Span[at..]);
            return true;
        }
    }

    private readonly struct GatherInto(SparseBuffer source, int[] perm) : IBufferFunction<bool>
    {
        public bool Visit<T>(SparseBuffer<T> result) where T : unmanaged
        {
            ReadOnlySpan<T> s = ((SparseBuffer<T>)source).Span;
            Span<T> r = result.Span;
            for (int i = 0; i < perm.Length; i++) r[i] = s[perm[i]];
            return true;
        }
    }

    private readonly struct CastBuffer(DType dtype) : IValuesBufferFunction<SparseBuffer>
    {
        public SparseBuffer Number<T>(SparseBuffer<T> values) where T : unmanaged, INumberBase<T> => dtype.Apply<BufferFromNumbers<T>, SparseBuffer>(new(values));

        public SparseBuffer Bool(SparseBuffer<bool> values) => dtype.Apply<BufferFromBools, SparseBuffer>(new(values));
    }

    private readonly struct BufferFromNumbers<TFrom>(SparseBuffer<TFrom> values) : IDTypeFunction<SparseBuffer> where TFrom : unmanaged, INumberBase<TFrom>
    {
        public SparseBuffer Number<TTo>() where TTo : unmanaged, INumberBase<TTo>
        {
            SparseBuffer<TTo> result = SparseBuffers.Allocate<TTo>(values.Length);
            ReadOnlySpan<TFrom> s = values.Span;
            Span<TTo> d = result.Span;
            for (int k = 0; k < s.Length; k++) d[k] = Casts.Convert<TFrom, TTo>(s[k]);
            return result;
        }

        public SparseBuffer Bool()
        {
            SparseBuffer<bool> result = SparseBuffers.Allocate<bool>(values.Length);
            ReadOnlySpan<TFrom> s = values.Span;
            Span<bool> d = result.Span;
            for (int k = 0; k < s.Length; k++) d[k] = s[k] != TFrom.Zero;
            return result;
        }
    }

    private readonly struct BufferFromBools(SparseBuffer<bool> values) : IDTypeFunction<SparseBuffer>
    {
        public SparseBuffer Number<TTo>() where TTo : unmanaged, INumberBase<TTo>
        {
            SparseBuffer<TTo> result = SparseBuffers.Allocate<TTo>(values.Length);
            ReadOnlySpan<bool> s = values.Span;
            Span<TTo> d = result.Span;
            for (int k = 0; k < s.Length; k++) d[k] = s[k] ? TTo.One : TTo.Zero;
            return result;
        }

        public SparseBuffer Bool() => SparseBuffers.CopyOf<bool>(values.Span);
    }

    private readonly struct NonzeroBuffer : IValuesBufferFunction<SparseBuffer<bool>>
    {
        public SparseBuffer<bool> Number<T>(SparseBuffer<T> values) where T : unmanaged, INumberBase<T>
        {
            SparseBuffer<bool> result = SparseBuffers.Allocate<bool>(values.Length);
            ReadOnlySpan<T> s = values.Span;
            Span<bool> d = result.Span;
            for (int k = 0; k < s.Length; k++) d[k] = !T.IsZero(s[k]);
            return result;
        }

        public SparseBuffer<bool> Bool(SparseBuffer<bool> values) => values;
    }

    /// <summary>Whether value <paramref name="i"/> is zero (false for bool).</summary>
    public static bool IsZero(Array values, int i) => Visit<ZeroTest, bool>(values, new(i, false));

    /// <summary>
    /// Whether value <paramref name="i"/> is a zero a sparse array may leave implicit: +0, not -0.0, whose sign NumPy's
    /// functions see (<c>signbit</c>, <c>copysign</c>, <c>1 / x</c>, <c>arctan2</c>), so a negative zero is kept as a stored
    /// value and every answer stays NumPy's. (SciPy drops it; its arrays have no signbit.)
    /// </summary>
    public static bool IsImplicitZero(Array values, int i) => Visit<ZeroTest, bool>(values, new(i, true));

    /// <summary>Whether <paramref name="v"/> is a zero a sparse array may leave implicit: +0, not a negative zero in either part.</summary>
    public static bool IsImplicitZero<T>(T v) where T : unmanaged, INumberBase<T>
    {
        if (!T.IsZero(v)) return false;
        return typeof(T) == typeof(System.Numerics.Complex) || typeof(T) == typeof(Complex64)
            ? !(double.IsNegative(ComplexFunctions.Re(v)) || double.IsNegative(ComplexFunctions.Im(v)))
            : !T.IsNegative(v);
    }

    /// <summary>Value <paramref name="i"/> as a double (bool as 0/1); a complex value's real part, so callers with complex values check first.</summary>
    public static double GetDouble(Array values, int i) => Visit<DoubleAt, double>(values, new(i));

    /// <summary>Whether each value is nonzero (true for bool true; a complex value when either part is nonzero).</summary>
    public static bool[] NonzeroMask(Array values) => Visit<NonzeroFunction, bool[]>(values, default);

    public static InvalidOperationException Unsupported(Array values) =>
        new($"a sparse array holds values of type {values.GetType().Name}, which no dtype stores. This is a bug in ArrayDispatch; please report it.");

    private readonly struct GatherFunction(int[] perm) : IValuesFunction<Array>
    {
        public Array Number<T>(T[] values) where T : unmanaged, INumberBase<T> => Gather(values, perm);
        public Array Bool(bool[] values) => Gather(values, perm);
    }

    private readonly struct CastFunction(DType dtype) : IValuesFunction<Array>
    {
        public Array Number<T>(T[] values) where T : unmanaged, INumberBase<T> => dtype.Apply<FromNumbers<T>, Array>(new(values));

        public Array Bool(bool[] values) => dtype.Apply<FromBools, Array>(new(values));
    }

    /// <summary>NumPy's casts of <typeparamref name="TFrom"/> values to the dtype it is applied to (the protocol's <see cref="Casts"/>).</summary>
    private readonly struct FromNumbers<TFrom>(TFrom[] values) : IDTypeFunction<Array> where TFrom : unmanaged, INumberBase<TFrom>
    {
        public Array Number<TTo>() where TTo : unmanaged, INumberBase<TTo>
        {
            var result = new TTo[values.Length];
            for (int k = 0; k < values.Length; k++) result[k] = Casts.Convert<TFrom, TTo>(values[k]);
            return result;
        }

        public Array Bool() => Array.ConvertAll(values, v => v != TFrom.Zero);
    }

    private readonly struct FromBools(bool[] values) : IDTypeFunction<Array>
    {
        public Array Number<TTo>() where TTo : unmanaged, INumberBase<TTo> => Array.ConvertAll(values, v => v ? TTo.One : TTo.Zero);

        public Array Bool() => (bool[])values.Clone();
    }

    private readonly struct ZeroTest(int i, bool implicitOnly) : IValuesFunction<bool>
    {
        // A negative zero in either part (-0.0, 0 - 0j, -0 + 0j) is a value, not an implicit zero. Real types ask their own
        // sign (ComplexFunctions.Re reads integers and float16 as NaN, whose sign bit is set: every integer and float16
        // zero was stored).
        public bool Number<T>(T[] values) where T : unmanaged, INumberBase<T> => implicitOnly ? IsImplicitZero(values[i]) : T.IsZero(values[i]);
        public bool Bool(bool[] values) => !values[i];
    }

    private readonly struct NonzeroFunction : IValuesFunction<bool[]>
    {
        public bool[] Number<T>(T[] values) where T : unmanaged, INumberBase<T> => Array.ConvertAll(values, v => !T.IsZero(v));
        public bool[] Bool(bool[] values) => values;
    }

    private readonly struct DoubleAt(int i) : IValuesFunction<double>
    {
        public double Number<T>(T[] values) where T : unmanaged, INumberBase<T> => double.CreateTruncating(values[i]);
        public double Bool(bool[] values) => values[i] ? 1 : 0;
    }
}

/// <summary>Work over a value array typed by its exact element type (see <see cref="ArrayOps.Visit{TF, TResult}"/>).</summary>
internal interface IValuesFunction<TResult>
{
    TResult Number<T>(T[] values) where T : unmanaged, INumberBase<T>;
    TResult Bool(bool[] values);
}
