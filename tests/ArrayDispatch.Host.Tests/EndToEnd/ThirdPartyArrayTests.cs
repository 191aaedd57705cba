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
        theirSum.Shape.ShouldBe(Shape.Scalar);                   // NumPy's sum of a 1-d array is 0-d (it was a (1,) MyArray)
        theirSum.ToArray<double>().ShouldBe([6.0]);
        Np.Sum(theirs, keepDims: true).Shape.ShouldBe(new Shape(1));
        Np.Mean(theirs).ToArray<double>().ShouldBe([2.0]);
        host.Dispatcher.OwnerOf(denseSum.GetType()).ShouldBe("Dense");
        denseSum.ToArray<double>().ShouldBe([10.0]);
    }

    [Fact]
    public void A_sum_their_array_does_not_compute_is_declined_or_refused_never_answered_in_another_dtype()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Dense"));
        NDArray theirs = Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "ThirdParty");

        // The sample ignored dtype= and axis=: a float64 (1,) answer to a float32 sum, and no error for axis 1
        Should.Throw<NoImplementationException>(() => Np.Sum(theirs, dtype: DType.Float32)).Message.ShouldContain("ThirdParty: returned NotImplemented");
        Should.Throw<AxisOutOfRangeException>(() => Np.Mean(theirs, axis: 1)).Message.ShouldBe("axis 1 is out of bounds for array of dimension 1");
        Np.Sum(theirs, axis: -1).Item<double>().ShouldBe(6.0);
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
