using System.Globalization;
using System.Text;

namespace ArrayDispatch.Chunked.Arrays;

/// <summary>
/// Stable, readable names: a layer is <c>prefix-token</c> where the token is a hash of what defines it (its inputs'
/// names and its parameters), so the same expression gets the same keys on every run; a chunk's key appends its index.
/// </summary>
internal static class Names
{
    private static long s_counter;

    /// <summary>A layer name from a prefix and the parts that define it.</summary>
    public static string Layer(string prefix, params object?[] parts) => prefix + "-" + Token(parts);

    /// <summary>A unique layer name for data with no stable identity (a wrapped in-memory array).</summary>
    public static string Unique(string prefix) => prefix + "-" + Interlocked.Increment(ref s_counter).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>A layer name without its tokens (Dask's <c>key_split</c>): <c>svd-v-1f2e3d4c</c> gives <c>svd-v</c>.</summary>
    public static string Prefix(string layer)
    {
        string[] words = layer.Split('-');
        int keep = words.Length;
        while (keep > 1 && IsToken(words[keep - 1])) keep--;
        return string.Join('-', words, 0, keep);
    }

    private static bool IsToken(string word) => word.Length >= 8 && word.All(char.IsAsciiHexDigit);

    /// <summary>The key of chunk <paramref name="index"/> of layer <paramref name="layer"/>, e.g. <c>add-1f2e3d4c-0-1</c>.</summary>
    public static string Key(string layer, ReadOnlySpan<int> index)
    {
        if (index.Length == 0) return layer;
        var sb = new StringBuilder(layer);
        foreach (int i in index) sb.Append('-').Append(i);
        return sb.ToString();
    }

    /// <summary>An 8-hex-digit FNV-1a hash of the parts' invariant text.</summary>
    public static string Token(params object?[] parts)
    {
        ulong hash = 14695981039346656037UL;
        foreach (object? part in parts)
        {
            string text = part switch
            {
                null => "null",
                int[] ints => Shape.Format(ints),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => part.ToString() ?? "",
            };
            foreach (char c in text)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }
            hash ^= '|';
            hash *= 1099511628211UL;
        }
        return ((uint)(hash ^ (hash >> 32))).ToString("x8", CultureInfo.InvariantCulture);
    }
}
