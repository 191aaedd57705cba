namespace ArrayDispatch;

/// <summary>The element type of an array, named as NumPy names it.</summary>
/// <remarks>
/// The numeric values of the first five members are part of the shipped API and never change; newer members follow.
/// Nothing depends on the order of the members: promotion and casting read NumPy's tables in <see cref="DTypes"/>.
/// </remarks>
public enum DType : byte
{
    /// <summary>Boolean, <c>numpy.bool_</c>; stored as one byte per element.</summary>
    Bool = 0,
    /// <summary>32-bit signed integer, <c>numpy.int32</c>.</summary>
    Int32 = 1,
    /// <summary>64-bit signed integer, <c>numpy.int64</c>.</summary>
    Int64 = 2,
    /// <summary>32-bit IEEE float, <c>numpy.float32</c>.</summary>
    Float32 = 3,
    /// <summary>64-bit IEEE float, <c>numpy.float64</c>.</summary>
    Float64 = 4,
    /// <summary>8-bit signed integer, <c>numpy.int8</c> (<see cref="sbyte"/>).</summary>
    Int8 = 5,
    /// <summary>16-bit signed integer, <c>numpy.int16</c> (<see cref="short"/>).</summary>
    Int16 = 6,
    /// <summary>8-bit unsigned integer, <c>numpy.uint8</c> (<see cref="byte"/>).</summary>
    UInt8 = 7,
    /// <summary>16-bit unsigned integer, <c>numpy.uint16</c> (<see cref="ushort"/>).</summary>
    UInt16 = 8,
    /// <summary>32-bit unsigned integer, <c>numpy.uint32</c> (<see cref="uint"/>).</summary>
    UInt32 = 9,
    /// <summary>64-bit unsigned integer, <c>numpy.uint64</c> (<see cref="ulong"/>).</summary>
    UInt64 = 10,
    /// <summary>16-bit IEEE float, <c>numpy.float16</c> (<see cref="System.Half"/>).</summary>
    Float16 = 11,
    /// <summary>Complex number of two float32, <c>numpy.complex64</c> (<see cref="ArrayDispatch.Complex64"/>).</summary>
    Complex64 = 12,
    /// <summary>Complex number of two float64, <c>numpy.complex128</c> (<see cref="System.Numerics.Complex"/>).</summary>
    Complex128 = 13,
}
