namespace ArrayDispatch.Host.Tests.EndToEnd;

/// <summary>Seed example 1: samples/ThirdPartyArray (built outside plugins/, referencing only the protocol) loaded from a folder beside Dense.</summary>
public sealed class ThirdPartyArrayTests : IDisposable
{
    private readonly PluginFolder _plugins = new("ThirdParty", "Dense");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Sum_of_their_array_returns_their_type_and_sum_of_dense_still_goes_to_Dense()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Dense"));
        NDArray theirs = Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "ThirdParty");
        NDArray dense = Np.AsArray(new[] { 1.0, 2.0, 3.0, 4.0 });

        NDArray theirSum = Np.Sum(theirs);
        NDArray denseSum = Np.Sum(dense);

        theirSum.GetType().Name.ShouldBe("MyArray");
        theirSum.ToArray<double>().ShouldBe([6.0]);
        Np.Mean(theirs).ToArray<double>().ShouldBe([2.0]);
        host.Dispatcher.OwnerOf(denseSum.GetType()).ShouldBe("Dense");
        denseSum.ToArray<double>().ShouldBe([10.0]);
    }

    [Fact]
    public void Add_of_their_array_and_a_dense_one_fails_naming_both_types_and_both_backends()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Dense"));
        NDArray theirs = Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "ThirdParty");
        NDArray dense = Np.AsArray(new[] { 1.0, 2.0, 3.0 });

        var ex = Should.Throw<NoImplementationException>(() => Np.Add(theirs, dense));

        ex.Message.ShouldBe("""
            no implementation found for 'add' on types [MyArray, DenseArray]
              ThirdParty: does not implement 'add'
              Dense:      handles only its own array types (OnlyOwnArrayTypes), not MyArray
            """.ReplaceLineEndings("\n"));
    }
}
