using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Scalars;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// Every ufunc the protocol declares, on dense arrays: one handler per ufunc shape, generic over the protocol's op
/// (<see cref="IUfuncVisitor{TResult}"/>). The loop NumPy's resolver picks (<see cref="Ufuncs.Ufunc.Resolve(DType)"/>)
/// decides the compute dtype; this class only converts operands, runs the element-wise driver with the op's loop for
/// that element type, and honours <c>out=</c>. A new ufunc in the catalogue is handled here without a change.
/// </summary>
internal sealed class DenseUfuncs : IUfuncVisitor<Delegate>
{
    // The handler of each ufunc, made at its first use (by a dispatch or by one of the backend's own compositions):
    // making all 81 at registration compiled the visitor's generic methods in the host's start-up (issue #18).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ArrayFunction, Delegate> s_handlers = new();

    /// <summary>The handler of <paramref name="ufunc"/>.</summary>
    public static Delegate HandlerOf(ArrayFunction ufunc) =>
        s_handlers.TryGetValue(ufunc, out Delegate? handler) ? handler
            : s_handlers.GetOrAdd(ufunc, f => Ufuncs.Ufunc.TryGet(f, out Ufuncs.Ufunc? u) ? u.Accept(new DenseUfuncs()) : throw new ArgumentException($"'{f.Name}' is not a ufunc"));

    /// <summary>Registers every ufunc's handler, each made at its first use.</summary>
    public static void Register(IBackendBuilder backend)
    {
        foreach (Ufuncs.Ufunc ufunc in Ufuncs.Ufunc.All) backend.ImplementOnFirstUse(ufunc.Function, () => HandlerOf(ufunc.Function));
    }

    /// <summary>Calls the ufunc directly (for the backend's own composite functions: var, mean, clip, …).</summary>
    public static NDArray Call(ArrayFunction<BinaryArgs, NDArray> ufunc, in BinaryArgs args) =>
        ((ArrayHandler<BinaryArgs, NDArray>)HandlerOf(ufunc))(args, default).Value!;

    /// <summary>Calls the ufunc with both operands converted to <paramref name="dtype"/> first (so bools multiply as integers, say).</summary>
    public static DenseArray Call(ArrayFunction<BinaryArgs, NDArray> ufunc, in Operand x1, in Operand x2, DType dtype) =>
        (DenseArray)Call(ufunc, new BinaryArgs(Ufunc.Operand(x1, dtype), Ufunc.Operand(x2, dtype)));

    /// <summary>Calls the ufunc directly.</summary>
    public static NDArray Call(ArrayFunction<UnaryArgs, NDArray> ufunc, in UnaryArgs args) =>
        ((ArrayHandler<UnaryArgs, NDArray>)HandlerOf(ufunc))(args, default).Value!;

    public Delegate Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ufunc).Binary<TOp>);

    public Delegate Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ufunc).Comparison<TOp>);

    public Delegate Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ufunc).Unary<TOp>);

    public Delegate Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ufunc).Predicate<TOp>);

    // A ufunc bound to its generic runner by a delegate to a generic method, compiled at its first call. A lambda here
    // would be a closure class generic over the op, whose constructor the JIT compiles for every ufunc when the backend
    // registers (tier-0 code in the host's start-up for 81 ufuncs; issue #18's cold start).
    private sealed class BinaryBound(BinaryUfunc ufunc)
    {
        public DispatchResult<NDArray> Binary<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IBinaryOp => RunBinary<TOp>(ufunc, args);

        public DispatchResult<NDArray> Comparison<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IComparisonOp => RunComparison<TOp>(ufunc, args);
    }

    private sealed class UnaryBound(UnaryUfunc ufunc)
    {
        public DispatchResult<NDArray> Unary<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IUnaryOp => RunUnary<TOp>(ufunc, args);

        public DispatchResult<NDArray> Predicate<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IPredicateOp => RunPredicate<TOp>(ufunc, args);
    }

    private static NDArray RunBinary<TOp>(BinaryUfunc ufunc, in BinaryArgs args) where TOp : struct, IBinaryOp
    {
        UfuncLoop loop = ufunc.Resolve(args.X1, args.X2);
        Shape shape = Ufunc.Broadcast(args.X1.Shape, args.X2.Shape);
        if (args.Out is null && loop.Result == loop.Compute && (args.X1.IsScalar != args.X2.IsScalar)
            && !(ufunc.RefusesNegativeIntegerOperand && loop.Kind == UfuncLoopKind.Integer)
            && TryArrayAndScalar<TOp>(args, loop.Compute, shape) is { } quick)
        {
            return quick;
        }
        DenseArray x = Ufunc.Operand(args.X1, loop.Compute), y = Ufunc.Operand(args.X2, loop.Compute);
        if (ufunc.RefusesNegativeIntegerOperand && loop.Kind == UfuncLoopKind.Integer && shape.Size > 0) RefuseNegative(y);
        DenseArray d = Ufunc.Destination(ufunc.Name, args.Out, shape, loop.Result, x, y);
        switch (loop.Compute)
        {
            case DType.Bool: Elementwise.Binary<bool, bool, BoolLoop<TOp>>(x, y, d); break;
            case DType.Int8: Elementwise.Binary<sbyte, sbyte, IntegerLoop<sbyte, TOp>>(x, y, d); break;
            case DType.Int16: Elementwise.Binary<short, short, IntegerLoop<short, TOp>>(x, y, d); break;
            case DType.Int32: Elementwise.Binary<int, int, IntegerLoop<int, TOp>>(x, y, d); break;
            case DType.Int64: Elementwise.Binary<long, long, IntegerLoop<long, TOp>>(x, y, d); break;
            case DType.UInt8: Elementwise.Binary<byte, byte, IntegerLoop<byte, TOp>>(x, y, d); break;
            case DType.UInt16: Elementwise.Binary<ushort, ushort, IntegerLoop<ushort, TOp>>(x, y, d); break;
            case DType.UInt32: Elementwise.Binary<uint, uint, IntegerLoop<uint, TOp>>(x, y, d); break;
            case DType.UInt64: Elementwise.Binary<ulong, ulong, IntegerLoop<ulong, TOp>>(x, y, d); break;
            case DType.Float16: Elementwise.Binary<Half, Half, FloatLoop<Half, TOp>>(x, y, d); break;
            case DType.Float32: Elementwise.Binary<float, float, FloatLoop<float, TOp>>(x, y, d); break;
            case DType.Float64: Elementwise.Binary<double, double, FloatLoop<double, TOp>>(x, y, d); break;
            case DType.Complex64: Elementwise.Binary<Complex64, Complex64, ComplexLoop<Complex64, TOp>>(x, y, d); break;
            case DType.Complex128: Elementwise.Binary<Complex, Complex, ComplexLoop<Complex, TOp>>(x, y, d); break;
            default: throw Errors.Unsupported(ufunc.Name, loop.Compute);
        }
        return Ufunc.Finish(d, args.Out);
    }

    // An array of the compute dtype with a weak scalar (`a * 2.0`, `1.0 - a`). Small: the span-scalar kernel straight
    // into a new result, without the scalar's 0-d array (152 B) and the conversion and aliasing steps; the same kernel
    // call the general path makes for a stride-0 operand, so the same elements. Large (native-sized) in a float or
    // complex dtype: a deferred result, computed when first read, or block by block by the element-wise operation that
    // reads it (`a * 2.0 + b`: DenseStorage.Deferral.cs). Float and complex only: their kernels never throw, so
    // computing later cannot move an error.
    private static DenseArray? TryArrayAndScalar<TOp>(in BinaryArgs args, DType compute, Shape shape) where TOp : struct, IBinaryOp =>
        compute switch
        {
            DType.Float64 => ArrayAndScalar<double, FloatLoop<double, TOp>>(args, compute, shape, deferrable: true),
            DType.Float32 => ArrayAndScalar<float, FloatLoop<float, TOp>>(args, compute, shape, deferrable: true),
            DType.Float16 => ArrayAndScalar<Half, FloatLoop<Half, TOp>>(args, compute, shape, deferrable: true),
            DType.Complex128 => ArrayAndScalar<Complex, ComplexLoop<Complex, TOp>>(args, compute, shape, deferrable: true),
            DType.Complex64 => ArrayAndScalar<Complex64, ComplexLoop<Complex64, TOp>>(args, compute, shape, deferrable: true),
            DType.Int64 => ArrayAndScalar<long, IntegerLoop<long, TOp>>(args, compute, shape, deferrable: false),
            DType.Int32 => ArrayAndScalar<int, IntegerLoop<int, TOp>>(args, compute, shape, deferrable: false),
            _ => null,
        };

    private static DenseArray? ArrayAndScalar<T, K>(in BinaryArgs args, DType compute, Shape shape, bool deferrable) where T : unmanaged where K : IBinaryKernel<K, T, T>
    {
        bool scalarFirst = args.X1.IsScalar;
        var a = (DenseArray)(scalarFirst ? args.X2.Array! : args.X1.Array!);
        long n = shape.Size;
        if (n == 0 || a.DType != compute || a.Shape != shape || !a.IsCContiguous) return null;
        Scalar s = scalarFirst ? args.X1.Scalar : args.X2.Scalar;
        if (n >= Elementwise.ParallelThreshold)
        {
            if (!deferrable || !DenseArray.UsesNative(compute, n) || !a.CanBeDeferredInput) return null;
            return DenseArray.Deferred(compute, shape, new ScalarOperation<T, K>(a.StorageObject, a.ReadElements<T>(), a.Offset, Copy.ValueOf<T>(s), scalarFirst));
        }
        DTypes.CheckWeakInteger(s, compute);
        T value = Copy.ValueOf<T>(s);
        DenseArray d = DenseArray.CreateUninitialized(compute, shape);
        Elements<T> xs = a.ReadElements<T>(), ds = d.Elements<T>();
        if (scalarFirst) K.Apply(value, xs.AsSpan(a.Offset, (int)n), ds.AsSpan(0, (int)n));
        else K.Apply(xs.AsSpan(a.Offset, (int)n), value, ds.AsSpan(0, (int)n));
        xs.KeepAlive();
        return d;
    }

    private static NDArray RunComparison<TOp>(BinaryUfunc ufunc, in BinaryArgs args) where TOp : struct, IComparisonOp
    {
        UfuncLoop loop = ufunc.Resolve(args.X1, args.X2);
        Shape shape = Ufunc.Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Ufunc.Operand(args.X1, loop.Compute), y = Ufunc.Operand(args.X2, loop.Compute);
        DenseArray d = Ufunc.Destination(ufunc.Name, args.Out, shape, DType.Bool, x, y);
        switch (loop.Compute)
        {
            case DType.Bool: Elementwise.Binary<bool, bool, BoolCompareLoop<TOp>>(x, y, d); break;
            case DType.Int8: Elementwise.Binary<sbyte, bool, CompareLoop<sbyte, TOp>>(x, y, d); break;
            case DType.Int16: Elementwise.Binary<short, bool, CompareLoop<short, TOp>>(x, y, d); break;
            case DType.Int32: Elementwise.Binary<int, bool, CompareLoop<int, TOp>>(x, y, d); break;
            case DType.Int64: Elementwise.Binary<long, bool, CompareLoop<long, TOp>>(x, y, d); break;
            case DType.UInt8: Elementwise.Binary<byte, bool, CompareLoop<byte, TOp>>(x, y, d); break;
            case DType.UInt16: Elementwise.Binary<ushort, bool, CompareLoop<ushort, TOp>>(x, y, d); break;
            case DType.UInt32: Elementwise.Binary<uint, bool, CompareLoop<uint, TOp>>(x, y, d); break;
            case DType.UInt64: Elementwise.Binary<ulong, bool, CompareLoop<ulong, TOp>>(x, y, d); break;
            case DType.Float16: Elementwise.Binary<Half, bool, CompareLoop<Half, TOp>>(x, y, d); break;
            case DType.Float32: Elementwise.Binary<float, bool, CompareLoop<float, TOp>>(x, y, d); break;
            case DType.Float64: Elementwise.Binary<double, bool, CompareLoop<double, TOp>>(x, y, d); break;
            case DType.Complex64: Elementwise.Binary<Complex64, bool, ComplexCompareLoop<Complex64, TOp>>(x, y, d); break;
            case DType.Complex128: Elementwise.Binary<Complex, bool, ComplexCompareLoop<Complex, TOp>>(x, y, d); break;
            default: throw Errors.Unsupported(ufunc.Name, loop.Compute);
        }
        return Ufunc.Finish(d, args.Out);
    }

    private static NDArray RunUnary<TOp>(UnaryUfunc ufunc, in UnaryArgs args) where TOp : struct, IUnaryOp
    {
        var input = (DenseArray)args.X;
        UfuncLoop loop = ufunc.Resolve(input.DType);
        DenseArray x = Copy.AsKeepingOrder(input, loop.Compute);
        // The bool loop of reciprocal has an integer result (NumPy's int8 loop), angle's bool loop float64: run it in bool,
        // then widen. A complex loop with a real result (abs, real, imag, angle) runs in complex, then keeps the real part.
        bool widen = loop.Result != loop.Compute;
        DenseArray d = widen ? DenseArray.CreateUninitialized(loop.Compute, x.Shape, x) : Ufunc.Destination(ufunc.Name, args.Out, x.Shape, loop.Result, x);
        switch (loop.Compute)
        {
            case DType.Bool: Elementwise.Unary<bool, bool, UnaryBoolLoop<TOp>>(x, d); break;
            case DType.Int8: Elementwise.Unary<sbyte, sbyte, UnaryIntegerLoop<sbyte, TOp>>(x, d); break;
            case DType.Int16: Elementwise.Unary<short, short, UnaryIntegerLoop<short, TOp>>(x, d); break;
            case DType.Int32: Elementwise.Unary<int, int, UnaryIntegerLoop<int, TOp>>(x, d); break;
            case DType.Int64: Elementwise.Unary<long, long, UnaryIntegerLoop<long, TOp>>(x, d); break;
            case DType.UInt8: Elementwise.Unary<byte, byte, UnaryIntegerLoop<byte, TOp>>(x, d); break;
            case DType.UInt16: Elementwise.Unary<ushort, ushort, UnaryIntegerLoop<ushort, TOp>>(x, d); break;
            case DType.UInt32: Elementwise.Unary<uint, uint, UnaryIntegerLoop<uint, TOp>>(x, d); break;
            case DType.UInt64: Elementwise.Unary<ulong, ulong, UnaryIntegerLoop<ulong, TOp>>(x, d); break;
            case DType.Float16: Elementwise.Unary<Half, Half, UnaryFloatLoop<Half, TOp>>(x, d); break;
            case DType.Float32: Elementwise.Unary<float, float, UnaryFloatLoop<float, TOp>>(x, d); break;
            case DType.Float64: Elementwise.Unary<double, double, UnaryFloatLoop<double, TOp>>(x, d); break;
            case DType.Complex64: Elementwise.Unary<Complex64, Complex64, UnaryComplexLoop<Complex64, TOp>>(x, d); break;
            case DType.Complex128: Elementwise.Unary<Complex, Complex, UnaryComplexLoop<Complex, TOp>>(x, d); break;
            default: throw Errors.Unsupported(ufunc.Name, loop.Compute);
        }
        if (widen)
        {
            DenseArray wide = Ufunc.Destination(ufunc.Name, args.Out, x.Shape, loop.Result, d);
            Copy.Into(d, wide);
            d = wide;
        }
        return Ufunc.Finish(d, args.Out);
    }

    private static NDArray RunPredicate<TOp>(UnaryUfunc ufunc, in UnaryArgs args) where TOp : struct, IPredicateOp
    {
        var x = (DenseArray)args.X;
        DenseArray d = Ufunc.Destination(ufunc.Name, args.Out, x.Shape, DType.Bool, x);
        switch (ufunc.Resolve(x.DType).Compute)
        {
            case DType.Bool: Elementwise.Unary<bool, bool, BoolPredicateLoop<TOp>>(x, d); break;
            case DType.Int8: Elementwise.Unary<sbyte, bool, PredicateLoop<sbyte, TOp>>(x, d); break;
            case DType.Int16: Elementwise.Unary<short, bool, PredicateLoop<short, TOp>>(x, d); break;
            case DType.Int32: Elementwise.Unary<int, bool, PredicateLoop<int, TOp>>(x, d); break;
            case DType.Int64: Elementwise.Unary<long, bool, PredicateLoop<long, TOp>>(x, d); break;
            case DType.UInt8: Elementwise.Unary<byte, bool, PredicateLoop<byte, TOp>>(x, d); break;
            case DType.UInt16: Elementwise.Unary<ushort, bool, PredicateLoop<ushort, TOp>>(x, d); break;
            case DType.UInt32: Elementwise.Unary<uint, bool, PredicateLoop<uint, TOp>>(x, d); break;
            case DType.UInt64: Elementwise.Unary<ulong, bool, PredicateLoop<ulong, TOp>>(x, d); break;
            case DType.Float16: Elementwise.Unary<Half, bool, PredicateLoop<Half, TOp>>(x, d); break;
            case DType.Float32: Elementwise.Unary<float, bool, PredicateLoop<float, TOp>>(x, d); break;
            case DType.Float64: Elementwise.Unary<double, bool, PredicateLoop<double, TOp>>(x, d); break;
            case DType.Complex64: Elementwise.Unary<Complex64, bool, ComplexPredicateLoop<Complex64, TOp>>(x, d); break;
            case DType.Complex128: Elementwise.Unary<Complex, bool, ComplexPredicateLoop<Complex, TOp>>(x, d); break;
            default: throw Errors.Unsupported(ufunc.Name, x.DType);
        }
        return Ufunc.Finish(d, args.Out);
    }

    // NumPy raises for a negative integer exponent before computing anything (power's integer loop has no answer for it).
    private static void RefuseNegative(DenseArray exponent)
    {
        bool negative = exponent.DType switch
        {
            DType.Int8 => AnyNegative<sbyte>(exponent),
            DType.Int16 => AnyNegative<short>(exponent),
            DType.Int32 => AnyNegative<int>(exponent),
            DType.Int64 => AnyNegative<long>(exponent),
            _ => false,   // unsigned exponents are never negative
        };
        if (negative)
        {
            throw new ArgumentException(ElementwiseRules.NegativeIntegerPowerMessage, "x2");
        }
    }

    private static bool AnyNegative<T>(DenseArray a) where T : unmanaged, IBinaryInteger<T>
    {
        foreach (T v in a.ContiguousSpan<T>()) if (T.IsNegative(v)) return true;
        return false;
    }
}
