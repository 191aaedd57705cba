using System.Globalization;
using System.Text;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Printing;

/// <summary>
/// Turns host-resident array data into NumPy's text: <see cref="Str"/> is <c>str(a)</c>, <see cref="Repr"/> is
/// <c>repr(a)</c>, <see cref="Array2String"/> is <c>numpy.array2string</c>. The output matches NumPy 1.24's byte for byte
/// (column alignment, shortest round-trip digits cut at the precision, the switch to scientific notation, nan and inf,
/// line wrapping, and summarisation of arrays larger than the threshold).
/// </summary>
public static class ArrayPrinter
{
    /// <summary>NumPy's <c>str(a)</c>: the elements in nested brackets, separated by spaces.</summary>
    /// <param name="a">The elements.</param>
    /// <param name="options">The print options; <see langword="null"/> for <see cref="PrintOptions.Current"/>.</param>
    /// <remarks>A 0-d array prints as its scalar does (<c>1.5</c>, <c>1e+16</c>, <c>True</c>), ignoring the options, as in NumPy.</remarks>
    public static string Str(HostBuffer a, PrintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Shape.Rank == 0 ? ScalarStr(a) : Array2String(a, options ?? PrintOptions.Current, " ", "", "");
    }

    /// <summary>
    /// NumPy's <c>repr(a)</c>: <c>array([0., 1.])</c>, with <c>dtype=</c> where NumPy shows it (every dtype but bool,
    /// int64 and float64, and every empty array) and <c>shape=</c> for empty arrays other than shape <c>(0,)</c>.
    /// </summary>
    /// <param name="a">The elements.</param>
    /// <param name="options">The print options; <see langword="null"/> for <see cref="PrintOptions.Current"/>.</param>
    /// <param name="className">The name before the parenthesis (NumPy uses the array's class name).</param>
    public static string Repr(HostBuffer a, PrintOptions? options = null, string className = "array")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(className);
        options ??= PrintOptions.Current;
        bool skipDType = IsDTypeImplied(a.DType) && a.Shape.Size > 0;
        string prefix = className + "(";
        string suffix = skipDType ? ")" : ",";
        string list = a.Shape.Size > 0 || (a.Shape.Rank == 1 && a.Shape.Dims[0] == 0)
            ? Array2String(a, options, ", ", prefix, suffix)
            : "[], shape=" + a.Shape;
        string text = prefix + list + suffix;
        if (skipDType) return text;
        string dtype = $"dtype={a.DType.Name()})";
        int lastLine = text.Length - (text.LastIndexOf('\n') + 1);
        string spacer = lastLine + dtype.Length + 1 > options.LineWidth ? "\n" + new string(' ', prefix.Length) : " ";
        return text + spacer + dtype;
    }

    /// <summary>
    /// The text a format string asks for (what <see cref="NDArray.ToString(string?, IFormatProvider?)"/> gives for
    /// host-resident arrays): <c>G</c> or none, <see cref="Str"/>; <c>G</c>n, str with precision n; <c>F</c>n, str with n
    /// fixed decimals, never scientific; <c>R</c>, <see cref="Repr"/>. Backends that print downloaded values use it.
    /// </summary>
    /// <param name="a">The elements.</param>
    /// <param name="format">The format string; options not set by it come from <see cref="PrintOptions.Current"/>.</param>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of those.</exception>
    public static string Format(HostBuffer a, string? format)
    {
        PrintOptions options = PrintFormat.Parse(format, out bool repr);
        return repr ? Repr(a, options) : Str(a, options);
    }

    /// <summary>Whether NumPy's repr leaves the dtype out for <paramref name="dtype"/> (the default int and float types, and bool, on 64-bit Linux).</summary>
    public static bool IsDTypeImplied(DType dtype) => dtype is DType.Bool or DType.Int64 or DType.Float64 or DType.Complex128;

    /// <summary>NumPy's <c>array2string</c>: the elements in nested brackets.</summary>
    /// <param name="a">The elements.</param>
    /// <param name="options">The print options.</param>
    /// <param name="separator">Between elements (<c>" "</c> for str, <c>", "</c> for repr).</param>
    /// <param name="prefix">Text that will precede the result on its first line; continuation lines are indented by its length.</param>
    /// <param name="suffix">Text that will follow the result; its length is kept free on the last line.</param>
    public static string Array2String(HostBuffer a, PrintOptions options, string separator = " ", string prefix = "", string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(separator);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(suffix);
        if (a.Shape.Size == 0) return "[]";
        bool summarise = a.Shape.Size > options.Threshold;
        var printed = new List<long>();
        CollectPrinted(a, summarise, options.EdgeItems, 0, a.Offset, printed, forFormat: false);
        List<long> fitted = printed;
        if (summarise && options.EdgeItems == 0)
        {
            fitted = [];
            CollectPrinted(a, summarise, 0, 0, a.Offset, fitted, forFormat: true);
        }
        ElementFormat format = ElementFormat.For(a, fitted, options);
        var words = new string[printed.Count];
        for (int i = 0; i < words.Length; i++) words[i] = format.Format(printed[i]);
        var printer = new Layout(a.Shape, words, separator, options.EdgeItems, summarise);
        return printer.Recurse(0, " " + new string(' ', prefix.Length), options.LineWidth - suffix.Length);
    }

    /// <summary>
    /// The storage offsets of the elements that print, in print order: the first and last <paramref name="edge"/> items
    /// of each summarised axis. With <paramref name="forFormat"/>, the elements the format is fitted to instead (NumPy's
    /// <c>_leading_trailing</c>): the same, except that edge 0 keeps the whole axis (<c>a[-0:]</c>) where only the last item prints.
    /// </summary>
    private static void CollectPrinted(HostBuffer a, bool summarise, int edge, int axis, long offset, List<long> offsets, bool forFormat)
    {
        if (axis == a.Shape.Rank)
        {
            offsets.Add(offset);
            return;
        }
        int n = a.Shape.Dims[axis];
        long stride = a.Strides[axis];
        if (summarise && n > 2 * edge && !(forFormat && edge == 0))
        {
            int first = edge == 0 ? n - 1 : n - edge;
            for (int i = 0; i < edge; i++) CollectPrinted(a, summarise, edge, axis + 1, offset + i * stride, offsets, forFormat);
            for (int i = first; i < n; i++) CollectPrinted(a, summarise, edge, axis + 1, offset + i * stride, offsets, forFormat);
        }
        else
        {
            for (int i = 0; i < n; i++) CollectPrinted(a, summarise, edge, axis + 1, offset + i * stride, offsets, forFormat);
        }
    }

    /// <summary>NumPy's <c>str</c> of a scalar: fixed-point between 1e-4 and 1e16, else scientific; shortest digits.</summary>
    private static string ScalarStr(HostBuffer a)
    {
        long o = a.Offset;
        switch (a.Data)
        {
            case bool[] b: return b[o] ? "True" : "False";
            case Half[] h: return FloatStr((double)h[o], FloatWidth.Half);
            case float[] f: return FloatStr(f[o], FloatWidth.Single);
            case double[] d: return FloatStr(d[o], FloatWidth.Double);
            case Complex64[] c: return ComplexStr(c[o].Real, c[o].Imaginary, FloatWidth.Single);
            case System.Numerics.Complex[] c: return ComplexStr(c[o].Real, c[o].Imaginary, FloatWidth.Double);
            // GetValue boxes the element as the array's own type (a byte[] passes as an sbyte[] in a type test, not here).
            case Array data when a.DType.IsInteger(): return System.Convert.ToString(data.GetValue(o), CultureInfo.InvariantCulture)!;
            default: throw new NotSupportedException($"printing arrays of dtype '{a.DType.Name()}' is not supported yet");
        }
    }

    // Python's repr of a complex: (1+2j), (1.5-0j), and 2j alone when the real part is +0.
    private static string ComplexStr(double re, double im, FloatWidth width)
    {
        string i = PartRepr(im, width) + "j";
        if (re == 0 && !double.IsNegative(re)) return i;
        return "(" + PartRepr(re, width) + (im >= 0 || double.IsNaN(im) ? "+" : "") + i + ")";
    }

    // A part of a complex as Python's repr writes it: the float rule without the ".0" (1, 1124151600000000, 1e+16).
    private static string PartRepr(double x, FloatWidth width) => FloatStr(x, width, Trim.DptZeros);

    // Each part on its own: fixed-point between 1e-4 and 1e16, else scientific (.NET's "R" switched at other exponents).
    private static string FloatStr(double x, FloatWidth single, Trim positionalTrim = Trim.LeaveOneZero)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x < 0 ? "-inf" : "inf";
        double abs = Math.Abs(x);
        return abs == 0 || (abs >= 1e-4 && abs < 1e16)
            ? FloatDigits.Positional(x, single, unique: true, precision: -1, minDigits: -1, positionalTrim, signPlus: false, 0, -1)
            : FloatDigits.Scientific(x, single, unique: true, precision: -1, minDigits: -1, Trim.DptZeros, signPlus: false, 0, -1);
    }

    /// <summary>NumPy's <c>_formatArray</c>: nested brackets, wrapping each innermost row at the line width.</summary>
    private sealed class Layout(Shape shape, string[] words, string separator, int edge, bool summarise)
    {
        private const string SummaryInsert = "...";
        private int _next;

        public string Recurse(int axis, string hangingIndent, int currentWidth)
        {
            int axesLeft = shape.Rank - axis;
            if (axesLeft == 0) return words[_next++];
            string nextHangingIndent = hangingIndent + " ";
            int nextWidth = currentWidth - 1;
            int length = shape.Dims[axis];
            bool showSummary = summarise && 2 * edge < length;
            int leading = showSummary ? edge : 0;
            int trailing = showSummary ? edge : length;
            var s = new StringBuilder();
            if (axesLeft == 1)
            {
                string trimmedSeparator = separator.TrimEnd();
                int elementWidth = currentWidth - Math.Max(trimmedSeparator.Length, 1);
                var line = new StringBuilder(hangingIndent);
                for (int i = 0; i < leading; i++)
                {
                    ExtendLine(s, line, Recurse(axis + 1, nextHangingIndent, nextWidth), elementWidth, hangingIndent);
                    line.Append(separator);
                }
                if (showSummary)
                {
                    ExtendLine(s, line, SummaryInsert, elementWidth, hangingIndent);
                    line.Append(separator);
                }
                for (int i = trailing; i > 1; i--)
                {
                    ExtendLine(s, line, Recurse(axis + 1, nextHangingIndent, nextWidth), elementWidth, hangingIndent);
                    line.Append(separator);
                }
                ExtendLine(s, line, Recurse(axis + 1, nextHangingIndent, nextWidth), elementWidth, hangingIndent);
                s.Append(line);
            }
            else
            {
                string lineSeparator = separator.TrimEnd() + new string('\n', axesLeft - 1);
                for (int i = 0; i < leading; i++)
                {
                    s.Append(hangingIndent).Append(Recurse(axis + 1, nextHangingIndent, nextWidth)).Append(lineSeparator);
                }
                if (showSummary) s.Append(hangingIndent).Append(SummaryInsert).Append(lineSeparator);
                for (int i = trailing; i > 1; i--)
                {
                    s.Append(hangingIndent).Append(Recurse(axis + 1, nextHangingIndent, nextWidth)).Append(lineSeparator);
                }
                s.Append(hangingIndent).Append(Recurse(axis + 1, nextHangingIndent, nextWidth));
            }
            return "[" + s.ToString(hangingIndent.Length, s.Length - hangingIndent.Length) + "]";
        }

        private static void ExtendLine(StringBuilder s, StringBuilder line, string word, int lineWidth, string nextLinePrefix)
        {
            bool needsWrap = line.Length + word.Length > lineWidth && line.Length > nextLinePrefix.Length;
            if (needsWrap)
            {
                s.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(nextLinePrefix);
            }
            line.Append(word);
        }
    }
}
