using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Dispatch;

public sealed class DispatcherSmokeTests
{
    [Fact]
    public void Sum_of_a_duck_array_goes_to_the_backend_that_owns_it()
    {
        using var host = TestHost.Create(new DuckBackend<DuckArray>("Duck"), new DuckBackend<ThirdDuckArray>("Third", make: n => new ThirdDuckArray(n)));

        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("Duck");
        ((ThirdDuckArray)Np.Sum(new ThirdDuckArray())).Tag.ShouldBe("Third");
    }
}
