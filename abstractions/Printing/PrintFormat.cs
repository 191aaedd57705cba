using System.Globalization;

namespace ArrayDispatch.Printing;

/// <summary>The format strings <see cref="NDArray.ToString(string?, IFormatProvider?)"/> takes, read into print options.</summary>
internal static class PrintFormat
{
    /// <summary>Reads <paramref name="format"/>: whether it asks for the repr, and the options to print with.</summary>
    /// <exception cref="FormatException">The format is not one of <c>G</c>, <c>G</c>n, <c>F</c>, <c>F</c>n, <c>R</c>.</exception>
    public static PrintOptions Parse(string? format, out bool repr)
    {
        PrintOptions current = PrintOptions.Current;
        repr = false;
        if (string.IsNullOrEmpty(format)) return current;
        char kind = char.ToUpperInvariant(format[0]);
        ReadOnlySpan<char> digits = format.AsSpan(1);
        int? precision = null;
        if (!digits.IsEmpty)
        {
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int p) || kind == 'R') throw Invalid(format);
            precision = p;
        }
        switch (kind)
        {
            case 'R':
                repr = true;
                return current;
            case 'G':
                return precision is { } g ? current with { Precision = g } : current;
            case 'F':
                return current with { Precision = precision ?? current.Precision, FloatMode = FloatMode.Fixed, Suppress = true };
            default:
                throw Invalid(format);
        }
    }

    private static FormatException Invalid(string format) => new(
        $"format '{format}' is not an array format; use 'G' (NumPy's str), 'G3' (str with precision 3), 'F3' (3 fixed decimals, never scientific) or 'R' (NumPy's repr)");
}
