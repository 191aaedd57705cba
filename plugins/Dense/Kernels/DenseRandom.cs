namespace ArrayDispatch.Dense.Kernels;

/// <summary>xoshiro256** seeded by SplitMix64: the generator behind one random draw (one seed, one array).</summary>
internal struct DenseRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DenseRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>The next value of the SplitMix64 sequence at <paramref name="x"/> (also seeds <see cref="UniformFill"/>'s lanes).</summary>
    internal static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [0, <paramref name="range"/>) without bias (Lemire's method).</summary>
    public ulong NextBelow(ulong range)
    {
        if (range == 0) return Next();
        ulong threshold = (0 - range) % range;
        while (true)
        {
            ulong r = Next();
            ulong high = Math.BigMul(r, range, out ulong low);
            if (low >= threshold) return high;
        }
    }

    /// <summary>A standard normal sample (Marsaglia's polar method).</summary>
    public double NextNormal(ref double spare, ref bool hasSpare)
    {
        if (hasSpare) { hasSpare = false; return spare; }
        double u, v, s;
        do
        {
            u = NextDouble() * 2 - 1;
            v = NextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }
}
