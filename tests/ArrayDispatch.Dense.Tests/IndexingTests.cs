using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

public sealed class IndexingTests
{
    private static NDArray Grid() => Np.Arange(12L).Reshape(3, 4);

    [Fact]
    public void Slices_are_views_that_write_through()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Grid();
        NDArray row = a[1, ..];
        row.Shape.ShouldBe(new Shape(4));
        a[1, ..] = Np.Zeros(4, DType.Int64);
        row.ToArray<long>().ShouldBe([0, 0, 0, 0]);
        ((DenseArray)a[.., 1..3]).Data.ShouldBeSameAs(((DenseArray)a).Data);
    }

    [Fact]
    public void Negative_steps_newaxis_and_ellipsis_match_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Grid();
        a[.., Slice.Every(-2)].ToArray<long>().ShouldBe([3, 1, 7, 5, 11, 9]);
        a[^1, ArrayIndex.NewAxis, ArrayIndex.Ellipsis].Shape.ShouldBe(new Shape(1, 4));
        a[ArrayIndex.Ellipsis, 0].ToArray<long>().ShouldBe([0, 4, 8]);
    }

    [Fact]
    public void Integer_arrays_and_masks_copy_and_assign()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Grid();
        NDArray picked = a[DenseArray.From(new long[] { 2, 0 })];
        picked.ToArray<long>().ShouldBe([8, 9, 10, 11, 0, 1, 2, 3]);
        NDArray mask = a > 6.0;
        a[mask].ToArray<long>().ShouldBe([7, 8, 9, 10, 11]);
        Np.SetItem(a, [mask], -1L);
        a.ToArray<long>().ShouldBe([0, 1, 2, 3, 4, 5, 6, -1, -1, -1, -1, -1]);
        a[DenseArray.From(new long[] { 0, 2 }), DenseArray.From(new long[] { 1, 3 })].ToArray<long>().ShouldBe([1, -1]);
    }

    [Fact]
    public void Index_errors_read_like_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Grid();
        Should.Throw<ArgumentOutOfRangeException>(() => a[3]).Message.ShouldStartWith("index 3 is out of bounds for axis 0 with size 3");
        Should.Throw<ArgumentException>(() => a[0, 0, 0]).Message.ShouldStartWith("too many indices for array: array is 2-dimensional, but 3 were indexed");
    }
}

public sealed class ConversionTests
{
    [Fact]
    public void From_wraps_a_dotnet_array_without_copying()
    {
        double[] data = [1, 2, 3, 4, 5, 6];
        DenseArray a = DenseArray.From(data, 2, 3);
        a.AsSpan<double>()[0] = 42;
        data[0].ShouldBe(42);
        ((HostBuffer)a.ToHost()).Data.ShouldBeSameAs(data);
    }

    [Fact]
    public void Multidimensional_arrays_keep_their_shape()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.AsArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        a.Shape.ShouldBe(new Shape(2, 3));
        ((DenseArray)a).ToArray2D<double>()[1, 2].ShouldBe(6);
    }

    [Fact]
    public void Tensor_conversion_shares_storage_both_ways_where_it_can()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = (DenseArray)Np.Arange(6.0).Reshape(2, 3);
        System.Numerics.Tensors.Tensor<double> t = ((DenseArray)a.T).ToTensor<double>();
        t.Lengths.ToArray().ShouldBe([(nint)3, 2]);
        t[[(nint)2, 1]].ShouldBe(5);
        a.AsSpan<double>()[5] = 50;
        t[[(nint)2, 1]].ShouldBe(50);
        DenseArray back = DenseArray.FromTensor(t);
        back.ToArray<double>().ShouldBe([0, 3, 1, 4, 2, 50]);
    }

    [Fact]
    public void Memory_backed_by_an_array_segment_is_a_view()
    {
        int[] data = [9, 1, 2, 3, 4];
        DenseArray a = DenseArray.From(data.AsMemory(1, 4), 2, 2);
        a.Offset.ShouldBe(1);
        a.ToArray<int>().ShouldBe([1, 2, 3, 4]);
    }
}
