using System.Text.Json;

namespace ArrayDispatch.Chunked.Bench;

/// <summary>One timing: median, min and max seconds over the repeats, and extra fields for the JSON line.</summary>
internal sealed record Measurement(string Name, double MedianSeconds, double MinSeconds, double MaxSeconds, Dictionary<string, object> Extra)
{
    public string ToJson()
    {
        var fields = new Dictionary<string, object> { ["name"] = Name, ["median_s"] = MedianSeconds, ["min_s"] = MinSeconds, ["max_s"] = MaxSeconds };
        foreach (var (k, v) in Extra) fields[k] = v;
        return JsonSerializer.Serialize(fields);
    }
}
