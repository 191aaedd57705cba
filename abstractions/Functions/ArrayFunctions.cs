using ArrayDispatch.Dispatch;
using ArrayDispatch.Scalars;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Functions;

/// <summary>The protocol's catalogue of function identities, named as NumPy names them. Backends implement any subset.</summary>
public static class ArrayFunctions
{
    private static ArrayFunction<TArgs, NDArray> A<TArgs>(string name) where TArgs : struct, IArrayArgs<TArgs> => FunctionCatalog.Define<TArgs, NDArray>(name);
    private static ArrayFunction<TArgs, TResult> F<TArgs, TResult>(string name) where TArgs : struct, IArrayArgs<TArgs> => FunctionCatalog.Define<TArgs, TResult>(name);
    private static ArrayFunction<TArgs, NDArray> C<TArgs>(string name) where TArgs : struct, IArrayArgs<TArgs> => FunctionCatalog.Define<TArgs, NDArray>(name, FunctionKind.Creation);
    // Element-wise functions are declared with their scalar meaning (the op struct) and NumPy's bool rules: see Ufunc.
    private static ArrayFunction<UnaryArgs, NDArray> U<TOp>(string name, string? boolRefusal = null, DType? boolLoopResult = null, bool complexResultIsReal = false) where TOp : struct, IUnaryOp => UnaryUfunc.Define<TOp>(name, boolRefusal, boolLoopResult, complexResultIsReal);
    private static ArrayFunction<UnaryArgs, NDArray> P<TOp>(string name) where TOp : struct, IPredicateOp => UnaryUfunc.DefinePredicate<TOp>(name);
    private static ArrayFunction<BinaryArgs, NDArray> B<TOp>(string name, string? boolRefusal = null, bool refusesNegativeIntegerOperand = false, bool trueDivision = false, bool doublePrecision = false) where TOp : struct, IBinaryOp => BinaryUfunc.Define<TOp>(name, boolRefusal, refusesNegativeIntegerOperand, trueDivision, doublePrecision);
    private static ArrayFunction<BinaryArgs, NDArray> Cmp<TOp>(string name) where TOp : struct, IComparisonOp => BinaryUfunc.DefineComparison<TOp>(name);
    private static string NoBoolLoop(string name) => ElementwiseRules.NoBoolLoopMessage(name);
    private static string NoLoopFor(string name) => $"ufunc '{name}' did not contain a loop with signature matching types (<class 'numpy.dtype[bool_]'>, <class 'numpy.dtype[bool_]'>) -> None";
    private static TFunction Alias<TFunction>(string alias, TFunction function) where TFunction : ArrayFunction => FunctionCatalog.Alias(alias, function);

    internal static void EnsureDefined() => _ = Add;

    // ---- creation (NEP 35: explicit/scoped backend, else like=, else DefaultBackend) ----
    /// <summary><c>asarray</c> / <c>array</c>: convert data into an array of a backend.</summary>
    public static readonly ArrayFunction<AsArrayArgs, NDArray> AsArray = C<AsArrayArgs>("asarray");
    /// <summary><c>full</c> (and <c>zeros</c>, <c>ones</c>, <c>empty</c>).</summary>
    public static readonly ArrayFunction<FullArgs, NDArray> Full = C<FullArgs>("full");
    /// <summary><c>empty</c>: values unspecified.</summary>
    public static readonly ArrayFunction<FullArgs, NDArray> Empty = C<FullArgs>("empty");
    /// <summary><c>arange</c>.</summary>
    public static readonly ArrayFunction<RangeArgs, NDArray> Arange = C<RangeArgs>("arange");
    /// <summary><c>linspace</c>.</summary>
    public static readonly ArrayFunction<RangeArgs, NDArray> Linspace = C<RangeArgs>("linspace");
    /// <summary><c>eye</c> (and <c>identity</c>).</summary>
    public static readonly ArrayFunction<EyeArgs, NDArray> Eye = C<EyeArgs>("eye");
    /// <summary><c>random.*</c>: seeded random arrays.</summary>
    public static readonly ArrayFunction<RandomArgs, NDArray> Random = C<RandomArgs>("random");
    /// <summary><c>full_like</c> (and <c>zeros_like</c>, <c>ones_like</c>, <c>empty_like</c>).</summary>
    public static readonly ArrayFunction<FullLikeArgs, NDArray> FullLike = A<FullLikeArgs>("full_like");
    /// <summary><c>meshgrid</c>.</summary>
    public static readonly ArrayFunction<MeshgridArgs, NDArray[]> Meshgrid = F<MeshgridArgs, NDArray[]>("meshgrid");

    // ---- element-wise, unary ----
    /// <summary><c>negative</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Negative = U<NegativeOp>("negative", boolRefusal: "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
    /// <summary><c>positive</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Positive = U<PositiveOp>("positive", boolRefusal: NoBoolLoop("positive"));
    /// <summary><c>abs</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Abs = U<AbsOp>("abs", complexResultIsReal: true);
    /// <summary><c>sign</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Sign = U<SignOp>("sign", boolRefusal: NoBoolLoop("sign"));
    /// <summary><c>sqrt</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Sqrt = U<SqrtOp>("sqrt");
    /// <summary><c>square</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Square = U<SquareOp>("square");
    /// <summary><c>reciprocal</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Reciprocal = U<ReciprocalOp>("reciprocal", boolLoopResult: DType.Int8);
    /// <summary><c>exp</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Exp = U<ExpOp>("exp");
    /// <summary><c>expm1</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Expm1 = U<Expm1Op>("expm1");
    /// <summary><c>log</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Log = U<LogOp>("log");
    /// <summary><c>log1p</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Log1p = U<Log1pOp>("log1p");
    /// <summary><c>log2</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Log2 = U<Log2Op>("log2");
    /// <summary><c>log10</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Log10 = U<Log10Op>("log10");
    /// <summary><c>sin</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Sin = U<SinOp>("sin");
    /// <summary><c>cos</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Cos = U<CosOp>("cos");
    /// <summary><c>tan</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Tan = U<TanOp>("tan");
    /// <summary><c>arcsin</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arcsin = U<ArcsinOp>("arcsin");
    /// <summary><c>arccos</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arccos = U<ArccosOp>("arccos");
    /// <summary><c>arctan</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arctan = U<ArctanOp>("arctan");
    /// <summary><c>sinh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Sinh = U<SinhOp>("sinh");
    /// <summary><c>cosh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Cosh = U<CoshOp>("cosh");
    /// <summary><c>tanh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Tanh = U<TanhOp>("tanh");
    /// <summary><c>arcsinh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arcsinh = U<ArcsinhOp>("arcsinh");
    /// <summary><c>arccosh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arccosh = U<ArccoshOp>("arccosh");
    /// <summary><c>arctanh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Arctanh = U<ArctanhOp>("arctanh");
    /// <summary><c>floor</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Floor = U<FloorOp>("floor");
    /// <summary><c>ceil</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Ceil = U<CeilOp>("ceil");
    /// <summary><c>trunc</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Trunc = U<TruncOp>("trunc");
    /// <summary><c>rint</c> (round half to even; also <c>round</c> with no decimals).</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Rint = U<RintOp>("rint");
    /// <summary><c>isnan</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> IsNaN = P<IsNaNOp>("isnan");
    /// <summary><c>signbit</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Signbit = P<SignbitOp>("signbit");
    /// <summary><c>isinf</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> IsInf = P<IsInfOp>("isinf");
    /// <summary><c>isfinite</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> IsFinite = P<IsFiniteOp>("isfinite");
    /// <summary><c>logical_not</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> LogicalNot = P<LogicalNotOp>("logical_not");
    /// <summary><c>conjugate</c>: the complex conjugate (the identity on real numbers).</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Conjugate = U<ConjugateOp>("conjugate");
    /// <summary><c>conj</c>, NumPy's (and the array API's) short name of <c>conjugate</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Conj = U<ConjugateOp>("conj");
    /// <summary><c>real</c>: the real part (float32/float64 for complex64/complex128; a real array's own values).</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Real = U<RealOp>("real", complexResultIsReal: true);
    /// <summary><c>imag</c>: the imaginary part (zeros for a real array).</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Imag = U<ImagOp>("imag", complexResultIsReal: true);
    /// <summary><c>angle</c>: the argument in radians, <c>arctan2(imag, real)</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Angle = U<AngleOp>("angle", boolLoopResult: DType.Float64, complexResultIsReal: true);
    /// <summary><c>invert</c> / <c>bitwise_not</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Invert = U<InvertOp>("invert");

    // ---- element-wise, binary ----
    /// <summary><c>add</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Add = B<AddOp>("add");
    /// <summary><c>subtract</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Subtract = B<SubtractOp>("subtract", boolRefusal: "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    /// <summary><c>multiply</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Multiply = B<MultiplyOp>("multiply");
    /// <summary><c>divide</c> (true division).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Divide = B<DivideOp>("divide", trueDivision: true);
    /// <summary><c>floor_divide</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> FloorDivide = B<FloorDivideOp>("floor_divide");
    /// <summary><c>remainder</c> / <c>mod</c> (sign of the divisor, as in Python).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Remainder = B<RemainderOp>("remainder");
    /// <summary><c>power</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Power = B<PowerOp>("power", refusesNegativeIntegerOperand: true);
    /// <summary><c>maximum</c> (propagates NaN).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Maximum = B<MaximumOp>("maximum");
    /// <summary><c>minimum</c> (propagates NaN).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Minimum = B<MinimumOp>("minimum");
    /// <summary><c>arctan2</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Arctan2 = B<Arctan2Op>("arctan2");
    /// <summary><c>hypot</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Hypot = B<HypotOp>("hypot");
    /// <summary><c>logaddexp</c>: <c>log(exp(x1) + exp(x2))</c> without overflow.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Logaddexp = B<LogaddexpOp>("logaddexp");
    /// <summary><c>logaddexp2</c>: <c>log2(2**x1 + 2**x2)</c> without overflow.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Logaddexp2 = B<Logaddexp2Op>("logaddexp2");
    /// <summary><c>fmod</c> (the sign of the dividend, as C's).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Fmod = B<FmodOp>("fmod");
    /// <summary><c>fmax</c> (ignores NaN).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Fmax = B<FmaxOp>("fmax");
    /// <summary><c>fmin</c> (ignores NaN).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Fmin = B<FminOp>("fmin");
    /// <summary><c>copysign</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Copysign = B<CopysignOp>("copysign");
    /// <summary><c>equal</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Equal = Cmp<EqualOp>("equal");
    /// <summary><c>not_equal</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> NotEqual = Cmp<NotEqualOp>("not_equal");
    /// <summary><c>less</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Less = Cmp<LessOp>("less");
    /// <summary><c>less_equal</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> LessEqual = Cmp<LessEqualOp>("less_equal");
    /// <summary><c>greater</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Greater = Cmp<GreaterOp>("greater");
    /// <summary><c>greater_equal</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> GreaterEqual = Cmp<GreaterEqualOp>("greater_equal");
    /// <summary><c>logical_and</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> LogicalAnd = Cmp<LogicalAndOp>("logical_and");
    /// <summary><c>logical_or</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> LogicalOr = Cmp<LogicalOrOp>("logical_or");
    /// <summary><c>logical_xor</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> LogicalXor = Cmp<LogicalXorOp>("logical_xor");
    /// <summary><c>bitwise_and</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> BitwiseAnd = B<BitwiseAndOp>("bitwise_and");
    /// <summary><c>bitwise_or</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> BitwiseOr = B<BitwiseOrOp>("bitwise_or");
    /// <summary><c>bitwise_xor</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> BitwiseXor = B<BitwiseXorOp>("bitwise_xor");
    /// <summary><c>left_shift</c>: bits shifted left; 0 once the count reaches the width.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> LeftShift = B<LeftShiftOp>("left_shift");
    /// <summary><c>right_shift</c>: arithmetic shift right; -1 or 0 once the count reaches the width.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> RightShift = B<RightShiftOp>("right_shift");
    /// <summary><c>gcd</c>: the greatest common divisor of the magnitudes.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Gcd = B<GcdOp>("gcd", boolRefusal: NoLoopFor("gcd"));
    /// <summary><c>lcm</c>: the least common multiple of the magnitudes.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Lcm = B<LcmOp>("lcm", boolRefusal: NoLoopFor("lcm"));
    /// <summary><c>heaviside(x1, x2)</c>: the step function, x2 at zero.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Heaviside = B<HeavisideOp>("heaviside");
    /// <summary><c>nextafter(x1, x2)</c>: the next float after x1 towards x2 (float16 steps by float16's own spacing).</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Nextafter = B<NextafterOp>("nextafter");
    /// <summary><c>float_power</c>: <c>x1 ** x2</c> in float64 (complex128 for complex input) whatever the input dtypes.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> FloatPower = B<FloatPowerOp>("float_power", doublePrecision: true);
    /// <summary><c>spacing</c>: the distance from x to the next float away from zero (float16's own spacing for float16).</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Spacing = U<SpacingOp>("spacing");
    /// <summary><c>exp2</c>: 2**x.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Exp2 = U<Exp2Op>("exp2");
    /// <summary><c>cbrt</c>: the real cube root.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Cbrt = U<CbrtOp>("cbrt");
    /// <summary><c>fabs</c>: the absolute value, always as a float.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Fabs = U<FabsOp>("fabs");
    /// <summary><c>deg2rad</c> (also <c>radians</c>): degrees to radians.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Deg2rad = U<Deg2radOp>("deg2rad");
    /// <summary><c>rad2deg</c> (also <c>degrees</c>): radians to degrees.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Rad2deg = U<Rad2degOp>("rad2deg");
    /// <summary><c>where(condition, x, y)</c>.</summary>
    public static readonly ArrayFunction<TernaryArgs, NDArray> Where = A<TernaryArgs>("where");
    /// <summary><c>clip(a, min, max)</c>.</summary>
    public static readonly ArrayFunction<TernaryArgs, NDArray> Clip = A<TernaryArgs>("clip");

    // ---- reductions and scans ----
    /// <summary><c>sum</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Sum = A<ReductionArgs>("sum");
    /// <summary><c>prod</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Prod = A<ReductionArgs>("prod");
    /// <summary><c>mean</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Mean = A<ReductionArgs>("mean");
    /// <summary><c>var</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Var = A<ReductionArgs>("var");
    /// <summary><c>std</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Std = A<ReductionArgs>("std");
    /// <summary><c>min</c> / <c>amin</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Min = A<ReductionArgs>("min");
    /// <summary><c>max</c> / <c>amax</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Max = A<ReductionArgs>("max");
    /// <summary><c>argmin</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Argmin = A<ReductionArgs>("argmin");
    /// <summary><c>argmax</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Argmax = A<ReductionArgs>("argmax");
    /// <summary><c>any</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Any = A<ReductionArgs>("any");
    /// <summary><c>all</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> All = A<ReductionArgs>("all");
    /// <summary><c>count_nonzero</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> CountNonzero = A<ReductionArgs>("count_nonzero");
    /// <summary><c>nansum</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> NanSum = A<ReductionArgs>("nansum");
    /// <summary><c>nanmean</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> NanMean = A<ReductionArgs>("nanmean");
    /// <summary><c>cumsum</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Cumsum = A<ReductionArgs>("cumsum");
    /// <summary><c>cumprod</c>.</summary>
    public static readonly ArrayFunction<ReductionArgs, NDArray> Cumprod = A<ReductionArgs>("cumprod");

    // ---- manipulation ----
    /// <summary><c>reshape</c>.</summary>
    public static readonly ArrayFunction<ShapeArgs, NDArray> Reshape = A<ShapeArgs>("reshape");
    /// <summary><c>broadcast_to</c>.</summary>
    public static readonly ArrayFunction<ShapeArgs, NDArray> BroadcastTo = A<ShapeArgs>("broadcast_to");
    /// <summary><c>ravel</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Ravel = A<ArrayArgs>("ravel");
    /// <summary><c>copy</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Copy = A<ArrayArgs>("copy");
    /// <summary><c>transpose</c> / <c>permute_dims</c>.</summary>
    public static readonly ArrayFunction<AxesArgs, NDArray> Transpose = A<AxesArgs>("transpose");
    /// <summary><c>squeeze</c>.</summary>
    public static readonly ArrayFunction<AxesArgs, NDArray> Squeeze = A<AxesArgs>("squeeze");
    /// <summary><c>expand_dims</c>.</summary>
    public static readonly ArrayFunction<AxesArgs, NDArray> ExpandDims = A<AxesArgs>("expand_dims");
    /// <summary><c>flip</c>.</summary>
    public static readonly ArrayFunction<AxesArgs, NDArray> Flip = A<AxesArgs>("flip");
    /// <summary><c>swapaxes</c>: <c>Ints</c> holds the two axes.</summary>
    public static readonly ArrayFunction<AxisPairArgs, NDArray> SwapAxes = A<AxisPairArgs>("swapaxes");
    /// <summary><c>moveaxis</c>: <c>Ints</c> holds the sources, <c>Axis</c> the destinations.</summary>
    public static readonly ArrayFunction<MoveAxisArgs, NDArray> MoveAxis = A<MoveAxisArgs>("moveaxis");
    /// <summary><c>roll</c>: <c>Ints</c> holds the shifts.</summary>
    public static readonly ArrayFunction<RollArgs, NDArray> Roll = A<RollArgs>("roll");
    /// <summary><c>tile</c>: <c>Ints</c> holds the repetitions.</summary>
    public static readonly ArrayFunction<TileArgs, NDArray> Tile = A<TileArgs>("tile");
    /// <summary><c>repeat</c>: <c>Ints</c> holds one count, or one per element along the axis.</summary>
    public static readonly ArrayFunction<RepeatArgs, NDArray> Repeat = A<RepeatArgs>("repeat");
    /// <summary><c>tril</c>: <c>Ints</c> holds k.</summary>
    public static readonly ArrayFunction<DiagonalArgs, NDArray> Tril = A<DiagonalArgs>("tril");
    /// <summary><c>triu</c>: <c>Ints</c> holds k.</summary>
    public static readonly ArrayFunction<DiagonalArgs, NDArray> Triu = A<DiagonalArgs>("triu");
    /// <summary><c>diagonal</c>: <c>Ints</c> holds the offset.</summary>
    public static readonly ArrayFunction<DiagonalArgs, NDArray> Diagonal = A<DiagonalArgs>("diagonal");
    /// <summary><c>trace</c>: <c>Ints</c> holds the offset.</summary>
    public static readonly ArrayFunction<DiagonalArgs, NDArray> Trace = A<DiagonalArgs>("trace");
    /// <summary><c>split</c> / <c>array_split</c>: <c>Ints</c> holds one section count, or the split indices.</summary>
    public static readonly ArrayFunction<SplitArgs, NDArray[]> Split = F<SplitArgs, NDArray[]>("split");
    /// <summary><c>concatenate</c>.</summary>
    public static readonly ArrayFunction<ArrayListArgs, NDArray> Concatenate = A<ArrayListArgs>("concatenate");
    /// <summary><c>stack</c>.</summary>
    public static readonly ArrayFunction<ArrayListArgs, NDArray> Stack = A<ArrayListArgs>("stack");
    /// <summary><c>astype</c>.</summary>
    public static readonly ArrayFunction<AsTypeArgs, NDArray> AsType = A<AsTypeArgs>("astype");
    /// <summary><c>take</c>.</summary>
    public static readonly ArrayFunction<TakeArgs, NDArray> Take = A<TakeArgs>("take");
    /// <summary><c>__getitem__</c>: basic indexing returns a view, integer-array and mask indexing a copy.</summary>
    public static readonly ArrayFunction<IndexArgs, NDArray> GetItem = A<IndexArgs>("getitem");
    /// <summary><c>__setitem__</c>: assignment through an index; returns the array written.</summary>
    public static readonly ArrayFunction<IndexArgs, NDArray> SetItem = A<IndexArgs>("setitem");

    // ---- sorting and searching ----
    /// <summary><c>sort</c>.</summary>
    public static readonly ArrayFunction<SortArgs, NDArray> Sort = A<SortArgs>("sort");
    /// <summary><c>argsort</c>.</summary>
    public static readonly ArrayFunction<SortArgs, NDArray> Argsort = A<SortArgs>("argsort");
    /// <summary><c>unique</c>; NaNs collapse into one unless <see cref="UniqueArgs.EqualNan"/> is false.</summary>
    public static readonly ArrayFunction<UniqueArgs, UniqueResult> Unique = F<UniqueArgs, UniqueResult>("unique");
    /// <summary><c>nonzero</c>: one index array per axis.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray[]> Nonzero = F<ArrayArgs, NDArray[]>("nonzero");
    /// <summary><c>argwhere</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Argwhere = A<ArrayArgs>("argwhere");
    /// <summary><c>searchsorted</c>.</summary>
    public static readonly ArrayFunction<SearchSortedArgs, NDArray> SearchSorted = A<SearchSortedArgs>("searchsorted");

    // ---- linear algebra ----
    /// <summary><c>matmul</c> (<c>@</c>), with batching and broadcasting.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> MatMul = A<PairArgs>("matmul");
    /// <summary><c>dot</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> Dot = A<PairArgs>("dot");
    /// <summary><c>vecdot</c> over the last axis.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> VecDot = A<PairArgs>("vecdot");
    /// <summary><c>vdot</c>: the dot product of the flattened operands, the first conjugated.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> Vdot = A<PairArgs>("vdot");
    /// <summary><c>outer</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> Outer = A<PairArgs>("outer");
    /// <summary><c>kron</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> Kron = A<PairArgs>("kron");
    /// <summary><c>tensordot</c>.</summary>
    public static readonly ArrayFunction<TensordotArgs, NDArray> Tensordot = A<TensordotArgs>("tensordot");
    /// <summary><c>einsum</c>.</summary>
    public static readonly ArrayFunction<EinsumArgs, NDArray> Einsum = A<EinsumArgs>("einsum");
    /// <summary><c>linalg.svd</c>.</summary>
    public static readonly ArrayFunction<SvdArgs, SvdResult> Svd = F<SvdArgs, SvdResult>("linalg.svd");
    /// <summary><c>linalg.qr</c>.</summary>
    public static readonly ArrayFunction<QrArgs, QrResult> Qr = F<QrArgs, QrResult>("linalg.qr");
    /// <summary><c>linalg.cholesky</c>: the lower factor, or the upper one (NumPy 2's <c>upper=True</c>).</summary>
    public static readonly ArrayFunction<HermitianArgs, NDArray> Cholesky = A<HermitianArgs>("linalg.cholesky");
    /// <summary><c>linalg.solve</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> Solve = A<PairArgs>("linalg.solve");
    /// <summary><c>linalg.inv</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Inv = A<ArrayArgs>("linalg.inv");
    /// <summary><c>linalg.det</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Det = A<ArrayArgs>("linalg.det");
    /// <summary><c>linalg.slogdet</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, SlogdetResult> Slogdet = F<ArrayArgs, SlogdetResult>("linalg.slogdet");
    /// <summary><c>linalg.eig</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, EigResult> Eig = F<ArrayArgs, EigResult>("linalg.eig");
    /// <summary><c>linalg.eigvals</c>.</summary>
    public static readonly ArrayFunction<ArrayArgs, NDArray> Eigvals = A<ArrayArgs>("linalg.eigvals");
    /// <summary><c>linalg.eigh</c>, reading the lower triangle or (NumPy's <c>UPLO='U'</c>) the upper one.</summary>
    public static readonly ArrayFunction<HermitianArgs, EighResult> Eigh = F<HermitianArgs, EighResult>("linalg.eigh");
    /// <summary><c>linalg.eigvalsh</c>, reading the lower triangle or (NumPy's <c>UPLO='U'</c>) the upper one.</summary>
    public static readonly ArrayFunction<HermitianArgs, NDArray> Eigvalsh = A<HermitianArgs>("linalg.eigvalsh");
    /// <summary><c>linalg.lstsq</c>.</summary>
    public static readonly ArrayFunction<ToleranceArgs, LstsqResult> Lstsq = F<ToleranceArgs, LstsqResult>("linalg.lstsq");
    /// <summary><c>linalg.pinv</c>.</summary>
    public static readonly ArrayFunction<ToleranceArgs, NDArray> Pinv = A<ToleranceArgs>("linalg.pinv");
    /// <summary><c>linalg.matrix_rank</c>.</summary>
    public static readonly ArrayFunction<ToleranceArgs, NDArray> MatrixRank = A<ToleranceArgs>("linalg.matrix_rank");
    /// <summary><c>linalg.norm</c>.</summary>
    public static readonly ArrayFunction<NormArgs, NDArray> Norm = A<NormArgs>("linalg.norm");

    // ---- numpy.fft (NumPy 2's dtype rule: float16/float32/complex64 give complex64, every other dtype complex128) ----
    /// <summary><c>fft.fft</c>: the one-dimensional discrete Fourier transform.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Fft = A<FftArgs>("fft.fft");
    /// <summary><c>fft.ifft</c>: its inverse.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Ifft = A<FftArgs>("fft.ifft");
    /// <summary><c>fft.rfft</c>: the transform of real input, the n/2+1 non-negative frequencies.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Rfft = A<FftArgs>("fft.rfft");
    /// <summary><c>fft.irfft</c>: the inverse of <c>rfft</c>, real output.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Irfft = A<FftArgs>("fft.irfft");
    /// <summary><c>fft.hfft</c>: the transform of a signal with Hermitian symmetry, real output.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Hfft = A<FftArgs>("fft.hfft");
    /// <summary><c>fft.ihfft</c>: the inverse of <c>hfft</c>.</summary>
    public static readonly ArrayFunction<FftArgs, NDArray> Ihfft = A<FftArgs>("fft.ihfft");
    /// <summary><c>fft.fftn</c> (and <c>fft2</c>).</summary>
    public static readonly ArrayFunction<FftnArgs, NDArray> Fftn = A<FftnArgs>("fft.fftn");
    /// <summary><c>fft.ifftn</c> (and <c>ifft2</c>).</summary>
    public static readonly ArrayFunction<FftnArgs, NDArray> Ifftn = A<FftnArgs>("fft.ifftn");
    /// <summary><c>fft.rfftn</c> (and <c>rfft2</c>).</summary>
    public static readonly ArrayFunction<FftnArgs, NDArray> Rfftn = A<FftnArgs>("fft.rfftn");
    /// <summary><c>fft.irfftn</c> (and <c>irfft2</c>).</summary>
    public static readonly ArrayFunction<FftnArgs, NDArray> Irfftn = A<FftnArgs>("fft.irfftn");
    /// <summary><c>fft.fftfreq</c>: the sample frequencies of <c>fft</c>.</summary>
    public static readonly ArrayFunction<FftFreqArgs, NDArray> FftFreq = C<FftFreqArgs>("fft.fftfreq");
    /// <summary><c>fft.rfftfreq</c>: the sample frequencies of <c>rfft</c>.</summary>
    public static readonly ArrayFunction<FftFreqArgs, NDArray> RfftFreq = C<FftFreqArgs>("fft.rfftfreq");
    /// <summary><c>fft.fftshift</c>: the zero frequency moved to the centre.</summary>
    public static readonly ArrayFunction<FftShiftArgs, NDArray> FftShift = A<FftShiftArgs>("fft.fftshift");
    /// <summary><c>fft.ifftshift</c>: the inverse of <c>fftshift</c>.</summary>
    public static readonly ArrayFunction<FftShiftArgs, NDArray> IfftShift = A<FftShiftArgs>("fft.ifftshift");

    // ---- lazy evaluation (Dask's protocol; eager backends return their arrays) ----
    /// <summary><c>compute</c>: evaluate lazy arrays, sharing common work; eager arrays are returned as they are.</summary>
    public static readonly ArrayFunction<ArrayListArgs, NDArray[]> Compute = F<ArrayListArgs, NDArray[]>("compute");
    /// <summary><c>visualize</c>: draw the task graph; returns the path written.</summary>
    public static readonly ArrayFunction<VisualizeArgs, string> Visualize = F<VisualizeArgs, string>("visualize");

    // ---- other names of the same functions: NumPy's aliases and the array API standard's names ----
    /// <summary><c>absolute</c>: NumPy's full name of <c>abs</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Absolute = Alias("absolute", Abs);
    /// <summary><c>true_divide</c>: NumPy's other name of <c>divide</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> TrueDivide = Alias("true_divide", Divide);
    /// <summary><c>mod</c>: NumPy's other name of <c>remainder</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Mod = Alias("mod", Remainder);
    /// <summary><c>radians</c>: NumPy's other name of <c>deg2rad</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Radians = Alias("radians", Deg2rad);
    /// <summary><c>degrees</c>: NumPy's other name of <c>rad2deg</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Degrees = Alias("degrees", Rad2deg);
    /// <summary><c>bitwise_not</c>: NumPy's other name of <c>invert</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> BitwiseNot = Alias("bitwise_not", Invert);
    /// <summary><c>bitwise_invert</c>: the array API standard's name of <c>invert</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> BitwiseInvert = Alias("bitwise_invert", Invert);
    /// <summary><c>bitwise_left_shift</c>: the array API standard's name of <c>left_shift</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> BitwiseLeftShift = Alias("bitwise_left_shift", LeftShift);
    /// <summary><c>bitwise_right_shift</c>: the array API standard's name of <c>right_shift</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> BitwiseRightShift = Alias("bitwise_right_shift", RightShift);
    /// <summary><c>acos</c>: the array API standard's name of <c>arccos</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Acos = Alias("acos", Arccos);
    /// <summary><c>asin</c>: the array API standard's name of <c>arcsin</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Asin = Alias("asin", Arcsin);
    /// <summary><c>atan</c>: the array API standard's name of <c>arctan</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Atan = Alias("atan", Arctan);
    /// <summary><c>acosh</c>: the array API standard's name of <c>arccosh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Acosh = Alias("acosh", Arccosh);
    /// <summary><c>asinh</c>: the array API standard's name of <c>arcsinh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Asinh = Alias("asinh", Arcsinh);
    /// <summary><c>atanh</c>: the array API standard's name of <c>arctanh</c>.</summary>
    public static readonly ArrayFunction<UnaryArgs, NDArray> Atanh = Alias("atanh", Arctanh);
    /// <summary><c>atan2</c>: the array API standard's name of <c>arctan2</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Atan2 = Alias("atan2", Arctan2);
    /// <summary><c>pow</c>: the array API standard's name of <c>power</c>.</summary>
    public static readonly ArrayFunction<BinaryArgs, NDArray> Pow = Alias("pow", Power);
    /// <summary><c>concat</c>: the array API standard's name of <c>concatenate</c>.</summary>
    public static readonly ArrayFunction<ArrayListArgs, NDArray> Concat = Alias("concat", Concatenate);
    /// <summary><c>permute_dims</c>: the array API standard's name of <c>transpose</c>.</summary>
    public static readonly ArrayFunction<AxesArgs, NDArray> PermuteDims = Alias("permute_dims", Transpose);
    /// <summary><c>linalg.matmul</c>: the <c>linalg</c> extension's name of <c>matmul</c> (NumPy 2 aliases it).</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> LinalgMatMul = Alias("linalg.matmul", MatMul);
    /// <summary><c>linalg.outer</c>: the <c>linalg</c> extension's name of <c>outer</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> LinalgOuter = Alias("linalg.outer", Outer);
    /// <summary><c>linalg.tensordot</c>: the <c>linalg</c> extension's name of <c>tensordot</c>.</summary>
    public static readonly ArrayFunction<TensordotArgs, NDArray> LinalgTensordot = Alias("linalg.tensordot", Tensordot);
    /// <summary><c>linalg.vecdot</c>: the <c>linalg</c> extension's name of <c>vecdot</c>.</summary>
    public static readonly ArrayFunction<PairArgs, NDArray> LinalgVecDot = Alias("linalg.vecdot", VecDot);
}
