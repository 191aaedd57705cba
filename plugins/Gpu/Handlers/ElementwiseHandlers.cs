using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Scalars;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Element-wise functions on Gpu arrays: every ufunc the protocol declares, registered from its declaration with one
/// handler per ufunc shape (<see cref="IUfuncVisitor{TResult}"/>), the loop chosen by NumPy's resolver
/// (<see cref="Ufunc.Resolve(DType)"/>) and the op compiled into the kernel; plus <c>where</c> and <c>clip</c>.
/// </summary>
internal sealed class ElementwiseHandlers : IUfuncVisitor<Delegate>
{
    public static void Register(IBackendBuilder backend)
    {
        backend.ImplementUfuncs(new ElementwiseHandlers());   // each handler made at its first use (start-up, issue #18)
        backend.Implement(ArrayFunctions.Where, (in TernaryArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "where") ? Where(args) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Clip, (in TernaryArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "clip") ? Clip(args) : NotImplemented.Value);
    }

    // Handlers are delegates to generic methods of an object bound to the ufunc, compiled at their first call: a lambda
    // would be a closure class generic over the op whose constructor the JIT compiles for every ufunc at start-up.
    public Delegate Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ufunc).Arithmetic<TOp>);

    public Delegate Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ufunc).Comparison<TOp>);

    public Delegate Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ufunc).Apply<TOp>);

    public Delegate Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ufunc).Predicate<TOp>);

    private sealed class BinaryBound(BinaryUfunc ufunc)
    {
        public DispatchResult<NDArray> Arithmetic<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IBinaryOp =>
            GpuGuard.Accept(args, types, ufunc.Name) ? ApplyBinary(ufunc, args, UfuncKernels.Binary<TOp>) : NotImplemented.Value;

        public DispatchResult<NDArray> Comparison<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IComparisonOp =>
            GpuGuard.Accept(args, types, ufunc.Name) ? ApplyBinary(ufunc, args, UfuncKernels.Comparison<TOp>) : NotImplemented.Value;
    }

    private sealed class UnaryBound(UnaryUfunc ufunc)
    {
        public DispatchResult<NDArray> Apply<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IUnaryOp =>
            GpuGuard.Accept(args, types, ufunc.Name)
                ? ApplyUnary(ufunc, (GpuArray)args.X, args.Out as GpuArray,
                    d => d.IsComplex() && ufunc.ComplexResultIsReal ? UfuncKernels.UnaryRealPart<TOp>(d) : UfuncKernels.Unary<TOp>(d))
                : NotImplemented.Value;

        public DispatchResult<NDArray> Predicate<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IPredicateOp =>
            GpuGuard.Accept(args, types, ufunc.Name) ? ApplyUnary(ufunc, (GpuArray)args.X, args.Out as GpuArray, UfuncKernels.Predicate<TOp>) : NotImplemented.Value;
    }

    private static DispatchResult<NDArray> ApplyBinary(BinaryUfunc ufunc, in BinaryArgs args, Func<DType, Type> kernel)
    {
        UfuncLoop loop = ufunc.Resolve(args.X1, args.X2);
        GpuDTypes.Require(loop.Compute, ufunc.Name);
        // NEP 50: a Python int that does not fit the integer compute dtype is NumPy 2's OverflowError, not a wrapped value.
        if (args.X1.Array is null) DTypes.CheckWeakInteger(args.X1.Scalar, loop.Compute);
        if (args.X2.Array is null) DTypes.CheckWeakInteger(args.X2.Scalar, loop.Compute);
        if (ufunc.RefusesNegativeIntegerOperand && loop.Kind == UfuncLoopKind.Integer && Shape.Broadcast(args.X1.Shape, args.X2.Shape).Size > 0)
        {
            RefuseNegativeIntegerExponent(args.X2);     // NumPy's loop checks each exponent it uses: none when the result is empty
        }
        GpuRuntime runtime = ((GpuArray)(args.X1.Array ?? args.X2.Array)!).Runtime;
        using GpuArray x = Materialize(runtime, args.X1, loop.Compute);
        using GpuArray y = Materialize(runtime, args.X2, loop.Compute);
        return GpuOps.ZipWith(kernel(loop.Compute), x, y, loop.Compute, args.Out as GpuArray);
    }

    private static DispatchResult<NDArray> ApplyUnary(UnaryUfunc ufunc, GpuArray x, GpuArray? @out, Func<DType, Type> kernel)
    {
        UfuncLoop loop = ufunc.Resolve(x.DType);
        GpuDTypes.Require(loop.Compute, ufunc.Name);
        GpuDTypes.Require(loop.Result, ufunc.Name);
        Type op = kernel(loop.Compute);
        if (loop.Result == loop.Compute || ufunc.BoolResult || Launchers.OutputOf(op) == loop.Result) return GpuOps.MapWith(op, x, loop.Compute, @out);
        // The bool loop of reciprocal has an integer result (NumPy's int8 loop): run it, then widen.
        using GpuArray computed = GpuOps.MapWith(op, x, loop.Compute);
        return GpuOps.Map(typeof(IdentityOp<>), computed, loop.Result, @out);
    }

    /// <summary>
    /// NumPy refuses a negative integer exponent before computing anything, and a kernel cannot raise: a scalar exponent is
    /// checked on the host, an array exponent by its minimum on the device (one reduction and a one-element download).
    /// </summary>
    private static void RefuseNegativeIntegerExponent(in Operand exponent)
    {
        if (exponent.Array is not GpuArray y)
        {
            if (exponent.Scalar.Kind == ScalarKind.Integer) ElementwiseRules.ThrowIfNegativeIntegerExponent(exponent.Scalar.As<long>());
            return;
        }
        if (!y.DType.IsSignedInteger() || y.Shape.Size == 0) return;
        using GpuArray minimum = Reductions.Reduce(typeof(MinimumOp<>), y, Axes.All, keepDims: false);
        HostBuffer host = minimum.ToHost();
        ElementwiseRules.ThrowIfNegativeIntegerExponent(Convert.ToInt64(host.Data.GetValue(host.Offset), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly ElementwiseHandlers s_handlers = new();
    private static readonly Type[] s_gpuTypes = [typeof(GpuArray)];

    /// <summary>A binary ufunc through its registered Gpu handler (for functions built on ufuncs: outer, kron, unique).</summary>
    internal static GpuArray Apply(ArrayFunction<BinaryArgs, NDArray> function, Operand x, Operand y)
    {
        Ufunc.TryGet(function, out Ufunc? ufunc);
        var handler = (ArrayHandler<BinaryArgs, NDArray>)ufunc!.Accept(s_handlers);
        return (GpuArray)handler(new BinaryArgs(x, y), s_gpuTypes).Value;
    }

    /// <summary>A unary ufunc through its registered Gpu handler (for functions built on ufuncs: vdot, unique).</summary>
    internal static GpuArray Apply(ArrayFunction<UnaryArgs, NDArray> function, GpuArray x)
    {
        Ufunc.TryGet(function, out Ufunc? ufunc);
        var handler = (ArrayHandler<UnaryArgs, NDArray>)ufunc!.Accept(s_handlers);
        return (GpuArray)handler(new UnaryArgs(x), s_gpuTypes).Value;
    }

    /// <summary><c>multiply(x, y)</c>.</summary>
    internal static GpuArray Multiply(GpuArray x, GpuArray y) => Apply(ArrayFunctions.Multiply, x, y);

    /// <summary><c>conjugate(x)</c>.</summary>
    internal static GpuArray Conjugate(GpuArray x) => Apply(ArrayFunctions.Conjugate, x);

    /// <summary><c>where(condition, x, y)</c> (for functions built on it: tril, triu).</summary>
    internal static GpuArray Where(Operand condition, Operand x, Operand y) => (GpuArray)Where(new TernaryArgs(condition, x, y)).Value;

    private static DispatchResult<NDArray> Where(in TernaryArgs args)
    {
        GpuRuntime runtime = FirstArray(args).Runtime;
        DType compute = args.B.ResultType(args.C);
        using GpuArray condition = Materialize(runtime, args.A, DType.Bool);
        using GpuArray x = Materialize(runtime, args.B, compute);
        using GpuArray y = Materialize(runtime, args.C, compute);
        Type op = typeof(WhereOp<>).MakeGenericType(StorageTypes.Of(compute));
        return GpuOps.Ternary(op, condition, x, y, compute, DType.Bool);
    }

    private static DispatchResult<NDArray> Clip(in TernaryArgs args)
    {
        if (args.A.Array is not GpuArray a) throw new ArgumentException("clip: the array to clip must be an array", "a");
        GpuRuntime runtime = a.Runtime;
        DType compute = args.A.ResultType(args.B);
        compute = DTypes.Promote(compute, ((Operand)a).ResultType(args.C));
        using GpuArray lo = Materialize(runtime, args.B, compute);
        using GpuArray hi = Materialize(runtime, args.C, compute);
        if (compute == DType.Float16)
        {
            // Exact in float32: clip picks one of its operands.
            using GpuArray wide = GpuOps.Ternary(typeof(ClipOp<float>), a, lo, hi, DType.Float32, DType.Float32);
            return GpuOps.Convert(wide, DType.Float16);
        }
        Type op = typeof(ClipOp<>).MakeGenericType(StorageTypes.Of(compute));
        return GpuOps.Ternary(op, a, lo, hi, compute, compute);
    }

    private static GpuArray FirstArray(in TernaryArgs args) => (GpuArray)(args.A.Array ?? args.B.Array ?? args.C.Array)!;

    /// <summary>An operand as a Gpu array: the array itself (a new reference), or a 0-d array holding the scalar.</summary>
    private static GpuArray Materialize(GpuRuntime runtime, Operand operand, DType dtype) => operand.Array is GpuArray a
        ? a.View(a.Shape, [.. a.StrideSpan], a.Offset)
        : GpuOps.Scalar(runtime, operand.Scalar, dtype);

}
