namespace ArrayDispatch.Functions;

/// <summary>
/// A seeded source of random arrays, like NumPy's <c>default_rng(seed)</c>. Each draw takes the next seed of a SplitMix64
/// sequence, so a program makes the same arrays on every run whatever the backend's scheduling.
/// </summary>
/// <remarks>Backends turn a draw's seed into numbers with their own generator: the same seed gives the same array on the same backend, not across backends (as with NumPy and CuPy).</remarks>
public sealed class RandomGenerator
{
    private ulong _state;

    /// <summary>Creates a generator; with no seed, one from the system's entropy.</summary>
    public RandomGenerator(ulong? seed = null) => _state = seed ?? (ulong)Random.Shared.NextInt64();

    /// <summary>The seed for the next draw; thread-safe.</summary>
    public ulong NextSeed()
    {
        ulong z = Interlocked.Add(ref _state, 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
