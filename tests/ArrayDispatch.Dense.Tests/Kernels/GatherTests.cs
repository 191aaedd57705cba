using System.Numerics;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Kernels;

/// <summary>
/// take of single elements (a 1-d source, or axis=None) gathers each element with one load and store for every item
/// size (1, 2, 4, 8, 16 bytes), from a view that starts inside its storage, with NumPy's negative indices and IndexError.
/// </summary>
public sealed class GatherTests
{
    [Fact]
    public void Take_of_single_elements_gives_each_indexed_element_for_every_item_size()
    {
        using var host = TestHost.Create(new DensePlugin());
        long[] index = [3, -1, 0, 0, 5, -6, 2, 4];                    // a (2, 4) index of a 6-element view
        int[] expectedAt = [.. index.Select(i => (int)(i < 0 ? i + 6 : i))];
        Check(new sbyte[] { 9, -1, 2, -3, 4, -5, 6, 7 }, DType.Int8);
        Check(new short[] { 9, -1000, 2, -3, 4000, -5, 6, 7 }, DType.Int16);
        Check(new float[] { 9, -1.5f, 2, -3, 4, -5, 6, 7 }, DType.Float32);
        Check(new long[] { 9, long.MinValue, 2, -3, long.MaxValue, -5, 6, 7 }, DType.Int64);
        Check(new Complex[] { 9, new(-1, 2), 2, new(0, -3), 4, -5, 6, 7 }, DType.Complex128);
        Check(new[] { false, true, false, true, true, false, true, false }, DType.Bool);

        void Check<T>(T[] storage, DType dtype) where T : unmanaged
        {
            NDArray view = Np.GetItem(DenseArray.From(storage), new Slice(1, 7));   // elements 1 … 6 of the storage
            NDArray taken = Np.Take(view, Np.Reshape(DenseArray.From(index), 2, 4));
            taken.DType.ShouldBe(dtype);
            taken.Shape.ShouldBe(new Shape(2, 4));
            taken.ToArray<T>().ShouldBe(expectedAt.Select(i => storage[1 + i]).ToArray(), dtype.ToString());
        }
    }

    [Fact]
    public void Take_out_of_bounds_names_the_index_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Take(Np.Zeros(new Shape(3)), DenseArray.From(new long[] { 1, 5 })))
            .Message.ShouldStartWith("index 5 is out of bounds for axis 0 with size 3");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Take(Np.Zeros(new Shape(3)), DenseArray.From(new long[] { -4 })))
            .Message.ShouldStartWith("index -4 is out of bounds for axis 0 with size 3");
    }
}
