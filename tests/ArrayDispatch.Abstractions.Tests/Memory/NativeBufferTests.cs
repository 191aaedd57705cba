using System.Runtime.CompilerServices;
using ArrayDispatch.Memory;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Memory;

public sealed unsafe class NativeBufferTests
{
    [Fact]
    public void A_buffer_is_64_byte_aligned_and_zeroed_unless_asked_not_to()
    {
        using var buffer = new NativeBuffer<double>(1001);
        ((nint)buffer.Pointer % 64).ShouldBe(0);
        buffer.Length.ShouldBe(1001);
        buffer.Span.ToArray().ShouldAllBe(x => x == 0.0);
        buffer[1000] = 2.5;
        buffer.AsSpan(999, 2).ToArray().ShouldBe([0.0, 2.5]);
    }

    [Fact]
    public void Dispose_gives_the_buffer_back_to_the_pool_at_once_so_the_next_rent_of_its_size_reuses_it()
    {
        const long length = 1_234_571;                 // an odd size: its own size class in this process
        nint first;
        using (var a = new NativeBuffer<int>(length, clear: false)) first = (nint)a.Pointer;
        long hits = NativePool.Counters.Hits;

        using var b = new NativeBuffer<int>(length, clear: false);

        ((nint)b.Pointer).ShouldBe(first);
        NativePool.Counters.Hits.ShouldBeGreaterThan(hits);
    }

    [Fact]
    public void A_buffer_nobody_disposed_goes_back_to_the_pool_from_its_finalizer()
    {
        const long length = 2_345_681;
        nint first = RentAndDrop(length);
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        using var next = new NativeBuffer<float>(length, clear: false);

        ((nint)next.Pointer).ShouldBe(first);

        [MethodImpl(MethodImplOptions.NoInlining)]
        static nint RentAndDrop(long n) => (nint)new NativeBuffer<float>(n, clear: false).Pointer;
    }

    [Fact]
    public void A_disposed_buffer_refuses_every_access_and_a_second_dispose_is_harmless()
    {
        var buffer = new NativeBuffer<long>(10);
        Memory<long> memory = buffer.Memory;
        buffer.Dispose();
        buffer.Dispose();

        buffer.IsDisposed.ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => buffer.Span.Length);
        Should.Throw<ObjectDisposedException>(() => buffer[0]);
        Should.Throw<ObjectDisposedException>(() => memory.Span.Length);
        Should.Throw<ObjectDisposedException>(() => buffer.Memory);
    }

    [Fact]
    public void Memory_of_a_buffer_reads_and_writes_its_elements()
    {
        using var buffer = new NativeBuffer<short>(5);
        Memory<short> memory = buffer.Memory;
        memory.Span[4] = 7;
        buffer[4].ShouldBe((short)7);
        using System.Buffers.MemoryHandle pin = memory.Slice(4).Pin();
        (*(short*)pin.Pointer).ShouldBe((short)7);
    }

    [Fact]
    public void A_buffer_may_hold_more_than_two_to_the_31_elements_and_is_read_a_part_at_a_time()
    {
        long length = (1L << 31) + 100;                 // 2 GB of address space; only the pages touched become resident
        using var buffer = new NativeBuffer<byte>(length, clear: false);
        buffer[length - 1] = 42;
        buffer.AsSpan(length - 10, 10)[9].ShouldBe((byte)42);
        Should.Throw<InvalidOperationException>(() => buffer.Span.Length).Message.ShouldContain("AsSpan(start, length)");
        Should.Throw<InvalidOperationException>(() => buffer.Memory);
    }

    [Fact]
    public void Bad_lengths_and_ranges_are_refused_with_the_numbers_named()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new NativeBuffer<int>(-1));
        Should.Throw<OutOfMemoryException>(() => new NativeBuffer<double>(long.MaxValue / 4)).Message
            .ShouldStartWith($"Unable to allocate ");
        using var buffer = new NativeBuffer<int>(8);
        Should.Throw<ArgumentOutOfRangeException>(() => buffer.AsSpan(6, 3).Length).Message.ShouldContain("outside a buffer of 8 elements");
        Should.Throw<IndexOutOfRangeException>(() => buffer[8]).Message.ShouldContain("index 8 is out of bounds");
    }
}
