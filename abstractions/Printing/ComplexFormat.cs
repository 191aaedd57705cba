namespace ArrayDispatch.Printing;

/// <summary>
/// NumPy's <c>ComplexFloatingFormat</c>: the real parts formatted together as floats, the imaginary parts together with
/// a forced sign, and <c>j</c> after the imaginary digits (<c>[ 1. +2.j  -0.5+0.j]</c>).
/// </summary>
internal sealed class ComplexFormat : ElementFormat
{
    private readonly Dictionary<long, int> _index = new();
    private readonly FloatingFormat _real;
    private readonly FloatingFormat _imaginary;

    public ComplexFormat(Array data, List<long> offsets, PrintOptions options)
    {
        // Each part is a float array of its own, holding the printed elements in order.
        var positions = new List<long>(offsets.Count);
        int count = 0;
        foreach (long o in offsets)
        {
            if (_index.TryAdd(o, count)) count++;
        }
        Array re, im;
        if (data is Complex64[] c64)
        {
            var r = new float[count];
            var i = new float[count];
            foreach ((long o, int k) in _index) (r[k], i[k]) = (c64[o].Real, c64[o].Imaginary);
            (re, im) = (r, i);
        }
        else
        {
            var c128 = (System.Numerics.Complex[])data;
            var r = new double[count];
            var i = new double[count];
            foreach ((long o, int k) in _index) (r[k], i[k]) = (c128[o].Real, c128[o].Imaginary);
            (re, im) = (r, i);
        }
        foreach (long o in offsets) positions.Add(_index[o]);
        _real = new FloatingFormat(re, positions, options);
        _imaginary = new FloatingFormat(im, positions, options with { Sign = SignMode.Plus });
    }

    public override string Format(long offset)
    {
        int k = _index[offset];
        string i = _imaginary.Format(k);
        int end = i.TrimEnd().Length;
        return _real.Format(k) + i[..end] + "j" + i[end..];
    }
}
