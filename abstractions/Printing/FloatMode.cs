namespace ArrayDispatch.Printing;

/// <summary>How many fractional digits floating-point elements print with (NumPy's <c>floatmode</c> print option).</summary>
public enum FloatMode
{
    /// <summary>Exactly <see cref="PrintOptions.Precision"/> fractional digits, even where fewer identify the value (<c>'fixed'</c>).</summary>
    Fixed,
    /// <summary>As many digits as identify each value uniquely; <see cref="PrintOptions.Precision"/> is ignored (<c>'unique'</c>).</summary>
    Unique,
    /// <summary>The unique digits, but at most <see cref="PrintOptions.Precision"/> of them (<c>'maxprec'</c>, NumPy's default).</summary>
    MaxPrec,
    /// <summary>Like <see cref="MaxPrec"/>, then every element with as many digits as the longest (<c>'maxprec_equal'</c>).</summary>
    MaxPrecEqual,
}
