using System.Text.Json;

namespace ArrayDispatch.Host.Cli;

/// <summary>The <c>--json</c> output of the commands: one indented object on standard output, camelCase as written.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true };

    public static void Write(object value) => Console.WriteLine(JsonSerializer.Serialize(value, s_options));
}
