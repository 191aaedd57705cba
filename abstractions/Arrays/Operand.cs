namespace ArrayDispatch;

/// <summary>An argument of an element-wise function: an array, or a weak .NET scalar.</summary>
/// <remarks>Only arrays take part in dispatch; a scalar goes along to whichever backend handles the arrays.</remarks>
public readonly struct Operand
{
    private Operand(NDArray? array, Scalar scalar) { Array = array; Scalar = scalar; }

    /// <summary>The array, or <see langword="null"/> when the operand is a scalar.</summary>
    public NDArray? Array { get; }

    /// <summary>The scalar; meaningful only when <see cref="Array"/> is <see langword="null"/>.</summary>
    public Scalar Scalar { get; }

    /// <summary>Whether the operand is a scalar.</summary>
    public bool IsScalar => Array is null;

    /// <summary>The shape the operand broadcasts as: the array's, or <c>()</c> for a scalar.</summary>
    public Shape Shape => Array?.Shape ?? Shape.Scalar;

    /// <summary>Wraps an array.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is null.</exception>
    public static implicit operator Operand(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return new(array, default);
    }

    /// <summary>Wraps a weak scalar.</summary>
    public static implicit operator Operand(Scalar scalar) => new(null, scalar);
    /// <summary>Wraps a float scalar.</summary>
    public static implicit operator Operand(double value) => new(null, Scalar.Float(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(long value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an unsigned integer scalar, exactly (C# would otherwise convert a <see cref="ulong"/> to <see cref="double"/>).</summary>
    public static implicit operator Operand(ulong value) => new(null, Scalar.Integer(value));
    // As on Scalar: the narrower integers convert directly, so an int has one best conversion beside long and ulong.
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(int value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(uint value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(short value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(ushort value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(sbyte value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps an integer scalar.</summary>
    public static implicit operator Operand(byte value) => new(null, Scalar.Integer(value));
    /// <summary>Wraps a boolean scalar.</summary>
    public static implicit operator Operand(bool value) => new(null, Scalar.Bool(value));
    /// <summary>Wraps a complex scalar.</summary>
    public static implicit operator Operand(System.Numerics.Complex value) => new(null, Scalar.Complex(value.Real, value.Imaginary));

    /// <summary>The result dtype of NumPy's promotion between this operand and <paramref name="other"/> (NEP 50).</summary>
    public DType ResultType(in Operand other)
    {
        if (Array is { } a && other.Array is { } b) return DTypes.Promote(a.DType, b.DType);
        if (Array is { } x) return DTypes.PromoteWeak(x.DType, other.Scalar.Kind);
        if (other.Array is { } y) return DTypes.PromoteWeak(y.DType, Scalar.Kind);
        return DTypes.Promote(DTypes.DefaultOf(Scalar.Kind), DTypes.DefaultOf(other.Scalar.Kind));
    }

    /// <inheritdoc/>
    public override string ToString() => Array?.ToString() ?? Scalar.ToString();
}
