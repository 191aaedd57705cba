namespace ArrayDispatch.Printing;

/// <summary>
/// NumPy's print options (<c>numpy.set_printoptions</c>): how arrays turn into text in <see cref="NDArray.ToString()"/>,
/// <see cref="Np.ArrayRepr"/> and every backend that prints values. Immutable; <see cref="Current"/> is the scoped
/// options of this async flow (<see cref="Np.PrintOptions"/>), else <see cref="Default"/>.
/// </summary>
public sealed record PrintOptions
{
    private static readonly AsyncLocal<PrintOptions?> s_scoped = new();
    private static PrintOptions s_default = new();

    /// <summary>The most fractional digits a float prints with (8).</summary>
    public int Precision { get; init; } = 8;

    /// <summary>Arrays with more elements than this print summarised, with <c>...</c> (1000).</summary>
    public long Threshold { get; init; } = 1000;

    /// <summary>In a summarised array, the items shown at the start and end of each long axis (3).</summary>
    public int EdgeItems { get; init; } = 3;

    /// <summary>The characters per line before a line is wrapped (75).</summary>
    public int LineWidth { get; init; } = 75;

    /// <summary>Print floats in fixed-point notation, never scientific, and small values as 0 (<c>suppress=False</c>).</summary>
    public bool Suppress { get; init; }

    /// <summary>How positive floats are signed (<see cref="SignMode.Minus"/>).</summary>
    public SignMode Sign { get; init; } = SignMode.Minus;

    /// <summary>How many digits floats print with (<see cref="FloatMode.MaxPrec"/>).</summary>
    public FloatMode FloatMode { get; init; } = FloatMode.MaxPrec;

    /// <summary>The text of a NaN element (<c>nan</c>).</summary>
    public string NanStr { get; init; } = "nan";

    /// <summary>The text of an infinite element, after its sign (<c>inf</c>).</summary>
    public string InfStr { get; init; } = "inf";

    /// <summary>The process-wide options, used where no scope is open. Setting it is NumPy's <c>set_printoptions</c>.</summary>
    public static PrintOptions Default
    {
        get => Volatile.Read(ref s_default);
        set => Volatile.Write(ref s_default, Validated(value));
    }

    /// <summary>The options of the innermost <see cref="Np.PrintOptions"/> scope of this async flow, else <see cref="Default"/>.</summary>
    public static PrintOptions Current => s_scoped.Value ?? Default;

    /// <summary>Makes <paramref name="options"/> current for this async flow until the result is disposed; scopes nest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (a negative precision, a line width below 1, …).</exception>
    public static IDisposable Use(PrintOptions options)
    {
        PrintOptions? previous = s_scoped.Value;
        s_scoped.Value = Validated(options);
        return new Restorer(previous);
    }

    private static PrintOptions Validated(PrintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Precision < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Precision, "precision must be >= 0");
        if (options.Threshold < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "threshold must be >= 0");
        if (options.EdgeItems < 0) throw new ArgumentOutOfRangeException(nameof(options), options.EdgeItems, "edgeitems must be >= 0");
        if (options.LineWidth < 1) throw new ArgumentOutOfRangeException(nameof(options), options.LineWidth, "linewidth must be >= 1");
        ArgumentNullException.ThrowIfNull(options.NanStr);
        ArgumentNullException.ThrowIfNull(options.InfStr);
        return options;
    }

    private sealed class Restorer(PrintOptions? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            s_scoped.Value = previous;
        }
    }
}
