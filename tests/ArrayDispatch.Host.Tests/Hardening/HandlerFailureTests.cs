using ArrayDispatch.Host.Tests.Dispatch;
using ArrayDispatch.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArrayDispatch.Host.Tests.Hardening;

public sealed class HandlerFailureTests
{
    [Fact]
    public async Task A_handler_that_throws_a_bug_reaches_the_caller_wrapped_with_function_and_backend_and_is_counted()
    {
        using var host = TestHost.Create(
            new DuckBackend<DuckArray>("Buggy", make: _ => throw new NullReferenceException("the plugin forgot something")),
            new DuckBackend<ThirdDuckArray>("Fine", make: n => new ThirdDuckArray(n)));

        var ex = Should.Throw<BackendCallException>(() => Np.Sum(new DuckArray()));

        ex.Message.ShouldBe("backend 'Buggy' failed in 'sum': the plugin forgot something");
        ex.Function.ShouldBe("sum");
        ex.Backend.ShouldBe("Buggy");
        ex.InnerException.ShouldBeOfType<NullReferenceException>();
        ((ThirdDuckArray)Np.Sum(new ThirdDuckArray())).Tag.ShouldBe("Fine");   // the host keeps working
        HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Entries["arraydispatch"].Data["handler_failures:Buggy"].ShouldBe(1L);
    }

    [Fact]
    public void A_handler_that_rejects_bad_arguments_passes_its_exception_through_unwrapped()
    {
        using var host = TestHost.Create(new DuckBackend<DuckArray>("Strict", make: _ => throw new ArgumentException("axis 3 is out of bounds")));

        Should.Throw<ArgumentException>(() => Np.Sum(new DuckArray())).Message.ShouldBe("axis 3 is out of bounds");
    }
}
