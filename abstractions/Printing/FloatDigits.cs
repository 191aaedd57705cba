using System.Globalization;
using System.Numerics;
using System.Text;

namespace ArrayDispatch.Printing;

/// <summary>How trailing zeros and the decimal point are trimmed (the <c>trim</c> argument of NumPy's Dragon4 formatters).</summary>
/// <summary>The float type a value was read from, whose shortest round-trip digits print (float16's, float32's or float64's).</summary>
internal enum FloatWidth
{
    Double,
    Single,
    Half,
}

internal enum Trim
{
    /// <summary><c>'k'</c>: keep trailing zeros and the point.</summary>
    Keep,
    /// <summary><c>'.'</c>: trim trailing zeros, keep the point (<c>1.</c>).</summary>
    Zeros,
    /// <summary><c>'0'</c>: trim trailing zeros, but leave one after the point (<c>1.0</c>).</summary>
    LeaveOneZero,
    /// <summary><c>'-'</c>: trim trailing zeros and the point (<c>1</c>).</summary>
    DptZeros,
}

/// <summary>
/// The decimal digits of a float as NumPy's Dragon4 produces them (<c>numpy.format_float_positional</c> and
/// <c>format_float_scientific</c>): the shortest digits that round-trip in the value's own precision (float32 values get
/// float32's), cut at a precision by rounding the exact binary value half to even, or extended to a minimum number of
/// digits with the exact value's digits.
/// </summary>
/// <param name="Text">The significant digits, no leading or trailing zeros; empty for zero.</param>
/// <param name="Point">Where the decimal point goes: the value is <c>0.Text × 10^Point</c>.</param>
internal readonly record struct FloatDigits(string Text, int Point)
{
    private static readonly FloatDigits s_zero = new("", 1);

    /// <summary>The digits of <paramref name="value"/> (its magnitude; the caller prints the sign).</summary>
    /// <param name="value">A finite value.</param>
    /// <param name="single">Whether the value is a float32 (its shortest digits are float32's).</param>
    /// <param name="unique">Start from the shortest round-trip digits; otherwise from the exact value.</param>
    /// <param name="precision">The most digits after the point (of the mantissa when <paramref name="scientific"/>); -1 for no limit.</param>
    /// <param name="minDigits">The fewest digits after the point (0: every whole digit is exact), from the exact value, then zeros; -1 for none.</param>
    /// <param name="scientific">Whether the digits are counted from the first significant one (scientific notation).</param>
    public static FloatDigits Of(double value, FloatWidth single, bool unique, int precision, int minDigits, bool scientific)
    {
        value = Math.Abs(value);
        if (value == 0) return s_zero;
        if (unique)
        {
            FloatDigits shortest = Shortest(value, single);
            int limit = precision < 0 ? int.MaxValue : Keep(shortest.Point, precision, scientific);
            if (shortest.Text.Length > limit) return Exact(value).Round(precision, scientific);
            // Dragon4 generates at least down to the minDigits-th place (the units place for 0; -1 turns this off), with
            // the exact value's digits: a float32 85193928 prints 85193928. in an array, 85193930.0 as a scalar.
            if (minDigits >= 0 && Keep(shortest.Point, minDigits, scientific) > shortest.Text.Length) return Exact(value).Round(minDigits, scientific);
            return shortest;
        }
        return precision < 0 ? Exact(value) : Exact(value).Round(precision, scientific);
    }

    /// <summary>The number of significant digits that leave <paramref name="fractional"/> digits after the point.</summary>
    private static int Keep(int point, int fractional, bool scientific) => scientific ? fractional + 1 : point + fractional;

    /// <summary>The shortest digits that parse back to <paramref name="value"/> (.NET's round-trip formatting, as Python's repr).</summary>
    private static FloatDigits Shortest(double value, FloatWidth single)
    {
        string s = single switch
        {
            FloatWidth.Single => ((float)value).ToString("R", CultureInfo.InvariantCulture),
            FloatWidth.Half => ((Half)value).ToString("R", CultureInfo.InvariantCulture),
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
        int e = s.IndexOf('E', StringComparison.Ordinal);
        int exponent = e < 0 ? 0 : int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? s : s[..e];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        int whole = dot < 0 ? mantissa.Length : dot;
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int leading = 0;
        while (leading < digits.Length && digits[leading] == '0') leading++;
        return Normalised(digits[leading..], whole - leading + exponent);
    }

    /// <summary>Every digit of the binary value (at most ~770 for a float64), from its mantissa and exponent.</summary>
    private static FloatDigits Exact(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (biased == 0) exponent = -1074;
        else { mantissa |= 1L << 52; exponent = biased - 1075; }
        string text;
        int point;
        if (exponent >= 0)
        {
            text = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            point = text.Length;
        }
        else
        {
            // m·2^e = m·5^-e / 10^-e.
            text = (mantissa * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
            point = text.Length + exponent;
        }
        return Normalised(text, point);
    }

    /// <summary>Rounds to <paramref name="fractional"/> digits after the point, half to even, as Dragon4 rounds at its cutoff.</summary>
    private FloatDigits Round(int fractional, bool scientific)
    {
        int keep = Keep(Point, fractional, scientific);
        if (keep >= Text.Length) return this;
        if (keep < 0) return s_zero;
        bool up;
        char first = Text[keep];
        if (first != '5') up = first > '5';
        else if (keep + 1 < Text.Length) up = true;   // Text has no trailing zeros: anything after the 5 is above half.
        else up = keep > 0 && (Text[keep - 1] - '0') % 2 == 1;
        if (!up) return keep == 0 ? s_zero : Normalised(Text[..keep], Point);
        var digits = new StringBuilder(Text, 0, keep, keep + 1);
        int i = keep - 1;
        while (i >= 0 && digits[i] == '9') { digits[i] = '0'; i--; }
        if (i < 0) return Normalised("1", Point + 1);
        digits[i]++;
        return Normalised(digits.ToString(), Point);
    }

    private static FloatDigits Normalised(string text, int point)
    {
        text = text.TrimEnd('0');
        return text.Length == 0 ? s_zero : new FloatDigits(text, point);
    }

    /// <summary>NumPy's <c>dragon4_positional</c> with <c>fractional=True</c>: the value in fixed-point notation.</summary>
    public static string Positional(double value, FloatWidth single, bool unique, int precision, int minDigits, Trim trim, bool signPlus, int padLeft, int padRight)
    {
        FloatDigits d = Of(value, single, unique, precision, minDigits, scientific: false);
        var sb = new StringBuilder();
        bool negative = double.IsNegative(value);
        if (negative) sb.Append('-');
        else if (signPlus) sb.Append('+');
        int signLength = sb.Length;
        if (d.Point <= 0) sb.Append('0');
        else
        {
            sb.Append(d.Text, 0, Math.Min(d.Point, d.Text.Length));
            if (d.Point > d.Text.Length) sb.Append('0', d.Point - d.Text.Length);
        }
        int wholeDigits = sb.Length - signLength;
        var fraction = new StringBuilder();
        if (d.Point < 0) fraction.Append('0', -d.Point).Append(d.Text);
        else if (d.Point < d.Text.Length) fraction.Append(d.Text, d.Point, d.Text.Length - d.Point);
        int wanted = Math.Max(minDigits, trim == Trim.Keep && !unique ? precision : 0);
        if (fraction.Length < wanted) fraction.Append('0', wanted - fraction.Length);
        AppendFraction(sb, fraction, trim);
        int fractionDigits = fraction.Length == 0 && trim == Trim.LeaveOneZero ? 1 : fraction.Length;
        if (padRight >= fractionDigits)
        {
            if (trim == Trim.DptZeros && fractionDigits == 0) sb.Append(' ');
            sb.Append(' ', padRight - fractionDigits);
        }
        if (padLeft > wholeDigits + signLength) sb.Insert(0, " ", padLeft - wholeDigits - signLength);
        return sb.ToString();
    }

    /// <summary>NumPy's <c>dragon4_scientific</c>: the value as a mantissa with one whole digit and an exponent.</summary>
    public static string Scientific(double value, FloatWidth single, bool unique, int precision, int minDigits, Trim trim, bool signPlus, int padLeft, int expDigits)
    {
        FloatDigits d = Of(value, single, unique, precision, minDigits, scientific: true);
        var sb = new StringBuilder();
        if (double.IsNegative(value)) sb.Append('-');
        else if (signPlus) sb.Append('+');
        if (padLeft > 1 + sb.Length) sb.Insert(0, " ", padLeft - 1 - sb.Length);
        sb.Append(d.Text.Length == 0 ? '0' : d.Text[0]);
        var fraction = new StringBuilder();
        if (d.Text.Length > 1) fraction.Append(d.Text, 1, d.Text.Length - 1);
        int wanted = Math.Max(minDigits, trim == Trim.Keep && !unique ? precision : 0);
        if (fraction.Length < wanted) fraction.Append('0', wanted - fraction.Length);
        AppendFraction(sb, fraction, trim);
        int exponent = d.Text.Length == 0 ? 0 : d.Point - 1;
        sb.Append('e').Append(exponent < 0 ? '-' : '+');
        sb.Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(expDigits, 2), '0'));
        return sb.ToString();
    }

    private static void AppendFraction(StringBuilder sb, StringBuilder fraction, Trim trim)
    {
        if (fraction.Length > 0) { sb.Append('.').Append(fraction); return; }
        switch (trim)
        {
            case Trim.DptZeros: break;
            case Trim.LeaveOneZero: sb.Append(".0"); break;
            default: sb.Append('.'); break;
        }
    }
}
