using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Plugins;

/// <summary>
/// Reads a backend's own settings (<see cref="IBackendBuilder.Configuration"/>, <c>ArrayDispatch:Backends:&lt;Name&gt;</c>)
/// with the host's words for a wrong value: the full key path and what was expected (<c>ArrayDispatch:Backends:Chunked:Optimize:
/// 'maybe' is not a boolean; use true or false</c>). A plugin that throws these from <c>Register</c> is refused by name
/// with that reason while the other plugins keep working.
/// </summary>
public static class BackendSettings
{
    /// <summary>The boolean at <paramref name="key"/>, <paramref name="fallback"/> when it is absent or empty.</summary>
    /// <exception cref="ArgumentException">The value is not <c>true</c> or <c>false</c> (any case).</exception>
    public static bool Bool(IConfiguration configuration, string key, bool fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        return bool.TryParse(text, out bool value) ? value : throw new ArgumentException($"{PathOf(configuration, key)}: '{text}' is not a boolean; use true or false", key);
    }

    /// <summary>The integer at <paramref name="key"/>, at least <paramref name="min"/>; <paramref name="fallback"/> when it is absent or empty.</summary>
    /// <exception cref="ArgumentException">The value is not an integer, or is below <paramref name="min"/>.</exception>
    public static int Int(IConfiguration configuration, string key, int fallback, int min = int.MinValue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string? text = configuration[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < min)
        {
            throw new ArgumentException($"{PathOf(configuration, key)}: '{text}' is not an integer{(min == int.MinValue ? "" : $" of at least {min}")}", key);
        }
        return value;
    }

    /// <summary>The full key path of <paramref name="key"/> under <paramref name="configuration"/>, as a message names it.</summary>
    public static string PathOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section && section.Path.Length > 0 ? $"{section.Path}:{key}" : key;
}
