namespace ArrayDispatch.Printing;

/// <summary>NumPy's <c>BoolFormat</c>: <c>True</c> gets a leading space so it lines up with <c>False</c>, except in a 0-d array.</summary>
internal sealed class BoolFormat(bool[] data, bool zeroDimensional) : ElementFormat
{
    private readonly string _true = zeroDimensional ? "True" : " True";

    public override string Format(long offset) => data[offset] ? _true : "False";
}
