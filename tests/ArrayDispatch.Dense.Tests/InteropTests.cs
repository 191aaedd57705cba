using System.Numerics.Tensors;
using Apache.Arrow;
using ArrayDispatch.Interop;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Dense arrays to and from Tensor/TensorSpan, Memory/Span and Apache Arrow: aliasing where the layout allows, copies where it does not.</summary>
public sealed class InteropTests
{
    [Fact]
    public void A_transposed_view_becomes_a_strided_tensor_over_the_same_storage()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(6.0).Reshape(2, 3);
        NDArray t = a.T;

        Tensor<double> tensor = t.AsTensor<double>();
        tensor.Lengths.ToArray().ShouldBe([(nint)3, 2]);
        tensor[2, 1].ShouldBe(5.0);
        tensor[2, 1] = 42;

        a.ToArray<double>().ShouldBe([0, 1, 2, 3, 4, 42]);    // written through the tensor into the array
        t.AsTensorSpan<double>()[[(nint)0, 1]].ShouldBe(3.0);
    }

    [Fact]
    public void A_flipped_view_is_copied_because_tensors_have_no_negative_strides()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(4.0);
        NDArray flipped = Np.Flip(a);

        Tensor<double> tensor = flipped.AsTensor<double>();
        tensor[0] = -1;

        tensor[1].ShouldBe(2.0);
        a.ToArray<double>().ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void A_tensor_becomes_an_array_with_its_values_and_shape()
    {
        using var host = TestHost.Create(new DensePlugin());
        Tensor<float> tensor = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [(nint)3, 2]);

        NDArray x = tensor.ToNDArray();

        x.Shape.ShouldBe(new Shape(3, 2));
        x.DType.ShouldBe(DType.Float32);
        x.ToArray<float>().ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void Memory_aliases_a_contiguous_array_and_is_refused_for_a_strided_view()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(6L).Reshape(2, 3);

        Span<long> span = a[1].AsSpan<long>();
        span[0] = 30;

        a.ToArray<long>().ShouldBe([0, 1, 2, 30, 4, 5]);
        Should.Throw<NotSupportedException>(() => a.T.AsMemory<long>()).Message.ShouldContain("AsTensorSpan");
    }

    [Fact]
    public void An_array_made_from_memory_over_a_dotnet_array_aliases_it_on_Dense()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] data = [0, 1, 2, 3, 4, 5, 6, 7];

        NDArray x = new ReadOnlyMemory<double>(data, 2, 6).ToNDArray(new Shape(2, 3));
        data[2] = 100;

        x.ToArray<double>().ShouldBe([100, 3, 4, 5, 6, 7]);
        Should.Throw<ShapeMismatchException>(() => new ReadOnlyMemory<double>(data).ToNDArray(new Shape(3, 3)));
    }

    [Fact]
    public void Arrow_arrays_share_a_contiguous_arrays_storage_and_come_back_with_their_values()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(5.0);

        var arrow = (DoubleArray)a.ToArrow();
        a.AsSpan<double>()[4] = 40;

        arrow.Values.ToArray().ShouldBe([0, 1, 2, 3, 40]);                   // the Arrow buffer is the array's storage
        ((Int64Array)Np.Arange(6).Reshape(2, 3).T[0].ToArrow()).Values.ToArray().ShouldBe([0L, 3L]);   // strided: copied
        ((BooleanArray)Np.AsArray(new[] { true, false, true }).ToArrow()).GetValue(2).ShouldBe(true);
        arrow.ToNDArray().ToArray<double>().ShouldBe([0, 1, 2, 3, 40]);
    }

    [Fact]
    public void Arrow_nulls_are_refused_unless_floating_point_nulls_may_be_NaN()
    {
        using var host = TestHost.Create(new DensePlugin());
        DoubleArray withNull = new DoubleArray.Builder().Append(1).AppendNull().Append(3).Build();
        Int64Array intNull = new Int64Array.Builder().Append(1).AppendNull().Build();

        Should.Throw<ArgumentException>(() => withNull.ToNDArray()).Message.ShouldContain("1 nulls");
        Should.Throw<ArgumentException>(() => intNull.ToNDArray(nullsAsNaN: true));
        double[] values = withNull.ToNDArray(nullsAsNaN: true).ToArray<double>();
        values[0].ShouldBe(1);
        double.IsNaN(values[1]).ShouldBeTrue();
        Should.Throw<ShapeMismatchException>(() => Np.Arange(4.0).Reshape(2, 2).ToArrow());
    }
}
