using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// dask's rearranging functions on chunked arrays with uneven chunks (swapaxes, moveaxis, flip, ravel, split): lazy,
/// and equal to Dense's answer once computed; NumPy's errors as Dense gives them.
/// </summary>
public sealed class RearrangingTests
{
    public static TheoryData<string> Cases => new(s_cases.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, NDArray>> s_cases = new()
    {
        ["swapaxes 0 2"] = x => Np.SwapAxes(x, 0, 2),
        ["swapaxes -1 1"] = x => Np.SwapAxes(x, -1, 1),
        ["moveaxis 0 -> -1"] = x => Np.MoveAxis(x, [0], [-1]),
        ["moveaxis (0, 2) -> (2, 0)"] = x => Np.MoveAxis(x, [0, 2], [2, 0]),
        ["flip all"] = x => Np.Flip(x),
        ["flip 1"] = x => Np.Flip(x, 1),
        ["flip (0, 2)"] = x => Np.Flip(x, Axes.Of(0, 2)),
        ["ravel"] = x => Np.Ravel(x),
        ["ravel of a transpose"] = x => Np.Ravel(Np.Transpose(x)),
        ["outer"] = x => Np.Outer(x[0, 1], x[2]),
        ["vdot"] = x => Np.Dispatcher.Invoke(ArrayDispatch.Functions.ArrayFunctions.Vdot, new ArrayDispatch.Functions.PairArgs(x[0], x[5])),
        ["vecdot"] = x => Np.Dispatcher.Invoke(ArrayDispatch.Functions.ArrayFunctions.VecDot, new ArrayDispatch.Functions.PairArgs(x, x[1])),
        ["vecdot of bools"] = x => Np.Dispatcher.Invoke(ArrayDispatch.Functions.ArrayFunctions.VecDot, new ArrayDispatch.Functions.PairArgs(Np.Greater(x, 100.0), Np.Less(x[1], 50.0))),
        ["split 3 of axis 0, middle piece"] = x => Np.Split(x, 3, 0)[1],
        ["split at (2, -3, 40) of axis 2, last piece"] = x => Np.Split(x, new[] { 2, -3, 40 }, 2)[2],
        ["split at (4, 1) of axis 1, empty piece"] = x => Np.Split(x, new[] { 4, 1 }, 1)[1],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rearranging_is_lazy_and_equal_to_Dense(string name)
    {
        using TestHost host = Create();
        NDArray dense = Np.Reshape(Np.Arange(0.0, 6 * 5 * 7, 1.0, backend: "Dense"), [6, 5, 7]);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 2, 3]);
        NDArray lazy = s_cases[name](x);
        lazy.ShouldBeOfType<ChunkedArray>(name);
        NDArray expected = s_cases[name](dense);
        lazy.Shape.ShouldBe(expected.Shape, name);
        lazy.DType.ShouldBe(expected.DType, name);
        lazy.Compute().ToArray<double>().ShouldBe(expected.ToArray<double>(), name);
    }

    [Fact]
    public void Split_gives_lazy_pieces_and_refuses_what_NumPy_refuses()
    {
        using TestHost host = Create();
        NDArray dense = Np.Reshape(Np.Arange(0.0, 24.0, 1.0, backend: "Dense"), [4, 6]);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [3, 4]);
        NDArray[] pieces = Np.Split(x, 3, 1);
        pieces.Length.ShouldBe(3);
        pieces.ShouldAllBe(p => p is ChunkedArray);
        Should.Throw<ArgumentException>(() => Np.Split(x, 4, 1)).Message.ShouldStartWith("array split does not result in an equal division");
        Should.Throw<ArgumentException>(() => Np.MoveAxis(x, [0, 0], [1, 0])).Message.ShouldStartWith("repeated axis in `source` argument");
        Should.Throw<AxisOutOfRangeException>(() => Np.SwapAxes(x, 0, 2));
    }
}
