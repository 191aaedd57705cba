using ArrayDispatch.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Host.Cli;

/// <summary>Backend-specific facts for the <c>backends</c> table, from the <see cref="IBackendDescription"/>s plugins registered.</summary>
internal static class BackendDetails
{
    public static string? Describe(IServiceProvider services, string backend)
    {
        foreach (IBackendDescription d in services.GetServices<IBackendDescription>())
        {
            if (d.Backend == backend)
            {
                try { return d.Describe(); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { return $"(description failed: {ex.Message})"; }
            }
        }
        return null;
    }
}
