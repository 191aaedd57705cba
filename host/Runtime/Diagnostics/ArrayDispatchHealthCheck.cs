using ArrayDispatch.Runtime.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>Reports each plugin's outcome and handler failures: Degraded when a plugin was refused or a handler threw.</summary>
internal sealed class ArrayDispatchHealthCheck(PluginLoadReport report, ArrayDispatchMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (PluginLoadResult r in report.Results) data[$"plugin:{r.Name}"] = r.Loaded ? "Loaded" : $"{r.Outcome}: {r.Reason}";
        foreach ((string backend, long count) in metrics.FailuresByBackend) data[$"handler_failures:{backend}"] = count;
        var refused = report.Results.Where(r => !r.Loaded && r.Outcome != PluginOutcome.Disabled).ToArray();
        long failures = metrics.FailuresByBackend.Values.Sum();
        if (refused.Length == 0 && failures == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{report.Results.Count(r => r.Loaded)} backends loaded", data));
        }
        string description = string.Join("; ", refused.Select(r => $"{r.Name}: {r.Outcome}"));
        if (failures > 0) description += (description.Length > 0 ? "; " : "") + $"{failures} handler failures";
        return Task.FromResult(HealthCheckResult.Degraded(description, data: data));
    }
}
