namespace ArrayDispatch.Dense;

/// <summary>The dtype whose element type is a given .NET type (<c>byte</c> is uint8, <c>Half</c> float16, …).</summary>
internal static class DTypeOfElement
{
    public static string Names => "bool, sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double, Complex64, Complex";

    public static bool TryGet(Type element, out DType dtype)
    {
        foreach (DType d in DTypes.All)
        {
            if (d.ClrType() == element)
            {
                dtype = d;
                return true;
            }
        }
        dtype = default;
        return false;
    }
}
