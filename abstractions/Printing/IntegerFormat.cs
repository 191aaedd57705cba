using System.Globalization;
using System.Numerics;

namespace ArrayDispatch.Printing;

/// <summary>NumPy's <c>IntegerFormat</c>: right-aligned to the width of the longest of the smallest and largest element.</summary>
/// <remarks>NumPy ignores the <c>sign</c> option for integers, and so does this.</remarks>
internal sealed class IntegerFormat<T> : ElementFormat where T : IBinaryInteger<T>
{
    private readonly T[] _data;
    private readonly int _width;

    public IntegerFormat(T[] data, List<long> offsets)
    {
        _data = data;
        if (offsets.Count == 0) return;
        T min = data[offsets[0]], max = min;
        foreach (long o in offsets)
        {
            min = T.Min(min, data[o]);
            max = T.Max(max, data[o]);
        }
        _width = Math.Max(Text(min).Length, Text(max).Length);
    }

    public override string Format(long offset) => Text(_data[offset]).PadLeft(_width);

    private static string Text(T value) => value.ToString(null, CultureInfo.InvariantCulture);
}
