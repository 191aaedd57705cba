namespace ArrayDispatch.Printing;

/// <summary>
/// NumPy's <c>FloatingFormat</c> (numpy/core/arrayprint.py, 1.24): one notation and padding for all the elements that
/// print. Scientific notation is chosen when the largest non-zero magnitude is at least 1e8, or (without
/// <see cref="PrintOptions.Suppress"/>) the smallest is below 1e-4 or the largest is over 1000 times the smallest.
/// </summary>
internal sealed class FloatingFormat : ElementFormat
{
    private readonly Half[]? _half;
    private readonly float[]? _single;
    private readonly double[]? _double;
    private readonly PrintOptions _options;
    private readonly bool _signPlus;
    private readonly bool _exp;
    private readonly bool _unique;
    private readonly Trim _trim;
    private readonly int _precision;
    private readonly int _minDigits;
    private readonly int _padLeft;
    private readonly int _padRight;
    private readonly int _expSize;

    public FloatingFormat(Array data, List<long> offsets, PrintOptions options)
    {
        _half = data as Half[];
        _single = data as float[];
        _double = data as double[];
        _options = options;
        _signPlus = options.Sign == SignMode.Plus;
        _precision = options.FloatMode == FloatMode.Unique ? -1 : options.Precision;
        FloatWidth single = Width;

        var finite = new List<double>(offsets.Count);
        bool anyNegativeInfinity = false;
        foreach (long o in offsets)
        {
            double v = Value(o);
            if (double.IsFinite(v)) finite.Add(v);
            else if (double.IsNegativeInfinity(v)) anyNegativeInfinity = true;
        }

        double maxAbs = 0, minAbs = double.PositiveInfinity;
        foreach (double v in finite)
        {
            if (v == 0) continue;
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
            minAbs = Math.Min(minAbs, Math.Abs(v));
        }
        if (maxAbs > 0)
        {
            // NumPy divides in the array's dtype: a float32 ratio rounds (or overflows) as float32.
            double ratio = single switch
            {
                FloatWidth.Half => (double)((Half)maxAbs / (Half)minAbs),
                FloatWidth.Single => (float)maxAbs / (float)minAbs,
                _ => maxAbs / minAbs,
            };
            _exp = maxAbs >= 1e8 || (!options.Suppress && (minAbs < 1e-4 || ratio > 1000));
        }

        if (finite.Count == 0)
        {
            _trim = Trim.Zeros;
            _expSize = -1;
            _unique = true;
        }
        else if (_exp)
        {
            bool fixedMode = options.FloatMode == FloatMode.Fixed;
            _unique = !fixedMode;
            Trim firstTrim = fixedMode ? Trim.Keep : Trim.Zeros;
            int intWidth = 0, fracWidth = 0, expWidth = 0;
            foreach (double v in finite)
            {
                string s = FloatDigits.Scientific(v, single, _unique, _precision, -1, firstTrim, _signPlus, 0, -1);
                int e = s.IndexOf('e', StringComparison.Ordinal);
                int dot = s.IndexOf('.', StringComparison.Ordinal);
                intWidth = Math.Max(intWidth, dot);
                fracWidth = Math.Max(fracWidth, e - dot - 1);
                expWidth = Math.Max(expWidth, s.Length - e - 1);
            }
            _expSize = expWidth - 1;
            _trim = Trim.Keep;
            _precision = _minDigits = fracWidth;
            _padLeft = intWidth;
            _padRight = _expSize + 2 + _precision;
        }
        else
        {
            bool fixedMode = options.FloatMode == FloatMode.Fixed;
            _unique = !fixedMode;
            Trim firstTrim = fixedMode ? Trim.Keep : Trim.Zeros;
            int intWidth = 0, fracWidth = 0;
            foreach (double v in finite)
            {
                string s = FloatDigits.Positional(v, single, _unique, _precision, -1, firstTrim, _signPlus, 0, 0);
                int dot = s.IndexOf('.', StringComparison.Ordinal);
                intWidth = Math.Max(intWidth, dot);
                fracWidth = Math.Max(fracWidth, s.Length - dot - 1);
            }
            _padLeft = intWidth;
            _padRight = fracWidth;
            _expSize = -1;
            if (options.FloatMode is FloatMode.Fixed or FloatMode.MaxPrecEqual)
            {
                _precision = _minDigits = _padRight;
                _trim = Trim.Keep;
            }
            else
            {
                _trim = Trim.Zeros;
            }
        }

        if (options.Sign == SignMode.Space && !finite.Exists(double.IsNegative)) _padLeft++;

        if (finite.Count != offsets.Count)
        {
            int negInf = options.Sign != SignMode.Minus || anyNegativeInfinity ? 1 : 0;
            int offset = _padRight + 1;
            _padLeft = Math.Max(_padLeft, Math.Max(options.NanStr.Length - offset, options.InfStr.Length + negInf - offset));
        }
    }

    private FloatWidth Width => _half is not null ? FloatWidth.Half : _single is not null ? FloatWidth.Single : FloatWidth.Double;

    private double Value(long offset) => _half is not null ? (double)_half[offset] : _single is not null ? _single[offset] : _double![offset];

    public override string Format(long offset)
    {
        double x = Value(offset);
        if (!double.IsFinite(x))
        {
            string text = double.IsNaN(x)
                ? (_signPlus ? "+" : "") + _options.NanStr
                : (x < 0 ? "-" : _signPlus ? "+" : "") + _options.InfStr;
            return text.PadLeft(_padLeft + _padRight + 1);
        }
        return _exp
            ? FloatDigits.Scientific(x, Width, _unique, _precision, _minDigits, _trim, _signPlus, _padLeft, _expSize)
            : FloatDigits.Positional(x, Width, _unique, _precision, _minDigits, _trim, _signPlus, _padLeft, _padRight);
    }
}
