using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

/// <summary>Element-wise ufuncs, <c>where</c> and <c>clip</c> on Gpu arrays, with NumPy's (NEP 50) type promotion.</summary>
internal static class ElementwiseHandlers
{
    private enum Kind
    {
        /// <summary>The result has the promoted dtype.</summary>
        Same,
        /// <summary>Integer and bool inputs are computed in float64 (true division, arctan2, hypot).</summary>
        Float,
        /// <summary>The result is bool.</summary>
        Compare,
        /// <summary>Only integer and bool inputs.</summary>
        Bitwise,
    }

    private sealed record Binary(ArrayFunction<BinaryArgs, NDArray> Function, Type? Int, Type? Float, Type? Bool, Kind Kind);

    // BoolAs: the dtype a bool input computes and returns in (NumPy's int8 loops, as int64 since ArrayDispatch has no int8).
    private sealed record Unary(ArrayFunction<UnaryArgs, NDArray> Function, Type? Int, Type? Float, Type? Bool, string? BoolError = null, DType? BoolAs = null);

    private static readonly Binary[] s_binary =
    [
        new(ArrayFunctions.Add, typeof(AddOp<>), typeof(AddOp<>), typeof(LogicalOrOp<>), Kind.Same),
        new(ArrayFunctions.Subtract, typeof(SubtractOp<>), typeof(SubtractOp<>), null, Kind.Same),
        new(ArrayFunctions.Multiply, typeof(MultiplyOp<>), typeof(MultiplyOp<>), typeof(LogicalAndOp<>), Kind.Same),
        new(ArrayFunctions.Divide, null, typeof(DivideOp<>), null, Kind.Float),
        new(ArrayFunctions.FloorDivide, typeof(FloorDivideIntOp<>), typeof(FloorDivideFloatOp<>), null, Kind.Same),
        new(ArrayFunctions.Remainder, typeof(RemainderIntOp<>), typeof(RemainderFloatOp<>), null, Kind.Same),
        new(ArrayFunctions.Power, typeof(PowerIntOp<>), typeof(PowerFloatOp<>), null, Kind.Same),
        new(ArrayFunctions.Maximum, typeof(MaximumOp<>), typeof(MaximumOp<>), typeof(MaximumOp<>), Kind.Same),
        new(ArrayFunctions.Minimum, typeof(MinimumOp<>), typeof(MinimumOp<>), typeof(MinimumOp<>), Kind.Same),
        new(ArrayFunctions.Arctan2, null, typeof(Arctan2Op<>), null, Kind.Float),
        new(ArrayFunctions.Hypot, null, typeof(HypotOp<>), null, Kind.Float),
        new(ArrayFunctions.Equal, typeof(EqualOp<>), typeof(EqualOp<>), typeof(EqualOp<>), Kind.Compare),
        new(ArrayFunctions.NotEqual, typeof(NotEqualOp<>), typeof(NotEqualOp<>), typeof(NotEqualOp<>), Kind.Compare),
        new(ArrayFunctions.Less, typeof(LessOp<>), typeof(LessOp<>), typeof(LessOp<>), Kind.Compare),
        new(ArrayFunctions.LessEqual, typeof(LessEqualOp<>), typeof(LessEqualOp<>), typeof(LessEqualOp<>), Kind.Compare),
        new(ArrayFunctions.Greater, typeof(GreaterOp<>), typeof(GreaterOp<>), typeof(GreaterOp<>), Kind.Compare),
        new(ArrayFunctions.GreaterEqual, typeof(GreaterEqualOp<>), typeof(GreaterEqualOp<>), typeof(GreaterEqualOp<>), Kind.Compare),
        new(ArrayFunctions.LogicalAnd, typeof(LogicalAndOp<>), typeof(LogicalAndOp<>), typeof(LogicalAndOp<>), Kind.Compare),
        new(ArrayFunctions.LogicalOr, typeof(LogicalOrOp<>), typeof(LogicalOrOp<>), typeof(LogicalOrOp<>), Kind.Compare),
        new(ArrayFunctions.LogicalXor, typeof(LogicalXorOp<>), typeof(LogicalXorOp<>), typeof(LogicalXorOp<>), Kind.Compare),
        new(ArrayFunctions.BitwiseAnd, typeof(BitwiseAndOp<>), null, typeof(BitwiseAndOp<>), Kind.Bitwise),
        new(ArrayFunctions.BitwiseOr, typeof(BitwiseOrOp<>), null, typeof(BitwiseOrOp<>), Kind.Bitwise),
        new(ArrayFunctions.BitwiseXor, typeof(BitwiseXorOp<>), null, typeof(BitwiseXorOp<>), Kind.Bitwise),
    ];

    private static readonly Unary[] s_unary =
    [
        new(ArrayFunctions.Negative, typeof(NegativeOp<>), typeof(NegativeOp<>), null,
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
        new(ArrayFunctions.Positive, typeof(IdentityOp<>), typeof(IdentityOp<>), typeof(IdentityOp<>)),
        new(ArrayFunctions.Abs, typeof(AbsOp<>), typeof(AbsOp<>), typeof(IdentityOp<>)),
        new(ArrayFunctions.Sign, typeof(SignOp<>), typeof(SignOp<>), null, ElementwiseRules.NoBoolLoopMessage("sign")),
        new(ArrayFunctions.Square, typeof(SquareOp<>), typeof(SquareOp<>), typeof(IdentityOp<>)),
        // NumPy's bool reciprocal is its int8 loop: 1/True = 1, 1/False truncates to 0, i.e. the input's values (Dense, Sparse agree).
        new(ArrayFunctions.Reciprocal, typeof(ReciprocalIntOp<>), typeof(ReciprocalOp<>), typeof(IdentityOp<>), BoolAs: DType.Int64),
        Float(ArrayFunctions.Sqrt, typeof(SqrtOp<>)),
        Float(ArrayFunctions.Exp, typeof(ExpOp<>)),
        Float(ArrayFunctions.Expm1, typeof(Expm1Op<>)),
        Float(ArrayFunctions.Log, typeof(LogOp<>)),
        Float(ArrayFunctions.Log1p, typeof(Log1pOp<>)),
        Float(ArrayFunctions.Log2, typeof(Log2Op<>)),
        Float(ArrayFunctions.Log10, typeof(Log10Op<>)),
        Float(ArrayFunctions.Sin, typeof(SinOp<>)),
        Float(ArrayFunctions.Cos, typeof(CosOp<>)),
        Float(ArrayFunctions.Tan, typeof(TanOp<>)),
        Float(ArrayFunctions.Arcsin, typeof(ArcsinOp<>)),
        Float(ArrayFunctions.Arccos, typeof(ArccosOp<>)),
        Float(ArrayFunctions.Arctan, typeof(ArctanOp<>)),
        Float(ArrayFunctions.Sinh, typeof(SinhOp<>)),
        Float(ArrayFunctions.Cosh, typeof(CoshOp<>)),
        Float(ArrayFunctions.Tanh, typeof(TanhOp<>)),
        Float(ArrayFunctions.Arcsinh, typeof(ArcsinhOp<>)),
        Float(ArrayFunctions.Arccosh, typeof(ArccoshOp<>)),
        Float(ArrayFunctions.Arctanh, typeof(ArctanhOp<>)),
        Float(ArrayFunctions.Floor, typeof(FloorOp<>)),
        Float(ArrayFunctions.Ceil, typeof(CeilOp<>)),
        Float(ArrayFunctions.Trunc, typeof(TruncOp<>)),
        Float(ArrayFunctions.Rint, typeof(RintOp<>)),
        new(ArrayFunctions.IsNaN, typeof(IsNaNOp<>), typeof(IsNaNOp<>), typeof(IsNaNOp<>)),
        new(ArrayFunctions.IsInf, typeof(IsInfOp<>), typeof(IsInfOp<>), typeof(IsInfOp<>)),
        new(ArrayFunctions.IsFinite, typeof(IsFiniteOp<>), typeof(IsFiniteOp<>), typeof(IsFiniteOp<>)),
        new(ArrayFunctions.LogicalNot, typeof(LogicalNotOp<>), typeof(LogicalNotOp<>), typeof(LogicalNotOp<>)),
        new(ArrayFunctions.Invert, typeof(InvertOp<>), null, typeof(LogicalNotOp<>)),
    ];

    /// <summary>Float-only functions: integer and bool inputs are computed in float64.</summary>
    private static Unary Float(ArrayFunction<UnaryArgs, NDArray> function, Type op) => new(function, null, op, null);

    /// <summary>The names of every element-wise function registered.</summary>
    public static IEnumerable<string> Names => s_binary.Select(b => b.Function.Name).Concat(s_unary.Select(u => u.Function.Name)).Append("where").Append("clip");

    public static void Register(IBackendBuilder backend)
    {
        foreach (Binary spec in s_binary)
        {
            backend.Implement(spec.Function, (in BinaryArgs args, ReadOnlySpan<Type> types) =>
                GpuGuard.Accept(args, types, spec.Function.Name) ? Apply(spec, args) : NotImplemented.Value);
        }
        foreach (Unary spec in s_unary)
        {
            backend.Implement(spec.Function, (in UnaryArgs args, ReadOnlySpan<Type> types) =>
                GpuGuard.Accept(args, types, spec.Function.Name) ? Apply(spec, (GpuArray)args.X, args.Out as GpuArray) : NotImplemented.Value);
        }
        backend.Implement(ArrayFunctions.Where, (in TernaryArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "where") ? Where(args) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Clip, (in TernaryArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "clip") ? Clip(args) : NotImplemented.Value);
    }

    private static DispatchResult<NDArray> Apply(Binary spec, in BinaryArgs args)
    {
        DType compute = args.X1.ResultType(args.X2);
        Type? op;
        if (spec.Kind == Kind.Float)
        {
            compute = spec.Function == ArrayFunctions.Divide ? ElementwiseRules.FloatLoop(compute) : GpuDTypes.Require(ElementwiseRules.FloatFunctionLoop(compute), spec.Function.Name);
        }
        if (compute == DType.Bool && spec.Bool is null && spec.Kind == Kind.Same)
        {
            if (spec.Function == ArrayFunctions.Subtract)
            {
                throw new DTypeMismatchException("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
            }
            compute = DType.Int64;     // NumPy computes bool ** bool, // and % in a small integer type
        }
        op = compute switch
        {
            DType.Bool => spec.Bool,
            DType.Int32 or DType.Int64 => spec.Int,
            _ => spec.Float,
        };
        if (op is null)
        {
            throw new DTypeMismatchException($"ufunc '{spec.Function.Name}' not supported for the input types ({Name(args.X1)}, {Name(args.X2)})");
        }
        if (spec.Function == ArrayFunctions.Power && compute is DType.Int32 or DType.Int64 && Shape.Broadcast(args.X1.Shape, args.X2.Shape).Size > 0)
        {
            RefuseNegativeIntegerExponent(args.X2);     // NumPy's loop checks each exponent it uses: none when the result is empty
        }
        GpuRuntime runtime = ((GpuArray)(args.X1.Array ?? args.X2.Array)!).Runtime;
        using GpuArray x = Materialize(runtime, args.X1, compute);
        using GpuArray y = Materialize(runtime, args.X2, compute);
        return GpuOps.Zip(op, x, y, compute, args.Out as GpuArray);
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
        if (y.DType is not (DType.Int32 or DType.Int64) || y.Shape.Size == 0) return;
        using GpuArray minimum = Reductions.Reduce(typeof(MinimumOp<>), y, Axes.All, keepDims: false);
        HostBuffer host = minimum.ToHost();
        ElementwiseRules.ThrowIfNegativeIntegerExponent(Convert.ToInt64(host.Data.GetValue(host.Offset), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DispatchResult<NDArray> Apply(Unary spec, GpuArray x, GpuArray? @out)
    {
        DType compute = x.DType;
        Type? op = compute switch
        {
            DType.Bool => spec.Bool,
            DType.Int32 or DType.Int64 => spec.Int,
            _ => spec.Float,
        };
        if (op is null && compute == DType.Bool && spec.BoolError is { } error) throw new DTypeMismatchException(error);
        if (compute == DType.Bool && spec.BoolAs is { } boolAs) compute = boolAs;
        if (op is null && spec.Float is { } floatOp && !compute.IsFloat())
        {
            compute = GpuDTypes.Require(ElementwiseRules.FloatFunctionLoop(compute), spec.Function.Name);
            op = floatOp;
        }
        if (op is null)
        {
            throw new DTypeMismatchException($"ufunc '{spec.Function.Name}' not supported for the input types ({x.DType.Name()})");
        }
        return GpuOps.Map(op, x, compute, @out);
    }

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
        Type op = typeof(ClipOp<>).MakeGenericType(StorageTypes.Of(compute));
        return GpuOps.Ternary(op, a, lo, hi, compute, compute);
    }

    private static GpuArray FirstArray(in TernaryArgs args) => (GpuArray)(args.A.Array ?? args.B.Array ?? args.C.Array)!;

    /// <summary>An operand as a Gpu array: the array itself (a new reference), or a 0-d array holding the scalar.</summary>
    private static GpuArray Materialize(GpuRuntime runtime, Operand operand, DType dtype) => operand.Array is GpuArray a
        ? a.View(a.Shape, [.. a.StrideSpan], a.Offset)
        : GpuOps.Scalar(runtime, operand.Scalar, dtype);

    private static string Name(in Operand operand) => operand.Array is { } a ? a.DType.Name() : operand.Scalar.Kind.ToString().ToLowerInvariant();
}
