namespace ArrayDispatch;

// NumPy's element-wise functions defined from other ufuncs (divmod, modf, frexp, ldexp, sinc, i0), composed so that every
// backend with those ufuncs serves them; dtypes are NumPy's (frexp's exponent int32; the smallest float that holds an
// integer input: float16 for int8 and bool, float32 for int16, float64 for wider integers).
public static partial class Np
{
    /// <summary><c>numpy.divmod</c>: <c>(floor_divide(x1, x2), remainder(x1, x2))</c>, the remainder with the divisor's sign.</summary>
    public static (NDArray Quotient, NDArray Remainder) Divmod(Operand x1, Operand x2) => (FloorDivide(x1, x2), Remainder(x1, x2));

    /// <summary>
    /// <c>numpy.modf</c>: the fractional and integral parts, both with the input's sign (<c>modf(-2.0)</c> is
    /// <c>(-0.0, -2.0)</c>, <c>modf(inf)</c> is <c>(0.0, inf)</c>); floats keep their dtype, integers and bools become the
    /// smallest float that holds them.
    /// </summary>
    /// <exception cref="DTypeMismatchException">Complex input (NumPy's TypeError and message).</exception>
    public static (NDArray Fractional, NDArray Integral) Modf(NDArray x)
    {
        NDArray f = FloatInput(x, "modf");
        NDArray integral = Trunc(f);
        NDArray fractional = Copysign(Where(IsInf(f), 0.0, Subtract(f, integral)), f);
        return (fractional, integral);
    }

    /// <summary>
    /// <c>numpy.frexp</c>: the mantissa <c>m</c> in [0.5, 1) (with the input's sign) and the int32 exponent <c>e</c> with
    /// <c>x = m·2^e</c>; zero, infinities and NaN give themselves and exponent 0. The mantissa has the input's float dtype
    /// (the smallest float that holds an integer input).
    /// </summary>
    /// <exception cref="DTypeMismatchException">Complex input (NumPy's TypeError and message).</exception>
    public static (NDArray Mantissa, NDArray Exponent) Frexp(NDArray x)
    {
        NDArray f = FloatInput(x, "frexp");
        NDArray d = AsType(f, DType.Float64);
        NDArray regular = LogicalAnd(IsFinite(d), NotEqual(d, 0.0));
        NDArray magnitude = Where(regular, Absolute(d), 1.0);
        // log2 of a power of two is exact; one step of correction either way covers its rounding near one
        NDArray e = Add(Floor(Log2(magnitude)), 1.0);
        NDArray half = Floor(Divide(e, 2.0));                                   // 2^e in two halves: each stays finite and normal
        NDArray m = Divide(Divide(magnitude, Exp2(half)), Exp2(Subtract(e, half)));
        NDArray high = GreaterEqual(m, 1.0), low = Less(m, 0.5);
        m = Where(high, Divide(m, 2.0), Where(low, Multiply(m, 2.0), m));
        e = Where(high, Add(e, 1.0), Where(low, Subtract(e, 1.0), e));
        NDArray mantissa = Where(regular, Copysign(m, d), d);
        return (AsType(mantissa, f.DType), AsType(Where(regular, e, 0.0), DType.Int32));
    }

    /// <summary>
    /// <c>numpy.ldexp</c>: <c>x1·2^x2</c> for integer exponents <paramref name="x2"/>, with one rounding; the result has
    /// <paramref name="x1"/>'s float dtype (the smallest float that holds an integer <paramref name="x1"/>).
    /// </summary>
    /// <exception cref="DTypeMismatchException"><paramref name="x2"/> is not an integer, or uint64 (NumPy's loops take int32 or
    /// int64 exponents, and uint64 does not cast safely to either), or <paramref name="x1"/> is complex (NumPy's TypeError and message).</exception>
    public static NDArray Ldexp(Operand x1, Operand x2)
    {
        bool integerExponent = x2.Array is { } e2 ? (e2.DType.IsInteger() && e2.DType != DType.UInt64) || e2.DType == DType.Bool : x2.Scalar.Kind is ScalarKind.Integer or ScalarKind.Bool;
        DType mantissa = x1.Array is { } a1 ? a1.DType : x1.Scalar.Kind is ScalarKind.Float ? DType.Float64 : x1.Scalar.Kind is ScalarKind.Complex ? DType.Complex128 : DType.Int64;
        if (!integerExponent || mantissa.IsComplex()) throw UnsupportedLoop("ldexp");
        DType result = mantissa.IsFloat() ? mantissa : DTypes.Promote(mantissa, DType.Float16);
        Operand mant = x1.Array is { } x1a ? AsType(x1a, DType.Float64) : x1.Scalar.AsDouble;
        // 2^x2 in two halves, so a large exponent whose product is finite (ldexp(0.5, 1024)) does not overflow on the way
        NDArray product;
        if (x2.Array is { } x2a)
        {
            NDArray exp = AsType(x2a, DType.Float64), half = Floor(Divide(exp, 2.0));
            product = Multiply(Multiply(mant, Exp2(half)), Exp2(Subtract(exp, half)));
        }
        else
        {
            double exp = x2.Scalar.AsDouble, half = Math.Floor(exp / 2);
            product = Multiply(Multiply(mant, Math.Pow(2, half)), Math.Pow(2, exp - half));
        }
        return AsType(product, result);
    }

    /// <summary>
    /// <c>numpy.sinc</c>: <c>sin(πx)/(πx)</c>, 1 at 0 (NumPy 2.2's formula: πx, with 0 replaced by the float dtype's eps,
    /// 1e-20 for complex numbers, so float16's 0 gives 1 where 1e-20 underflowed to 0/0); floats and complex numbers keep
    /// their dtype, integers become float64.
    /// </summary>
    public static NDArray Sinc(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        NDArray f = x.DType.IsInexact() ? x : AsType(x, DType.Float64);
        NDArray px = Multiply(Math.PI, f);
        double eps = f.DType.IsComplex() ? 1.0e-20 : FInfo(f.DType).Eps;
        NDArray y = Where(Equal(px, 0.0), eps, px);
        return Divide(Sin(y), y);
    }

    /// <summary>
    /// <c>numpy.i0</c>: the modified Bessel function of the first kind, order 0, by NumPy's (Cephes') Chebyshev series on
    /// [0, 8] and (8, ∞); floats keep their dtype, integers become float64.
    /// </summary>
    /// <exception cref="DTypeMismatchException">Complex input (NumPy's TypeError "i0 not supported for complex values").</exception>
    public static NDArray I0(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType.IsComplex()) throw new DTypeMismatchException("i0 not supported for complex values", nameof(x));
        NDArray a = Absolute(x.DType.IsFloat() ? x : AsType(x, DType.Float64));
        NDArray small = Multiply(Exp(a), Chebyshev(Subtract(Divide(a, 2.0), 2.0), s_i0A));
        NDArray large = Divide(Multiply(Exp(a), Chebyshev(Subtract(Divide(32.0, a), 2.0), s_i0B)), Sqrt(a));
        return Where(LessEqual(a, 8.0), small, large);
    }

    // An operand of a float-only ufunc NumPy computes in the smallest float holding the input (modf, frexp).
    private static NDArray FloatInput(NDArray x, string ufunc)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType.IsComplex()) throw UnsupportedLoop(ufunc);
        return x.DType.IsFloat() ? x : AsType(x, DTypes.Promote(x.DType, DType.Float16));
    }

    private static DTypeMismatchException UnsupportedLoop(string ufunc) =>
        new($"ufunc '{ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");

    // NumPy's _chbevl: the Chebyshev series Σ' vals[i]·T_i(x/2) by Clenshaw's recurrence b0 ← x·b1 - b2 + vals[i]. The
    // pair (b0, b1) is carried as one stacked array and each step reads it once (a 2×2 matrix of x, -1, 1, 0 applied
    // element-wise), so a lazy backend's graph grows by a step per term: two reads of each step's b0 and b1 would make
    // its tree double per term. x·b1 + (-1)·b2 and 1·b0 + 0·b1 are x·b1 - b2 and b0 exactly, for the finite values here.
    private static NDArray Chebyshev(NDArray x, double[] vals)
    {
        NDArray zero = FullLike(x, 0.0), one = FullLike(x, 1.0);
        NDArray step = Stack([Stack([x, FullLike(x, -1.0)]), Stack([one, zero])]);      // (2, 2, *x.shape)
        NDArray first = Stack([one, zero]);                                              // adds vals[i] to b0 alone
        NDArray state = Stack([FullLike(x, vals[0]), zero]);                             // (b0, b1)
        NDArray previous = state;
        for (int i = 1; i < vals.Length; i++)
        {
            previous = state;
            state = Add(Sum(Multiply(step, ExpandDims(state, 0)), 1), Multiply(vals[i], first));
        }
        // b2 is the b1 of the state before the last step; b0 the last state's first row
        return Multiply(Subtract(GetItem(state, 0), GetItem(previous, 1)), 0.5);
    }

    private static readonly double[] s_i0A =
    [
        -4.41534164647933937950E-18, 3.33079451882223809783E-17, -2.43127984654795469359E-16, 1.71539128555513303061E-15,
        -1.16853328779934516808E-14, 7.67618549860493561688E-14, -4.85644678311192946090E-13, 2.95505266312963983461E-12,
        -1.72682629144155570723E-11, 9.67580903537323691224E-11, -5.18979560163526290666E-10, 2.65982372468238665035E-9,
        -1.30002500998624804212E-8, 6.04699502254191894932E-8, -2.67079385394061173391E-7, 1.11738753912010371815E-6,
        -4.41673835845875056359E-6, 1.64484480707288970893E-5, -5.75419501008210370398E-5, 1.88502885095841655729E-4,
        -5.76375574538582365885E-4, 1.63947561694133579842E-3, -4.32430999505057594430E-3, 1.05464603945949983183E-2,
        -2.37374148058994688156E-2, 4.93052842396707084878E-2, -9.49010970480476444210E-2, 1.71620901522208775349E-1,
        -3.04682672343198398683E-1, 6.76795274409476084995E-1,
    ];

    private static readonly double[] s_i0B =
    [
        -7.23318048787475395456E-18, -4.83050448594418207126E-18, 4.46562142029675999901E-17, 3.46122286769746109310E-17,
        -2.82762398051658348494E-16, -3.42548561967721913462E-16, 1.77256013305652638360E-15, 3.81168066935262242075E-15,
        -9.55484669882830764870E-15, -4.15056934728722208663E-14, 1.54008621752140982691E-14, 3.85277838274214270114E-13,
        7.18012445138366623367E-13, -1.79417853150680611778E-12, -1.32158118404477131188E-11, -3.14991652796324136454E-11,
        1.18891471078464383424E-11, 4.94060238822496958910E-10, 3.39623202570838634515E-9, 2.26666899049817806459E-8,
        2.04891858946906374183E-7, 2.89137052083475648297E-6, 6.88975834691682398426E-5, 3.36911647825569408990E-3,
        8.04490411014108831608E-1,
    ];
}
