namespace ArrayDispatch;

// Operators with .NET scalars come in long, ulong and double overloads: C# prefers long for int literals, so
// int32_array + 1 stays int32 as NEP 50 says, while int32_array + 1.5 gives float64; a ulong stays an integer (without
// its overload C# would convert it to double and uint64_array + 1UL would silently become float64).
public abstract partial class NDArray
{
    /// <summary><c>Np.Add</c>.</summary>
    public static NDArray operator +(NDArray a, NDArray b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(NDArray a, double b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(NDArray a, long b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(NDArray a, ulong b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(double a, NDArray b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(long a, NDArray b) => Np.Add(a, b);
    /// <summary><c>Np.Add</c> with a weak scalar.</summary>
    public static NDArray operator +(ulong a, NDArray b) => Np.Add(a, b);

    /// <summary><c>Np.Subtract</c>.</summary>
    public static NDArray operator -(NDArray a, NDArray b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(NDArray a, double b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(NDArray a, long b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(NDArray a, ulong b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(double a, NDArray b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(long a, NDArray b) => Np.Subtract(a, b);
    /// <summary><c>Np.Subtract</c> with a weak scalar.</summary>
    public static NDArray operator -(ulong a, NDArray b) => Np.Subtract(a, b);

    /// <summary><c>Np.Multiply</c>.</summary>
    public static NDArray operator *(NDArray a, NDArray b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(NDArray a, double b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(NDArray a, long b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(NDArray a, ulong b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(double a, NDArray b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(long a, NDArray b) => Np.Multiply(a, b);
    /// <summary><c>Np.Multiply</c> with a weak scalar.</summary>
    public static NDArray operator *(ulong a, NDArray b) => Np.Multiply(a, b);

    /// <summary><c>Np.Divide</c>.</summary>
    public static NDArray operator /(NDArray a, NDArray b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(NDArray a, double b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(NDArray a, long b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(NDArray a, ulong b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(double a, NDArray b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(long a, NDArray b) => Np.Divide(a, b);
    /// <summary><c>Np.Divide</c> with a weak scalar.</summary>
    public static NDArray operator /(ulong a, NDArray b) => Np.Divide(a, b);

    /// <summary><c>Np.Remainder</c>.</summary>
    public static NDArray operator %(NDArray a, NDArray b) => Np.Remainder(a, b);
    /// <summary><c>Np.Remainder</c> with a weak scalar.</summary>
    public static NDArray operator %(NDArray a, double b) => Np.Remainder(a, b);
    /// <summary><c>Np.Remainder</c> with a weak scalar.</summary>
    public static NDArray operator %(NDArray a, long b) => Np.Remainder(a, b);
    /// <summary><c>Np.Remainder</c> with a weak scalar.</summary>
    public static NDArray operator %(NDArray a, ulong b) => Np.Remainder(a, b);

    /// <summary><c>Np.Negative</c>.</summary>
    public static NDArray operator -(NDArray a) => Np.Negative(a);
    /// <summary><c>Np.LogicalNot</c> for bool arrays, <c>Np.Invert</c> for integers.</summary>
    public static NDArray operator !(NDArray a) => Np.LogicalNot(a);
    /// <summary><c>Np.Invert</c>.</summary>
    public static NDArray operator ~(NDArray a) => Np.Invert(a);
    /// <summary><c>Np.BitwiseAnd</c> (logical and for bool arrays).</summary>
    public static NDArray operator &(NDArray a, NDArray b) => Np.BitwiseAnd(a, b);
    /// <summary><c>Np.BitwiseOr</c> (logical or for bool arrays).</summary>
    public static NDArray operator |(NDArray a, NDArray b) => Np.BitwiseOr(a, b);
    /// <summary><c>Np.BitwiseXor</c> (logical xor for bool arrays).</summary>
    public static NDArray operator ^(NDArray a, NDArray b) => Np.BitwiseXor(a, b);

    /// <summary><c>Np.Less</c>.</summary>
    public static NDArray operator <(NDArray a, NDArray b) => Np.Less(a, b);
    /// <summary><c>Np.Greater</c>.</summary>
    public static NDArray operator >(NDArray a, NDArray b) => Np.Greater(a, b);
    /// <summary><c>Np.LessEqual</c>.</summary>
    public static NDArray operator <=(NDArray a, NDArray b) => Np.LessEqual(a, b);
    /// <summary><c>Np.GreaterEqual</c>.</summary>
    public static NDArray operator >=(NDArray a, NDArray b) => Np.GreaterEqual(a, b);
    /// <summary><c>Np.Less</c> with a weak scalar.</summary>
    public static NDArray operator <(NDArray a, double b) => Np.Less(a, b);
    /// <summary><c>Np.Greater</c> with a weak scalar.</summary>
    public static NDArray operator >(NDArray a, double b) => Np.Greater(a, b);
    /// <summary><c>Np.LessEqual</c> with a weak scalar.</summary>
    public static NDArray operator <=(NDArray a, double b) => Np.LessEqual(a, b);
    /// <summary><c>Np.GreaterEqual</c> with a weak scalar.</summary>
    public static NDArray operator >=(NDArray a, double b) => Np.GreaterEqual(a, b);
}
