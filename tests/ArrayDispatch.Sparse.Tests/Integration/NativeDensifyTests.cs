using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Memory;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Integration;

/// <summary>
/// Large dense results that leave Sparse (<c>ToHost</c>) are buffers from the protocol's native pool, not .NET arrays
/// left to the GC (#21): a copy of one gives it back at once, and they may exceed 2^31 elements.
/// </summary>
public sealed class NativeDensifyTests
{
    [Fact]
    public void A_large_array_densifies_into_a_native_buffer_with_duplicates_summed_and_negative_zero_kept()
    {
        // Unsorted with a duplicate: (1, 2) twice sums to 5; -0.0 stays -0.0 (a copy, not 0 + -0.0).
        CooArray a = CooArray.FromTriplets(new[] { 2.0, -0.0, 3.0, 7.0 }, [1, 0, 1, 511], [2, 5, 2, 1022], new Shape(512, 1023));
        a.IsCanonical.ShouldBeFalse();

        using HostBuffer h = a.ToHost();

        h.IsNative.ShouldBeTrue();                            // 4 MB of float64
        h.Owner.ShouldBeOfType<NativeBuffer<double>>();
        h.Length.ShouldBe(512L * 1023);
        h.AsSpan<double>(1 * 1023 + 2, 1)[0].ShouldBe(5.0);
        double negativeZero = h.AsSpan<double>(5, 1)[0];
        double.IsNegative(negativeZero).ShouldBeTrue();
        h.AsSpan<double>(511 * 1023 + 1022, 1)[0].ShouldBe(7.0);
        h.AsSpan<double>(1, 1)[0].ShouldBe(0.0);
    }

    [Fact]
    public void Disposing_the_export_gives_its_buffer_back_to_the_pool()
    {
        using HostBuffer h = CsrArray.FromTriplets(new[] { 1f }, [0], [0], new Shape(1024, 1031)).ToHost();
        var owner = (NativeBuffer<float>)h.Owner!;

        h.Dispose();

        owner.IsDisposed.ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => h.AsSpan<float>(0, 1).Length);
    }

    [Fact]
    public void Small_arrays_densify_into_a_dotnet_array()
    {
        HostBuffer h = CsrArray.FromTriplets(new[] { 1.0 }, [0], [0], new Shape(10, 10)).ToHost();
        h.IsNative.ShouldBeFalse();
        ((double[])h.Data)[0].ShouldBe(1.0);
    }

    [Fact]
    public void Dense_s_asarray_of_a_large_sparse_array_copies_it_and_gives_the_export_back_at_once()
    {
        using TestHost host = SparseHost.Create();
        CsrArray s = CsrArray.FromTriplets(new[] { 4.0, 6.0 }, [0, 1008], [3, 1012], new Shape(1009, 1013));   // an odd size: its own size class
        nint first;
        using (HostBuffer h = s.ToHost()) first = h.Address;

        using NDArray dense = Np.AsArray(s, backend: "Dense");
        using HostBuffer next = s.ToHost();

        ((DenseArray)dense).AsSpan<double>()[1008 * 1013 + 1012].ShouldBe(6.0);
        next.Address.ShouldBe(first);                         // asarray's export came back to the pool, so the next rent reuses it
    }

    [Fact]
    public void A_sparse_array_of_more_than_two_to_the_31_elements_densifies()
    {
        var shape = new Shape(65_536, 32_769);                 // 2^31 + 65536 bools: more than one .NET array holds
        CooArray a = CooArray.FromTriplets(new[] { true, true }, [0, 65_535], [1, 32_768], shape);

        using HostBuffer h = a.ToHost();

        h.IsNative.ShouldBeTrue();
        h.Length.ShouldBe(shape.Size);
        h.AsSpan<bool>(1, 1)[0].ShouldBeTrue();
        h.AsSpan<bool>(shape.Size - 1, 1)[0].ShouldBeTrue();
        h.AsSpan<bool>(shape.Size - 2, 1)[0].ShouldBeFalse();
    }
}
