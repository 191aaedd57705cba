using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Tests.EndToEnd;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Graph;

/// <summary>What travels to an Orleans worker: chunk values of every dtype, and descriptions that run to the same values.</summary>
public sealed class TaskSpecCodecTests
{
    [Theory]
    [InlineData(DType.Bool)]
    [InlineData(DType.Int8)]
    [InlineData(DType.UInt16)]
    [InlineData(DType.Int32)]
    [InlineData(DType.UInt64)]
    [InlineData(DType.Float16)]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void A_chunk_of_every_real_dtype_travels_as_its_bytes_and_comes_back_equal(DType dtype)
    {
        using TestHost host = ChunkedHost.Create();
        // a view, not C-contiguous (made in int64 and cast: NumPy's bool arange stops at two values)
        NDArray chunk = Np.Transpose(Np.AsType(Np.Arange(0L, 12L, 1L, dtype: DType.Int64, backend: "Dense"), dtype).Reshape(3, 4));
        NDArray back = (NDArray)TaskSpecCodec.ReadValue(TaskSpecCodec.WriteValue(chunk, host.Dispatcher), host.Dispatcher);
        back.DType.ShouldBe(dtype);
        back.Shape.ShouldBe(new Shape(4, 3));
        Np.ArrayRepr(back).ShouldBe(Np.ArrayRepr(chunk));
    }

    [Fact]
    public void A_described_call_with_placeholders_runs_after_a_round_trip_as_before()
    {
        using TestHost host = ChunkedHost.Create();
        TaskSpec spec = TaskSpec.Call(ArrayFunctions.Add, new BinaryArgs(TaskSpec.Slot(TaskSpec.Call(ArrayFunctions.Transpose, new AxesArgs(TaskSpec.Slot(0), Axes.All))), Scalar.Float(2.5)));
        TaskSpec back = TaskSpecCodec.Read(TaskSpecCodec.Write(spec, host.Dispatcher), host.Dispatcher);
        NDArray input = ChunkedHost.DenseData((2, 3));
        var expected = (NDArray)TaskSpecCodec.Run(spec, host.Dispatcher, [input]);
        var actual = (NDArray)TaskSpecCodec.Run(back, host.Dispatcher, [input]);
        back.Kind.ShouldBe("call");
        Np.ArrayRepr(actual).ShouldBe(Np.ArrayRepr(expected));
    }

    [Fact]
    public void A_complex_fill_and_the_complex_chunk_it_makes_survive_the_round_trip()
    {
        using TestHost host = ChunkedHost.Create();
        TaskSpec spec = TaskSpec.Create(ArrayFunctions.Full, new FullArgs(new Shape(2, 2), DType.Complex128, Scalar.Complex(1, -2), new ArrayDispatch.Dispatch.Placement("Dense")));
        TaskSpec back = TaskSpecCodec.Read(TaskSpecCodec.Write(spec, host.Dispatcher), host.Dispatcher);
        var made = (NDArray)TaskSpecCodec.Run(back, host.Dispatcher, []);
        var travelled = (NDArray)TaskSpecCodec.ReadValue(TaskSpecCodec.WriteValue(made, host.Dispatcher), host.Dispatcher);
        travelled.DType.ShouldBe(DType.Complex128);
        Np.ArrayRepr(travelled).ShouldBe(Np.ArrayRepr((NDArray)TaskSpecCodec.Run(spec, host.Dispatcher, [])));
        Np.ArrayRepr(travelled).ShouldContain("1.-2.j");
    }
}
