using ArrayDispatch.Dense.Linalg;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>Which implementation a test runs: the default (native when loaded) or managed.</summary>
public enum LinalgPath { Default, Managed }

internal static class LinalgPathExtensions
{
    public static IDisposable Enter(this LinalgPath path) => path == LinalgPath.Managed ? LinalgKernels.UseManaged() : new Nothing();

    private sealed class Nothing : IDisposable { public void Dispose() { } }
}
