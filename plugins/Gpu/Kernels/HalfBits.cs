using ILGPU;

namespace ArrayDispatch.Gpu;

/// <summary>
/// A float16 on the device: the IEEE binary16 bits, laid out as <see cref="System.Half"/> (host buffers are reinterpreted,
/// not converted). ILGPU 1.5.3 cannot compile <see cref="System.Half"/>'s own operators (its conversion from float goes
/// through <c>BitConverter</c>'s <c>BitCast</c> intrinsic, which the PTX front end rejects), so kernels never call them:
/// a float16 value is widened to float32 exactly (<see cref="ToSingle"/>), the op runs in float32, and the result is
/// rounded once to nearest-even (<see cref="FromDouble"/>). That is what NumPy's float16 loops do (its <c>e</c> loops
/// convert to float and back), and what <see cref="System.Half"/>'s operators do on the host (Dense).
/// </summary>
internal struct HalfBits
{
    public ushort Bits;

    /// <summary>The exact float32 value.</summary>
    public static float ToSingle(HalfBits h)
    {
        uint bits = h.Bits;
        uint sign = (bits & 0x8000u) << 16;
        uint exponent = (bits >> 10) & 0x1Fu;
        uint mantissa = bits & 0x3FFu;
        if (exponent == 0x1Fu) return Interop.IntAsFloat(sign | 0x7F800000u | (mantissa << 13));
        if (exponent != 0) return Interop.IntAsFloat(sign | ((exponent + 112u) << 23) | (mantissa << 13));
        float magnitude = mantissa * 5.9604644775390625E-8f;     // subnormal: mantissa · 2^-24, exact in float32
        return sign != 0 ? -magnitude : magnitude;
    }

    /// <summary>A double rounded once to the nearest float16 (ties to even), as <c>(Half)value</c>; NaN stays NaN, overflow is ±inf.</summary>
    public static HalfBits FromDouble(double value)
    {
        ulong bits = Interop.FloatAsInt(value);
        uint sign = (uint)(bits >> 48) & 0x8000u;
        int exponent = (int)((bits >> 52) & 0x7FFUL);
        ulong mantissa = bits & 0xFFFFFFFFFFFFFUL;
        if (exponent == 0x7FF)
        {
            // inf, or a quiet NaN keeping the payload's top bits.
            return Make(sign | 0x7C00u | (mantissa != 0 ? 0x200u | (uint)(mantissa >> 42) : 0u));
        }
        int e = exponent - 1023;
        if (e > 15) return Make(sign | 0x7C00u);
        if (e >= -14)
        {
            uint m = (uint)(mantissa >> 42);
            ulong rest = mantissa & 0x3FFFFFFFFFFUL;
            uint result = ((uint)(e + 15) << 10) + m;
            if (rest > 0x20000000000UL || (rest == 0x20000000000UL && (m & 1u) != 0)) result++;   // a carry rounds up into the exponent, to inf at the top
            return Make(sign | result);
        }
        if (e < -25) return Make(sign);          // below half the smallest subnormal: ±0 (double subnormals and zeros too)
        ulong significand = mantissa | 0x10000000000000UL;
        int shift = 42 + (-14 - e);             // to units of 2^-24
        uint sub = (uint)(significand >> shift);
        ulong remainder = significand & ((1UL << shift) - 1UL);
        ulong halfway = 1UL << (shift - 1);
        if (remainder > halfway || (remainder == halfway && (sub & 1u) != 0)) sub++;
        return Make(sign | sub);
    }

    private static HalfBits Make(uint bits) => new() { Bits = (ushort)bits };
}
