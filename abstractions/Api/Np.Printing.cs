using ArrayDispatch.Printing;

namespace ArrayDispatch;

public static partial class Np
{
    /// <summary>
    /// Sets print options for the current async flow until the result is disposed (NumPy's <c>printoptions</c> context
    /// manager): <c>using (Np.PrintOptions(precision: 3, threshold: 100)) { … }</c>. Options left out keep their current
    /// values; scopes nest.
    /// </summary>
    /// <param name="precision">The most fractional digits a float prints with (NumPy's default 8).</param>
    /// <param name="threshold">Arrays with more elements print summarised (1000).</param>
    /// <param name="edgeItems">Items shown at each end of a summarised axis (3).</param>
    /// <param name="lineWidth">Characters per line (75).</param>
    /// <param name="suppress">Never use scientific notation for small values; print them as 0.</param>
    /// <param name="sign">How positive floats are signed.</param>
    /// <param name="floatMode">How many digits floats print with.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IDisposable PrintOptions(int? precision = null, long? threshold = null, int? edgeItems = null, int? lineWidth = null,
        bool? suppress = null, SignMode? sign = null, FloatMode? floatMode = null) =>
        Printing.PrintOptions.Use(With(Printing.PrintOptions.Current, precision, threshold, edgeItems, lineWidth, suppress, sign, floatMode));

    /// <summary>Sets the process-wide print options (NumPy's <c>set_printoptions</c>); options left out keep their values.</summary>
    /// <inheritdoc cref="PrintOptions(int?, long?, int?, int?, bool?, SignMode?, FloatMode?)" path="/param"/>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static void SetPrintOptions(int? precision = null, long? threshold = null, int? edgeItems = null, int? lineWidth = null,
        bool? suppress = null, SignMode? sign = null, FloatMode? floatMode = null) =>
        Printing.PrintOptions.Default = With(Printing.PrintOptions.Default, precision, threshold, edgeItems, lineWidth, suppress, sign, floatMode);

    /// <summary>The print options in effect in this async flow (NumPy's <c>get_printoptions</c>).</summary>
    public static Printing.PrintOptions GetPrintOptions() => Printing.PrintOptions.Current;

    /// <summary>NumPy's <c>repr(x)</c>, e.g. <c>array([0., 1., 2.])</c> or <c>array([1, 2], dtype=int32)</c>; the same as <c>x.ToString("R")</c>.</summary>
    public static string ArrayRepr(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.ToString("R", null);
    }

    /// <summary>NumPy's <c>str(x)</c>, e.g. <c>[0. 1. 2.]</c>; the same as <c>x.ToString()</c>.</summary>
    public static string ArrayStr(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.ToString();
    }

    private static Printing.PrintOptions With(Printing.PrintOptions o, int? precision, long? threshold, int? edgeItems, int? lineWidth,
        bool? suppress, SignMode? sign, FloatMode? floatMode) => o with
    {
        Precision = precision ?? o.Precision,
        Threshold = threshold ?? o.Threshold,
        EdgeItems = edgeItems ?? o.EdgeItems,
        LineWidth = lineWidth ?? o.LineWidth,
        Suppress = suppress ?? o.Suppress,
        Sign = sign ?? o.Sign,
        FloatMode = floatMode ?? o.FloatMode,
    };
}
