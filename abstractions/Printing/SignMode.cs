namespace ArrayDispatch.Printing;

/// <summary>How the sign of positive floating-point elements prints (NumPy's <c>sign</c> print option).</summary>
public enum SignMode
{
    /// <summary>Only negative values show a sign (<c>'-'</c>, NumPy's default).</summary>
    Minus,
    /// <summary>Positive values show <c>+</c> (<c>'+'</c>).</summary>
    Plus,
    /// <summary>Positive values get a space where the sign would be (<c>' '</c>).</summary>
    Space,
}
