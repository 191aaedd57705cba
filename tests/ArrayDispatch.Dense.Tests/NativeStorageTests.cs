using System.Runtime.CompilerServices;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Interchange;
using ArrayDispatch.Memory;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Issue #21: large arrays live in pooled native memory released by Dispose (views keep it alive), small ones in .NET
/// arrays. Sizes are odd so that each test's size class is its own (the pool is per process; tests run in parallel).
/// </summary>
public sealed class NativeStorageTests
{
    private static long Elements(long bytes) => bytes / sizeof(double);

    [Fact]
    public void Results_of_a_megabyte_or_more_are_native_and_64_byte_aligned_smaller_ones_managed()
    {
        using DenseArray large = DenseArray.Create(DType.Float64, new Shape((int)Elements(DenseArray.NativeThresholdBytes)));
        using DenseArray small = DenseArray.Create(DType.Float64, new Shape(1000));

        large.IsNative.ShouldBeTrue();
        small.IsNative.ShouldBeFalse();
        unsafe
        {
            fixed (double* p = large.AsSpan<double>()) ((nint)p % 64).ShouldBe(0);
        }
        large.AsSpan<double>().ToArray().ShouldAllBe(v => v == 0.0);     // Create zeroes, even a reused buffer
        small.Data.ShouldBeOfType<double[]>();
        Should.Throw<InvalidOperationException>(() => large.Data).Message.ShouldContain("native memory");
    }

    [Fact]
    public void A_view_keeps_the_storage_alive_after_its_parent_is_disposed()
    {
        using var host = TestHost.Create(new DensePlugin());
        var parent = (DenseArray)(Np.Arange(300_001.0) + 0.0);             // a ufunc result: native
        parent.IsNative.ShouldBeTrue();
        var view = (DenseArray)Np.GetItem(parent, 100_000..100_010);

        parent.Dispose();

        view.StorageObject.IsReleased.ShouldBeFalse();
        view.ToArray<double>().ShouldBe([.. Enumerable.Range(100_000, 10).Select(i => (double)i)]);
        Np.Sum(view).Item<double>().ShouldBe(Enumerable.Range(100_000, 10).Sum(i => (double)i));
        view.Dispose();
        view.StorageObject.IsReleased.ShouldBeTrue();
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_does_not_release_a_view_s_storage()
    {
        var parent = DenseArray.Create(DType.Float64, new Shape(300_003));
        DenseArray view = ArrayDispatch.Dense.Kernels.Views.Reshape(parent, new Shape(3, 100_001));

        parent.Dispose();
        parent.Dispose();

        parent.IsDisposed.ShouldBeTrue();
        view.IsDisposed.ShouldBeFalse();
        view.StorageObject.IsReleased.ShouldBeFalse();
        view.AsSpan<double>()[^1] = 7.0;
        view.Dispose();
        view.Dispose();
        view.StorageObject.IsReleased.ShouldBeTrue();
    }

    [Fact]
    public void Using_a_disposed_array_throws_ObjectDisposedException_naming_the_array()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = (DenseArray)Np.Ones(300_005);
        a.Dispose();

        var e = Should.Throw<ObjectDisposedException>(() => a.AsSpan<double>());
        e.Message.ShouldContain("(300005,)");
        e.Message.ShouldContain("was disposed");
        Should.Throw<ObjectDisposedException>(() => Np.Add(a, a));
        Should.Throw<ObjectDisposedException>(() => a.ToHost());
        Should.Throw<ObjectDisposedException>(() => Np.Sum(a));
        a.Shape.ShouldBe(new Shape(300_005));                                // metadata stays readable
    }

    [Fact]
    public void A_disposed_result_s_buffer_is_reused_by_the_next_result_of_its_size()
    {
        var shape = new Shape(400_007);
        nint first;
        using (DenseArray a = DenseArray.CreateUninitialized(DType.Float64, shape)) first = Address(a);
        var (_, hits) = NativePool.Counters;

        using DenseArray b = DenseArray.CreateUninitialized(DType.Float64, shape);

        Address(b).ShouldBe(first);
        NativePool.Counters.Hits.ShouldBeGreaterThan(hits);
    }

    [Fact]
    public void A_loop_of_disposed_allocating_calls_reuses_pooled_buffers()
    {
        using var host = TestHost.Create(new DensePlugin());
        using NDArray x = Np.Ones(500_009), y = Np.Ones(500_009);
        var (rents, hits) = NativePool.Counters;
        for (int i = 0; i < 20; i++)
        {
            using NDArray r = x + y;
            ((DenseArray)r).AsSpan<double>()[500_008].ShouldBe(2.0);
        }
        var (rentsAfter, hitsAfter) = NativePool.Counters;
        (rentsAfter - rents).ShouldBeGreaterThanOrEqualTo(20);
        (hitsAfter - hits).ShouldBeGreaterThanOrEqualTo(19);                 // all but the first
    }

    [Fact]
    public unsafe void A_batch_of_returned_buffers_stays_pooled_up_to_a_quarter_of_the_capacity()
    {
        // Dropped results come back together (one collection's finalizers); a class of small buffers keeps the whole
        // batch (up to a quarter of the capacity), not just two, so the next calls find warm buffers instead of fresh
        // pages. An odd size, so that no other test's arrays share its class while this runs.
        const long bytes = 3_158_073;
        const int batch = 8;
        NativePool.Limit(NativePool.SizeClass(bytes)).ShouldBeGreaterThanOrEqualTo(batch);
        var buffers = new nint[batch];
        for (int i = 0; i < batch; i++) buffers[i] = (nint)NativePool.Rent(bytes);
        foreach (nint p in buffers) NativePool.Return((void*)p, bytes);
        NativePool.FreeCount(bytes).ShouldBeGreaterThanOrEqualTo(batch);
        NativePool.FreeCount(bytes).ShouldBeLessThanOrEqualTo(NativePool.Limit(NativePool.SizeClass(bytes)));
    }

    [Fact]
    public void An_undisposed_array_s_storage_is_released_by_the_finalizer()
    {
        WeakReference storage = MakeAndDrop();
        for (int i = 0; i < 3 && storage.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        storage.IsAlive.ShouldBeFalse();
    }

    [Fact]
    public void A_dropped_array_s_buffer_goes_back_to_the_pool_once_whether_the_sweep_or_the_finalizer_takes_it()
    {
        const long bytes = 1_234_567L * sizeof(double);   // its own size class
        int before = NativePool.FreeCount(bytes);
        DropOne();
        GC.Collect();
        DenseStorage.ReclaimDropped();                     // the allocating thread's sweep after its pacing collection
        NativePool.FreeCount(bytes).ShouldBe(before + 1);  // back at once (by the sweep, or by a finalizer that was quicker)
        GC.WaitForPendingFinalizers();
        GC.Collect();
        DenseStorage.ReclaimDropped();
        NativePool.FreeCount(bytes).ShouldBe(before + 1);  // and never twice

        [MethodImpl(MethodImplOptions.NoInlining)]
        static void DropOne() => DenseArray.Create(DType.Float64, new Shape(1_234_567)).IsNative.ShouldBeTrue();
    }

    [Fact]
    public void Buffers_of_four_megabytes_or_more_are_eligible_for_transparent_huge_pages_on_linux()
    {
        const string thp = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (!OperatingSystem.IsLinux() || !File.Exists(thp) || File.ReadAllText(thp).Contains("[never]")) return;   // nothing to ask for
        using DenseArray big = DenseArray.Create(DType.Float64, new Shape(1_100_003));   // 8.8 MB
        nint bigAt;
        unsafe
        {
            fixed (double* p = big.AsSpan<double>()) bigAt = (nint)p;
        }
        // The mapping holding the buffer: madvise(MADV_HUGEPAGE) marks it (smaps: "VmFlags: ... hg"), as NumPy's are.
        // A buffer below 4 MB is not advised, but it is not checked here: glibc may place it inside a heap mapping an
        // earlier large buffer's advice already marked (its mmap threshold rises after frees), so its flags say nothing.
        VmFlags(bigAt + (4 << 20)).ShouldContain("hg");
    }

    private static string[] VmFlags(nint address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && Uri.IsHexDigit(line[0]) && line.Contains('-') && line.IndexOf(' ') > line.IndexOf('-'))
            {
                string[] range = line[..line.IndexOf(' ')].Split('-');
                long start = long.Parse(range[0], System.Globalization.NumberStyles.HexNumber), end = long.Parse(range[1], System.Globalization.NumberStyles.HexNumber);
                inside = address >= start && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }
        throw new InvalidOperationException($"no mapping holds 0x{address:x}");
    }

    [Fact]
    public void Memory_over_native_storage_outlives_the_disposed_array()
    {
        var a = DenseArray.Create(DType.Float64, new Shape(300_011));
        a.AsSpan<double>()[5] = 42.0;
        Memory<double> memory = a.AsMemory<double>();

        a.Dispose();

        a.StorageObject.IsReleased.ShouldBeFalse();
        memory.Span[5].ShouldBe(42.0);
        memory.Length.ShouldBe(300_011);
    }

    [Fact]
    public void Exports_of_native_arrays_share_the_strided_elements_and_conversions_copy_them()
    {
        using var host = TestHost.Create(new DensePlugin());
        using var a = (DenseArray)(Np.Arange(300_313.0) + 0.0);
        a.IsNative.ShouldBeTrue();
        var t = (DenseArray)Np.Transpose(Np.Reshape(a, 13, 23_101));

        using Interchange.HostBuffer h = t.ToHost();
        h.IsNative.ShouldBeTrue();                                          // no copy: the transposed strides over the storage
        h.IsCContiguous.ShouldBeFalse();
        h.ToContiguous<double>()[1].ShouldBe(23_101.0);
        t.ToTensor<double>()[1, 0].ShouldBe(1.0);
        ((DenseArray)Np.AsArray(h)).AsSpan<double>()[1].ShouldBe(23_101.0);
    }

    [Fact]
    public void The_library_s_own_views_and_copies_do_not_keep_a_disposed_input_alive()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = (DenseArray)(Np.Ones((401, 1_001)) + 0.0);
        a.IsNative.ShouldBeTrue();

        using (NDArray s0 = Np.Sum(a, 0), s1 = Np.Sum(a, 1), t = Np.Sum(a), c = a + a, e = Np.Exp(a), i = Np.Sum(a, 1, dtype: DType.Int64))
        {
            s0.ToArray<double>()[0].ShouldBe(401.0);
            s1.ToArray<double>()[0].ShouldBe(1_001.0);
            t.Item<double>().ShouldBe(401.0 * 1_001);
            i.ToArray<long>()[400].ShouldBe(1_001L);
        }
        a.Dispose();

        a.StorageObject.IsReleased.ShouldBeTrue();
    }

    [WhenMemoryAvailableFact(8L << 30)]
    public void An_array_of_three_billion_uint8_is_allocated_combined_and_reduced()
    {
        const long n = 3_000_000_000;
        using var host = TestHost.Create(new DensePlugin());
        using var x = (DenseArray)Np.Zeros((3, 1_000_000_000), DType.UInt8);
        x.Size.ShouldBe(n);
        x.IsNative.ShouldBeTrue();
        var e = x.Elements<byte>();
        foreach (long at in new[] { 0L, int.MaxValue, int.MaxValue + 1L, n - 1 }) e[at] = 1;
        e[2_500_000_000] = 9;

        using NDArray doubled = x + x;                                        // element-wise over rows past 2^31
        using NDArray max = Np.Max(doubled);
        using NDArray sum = Np.Sum(x, dtype: DType.UInt8);                    // the sum kernel over 3e9 elements (no widening copy)

        max.Item<byte>().ShouldBe((byte)18);
        sum.Item<byte>().ShouldBe((byte)13);
        var d = ((DenseArray)doubled).Elements<byte>();
        d[n - 1].ShouldBe((byte)2);
        d[int.MaxValue + 1L].ShouldBe((byte)2);
        d[2_500_000_001].ShouldBe((byte)0);
        // Printing reads only the elements that print (it used to copy the buffer into a .NET array, which cannot hold 3e9).
        x.ToString().ShouldBe("[[1 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 0]\n [0 0 0 ... 0 0 1]]");
    }

    [Fact]
    public void A_native_array_prints_as_the_same_values_in_managed_memory_and_the_debugger_view_reads_them_in_place()
    {
        using var host = TestHost.Create(new DensePlugin());
        foreach (DType dtype in new[] { DType.Float64, DType.Int32, DType.UInt8, DType.Bool, DType.Complex128, DType.Float16 })
        {
            using NDArray native = Np.Arange(0, 2_000_000).Reshape(2000, 1000).AsType(dtype);
            ((DenseArray)native).IsNative.ShouldBeTrue();
            using var copy = native.ToHost();
            NDArray managed = DenseArray.Wrap(copy.Data, dtype, native.Shape);   // the same values in a .NET array
            ((DenseArray)managed).IsNative.ShouldBeFalse();
            native.ToString().ShouldBe(managed.ToString());
            NDArray transposed = native.T;   // a strided view: the gathered elements come from non-contiguous offsets
            transposed.ToString().ShouldBe(managed.T.ToString());
            new ArrayDispatch.Printing.NDArrayDebugView(transposed).Elements.ShouldBe(new ArrayDispatch.Printing.NDArrayDebugView(managed.T).Elements);
        }
    }

    [WhenMemoryAvailableFact(8L << 30)]
    public void Npy_and_npz_files_of_three_billion_uint8_save_and_load_through_native_memory()
    {
        const long n = 3_000_000_000;
        using var host = TestHost.Create(new DensePlugin());
        // 2^32 is past 3e9 elements: the marks sit at the ends, around 2^31 (the first index past int) and around 5 * 2^29.
        long[] marked = [0, 1, int.MaxValue - 1L, int.MaxValue, int.MaxValue + 1L, (5L << 29) - 1, 5L << 29, n - 2, n - 1];
        string path = Path.Combine(Path.GetTempPath(), $"npy-3e9-{Guid.NewGuid():N}.npy");
        string npz = Path.ChangeExtension(path, ".npz");
        try
        {
            using (var x = (DenseArray)Np.Zeros((3, 1_000_000_000), DType.UInt8))
            {
                var e = x.Elements<byte>();
                for (int i = 0; i < marked.Length; i++) e[marked[i]] = (byte)(i + 1);
                Np.Save(path, x);                                             // streamed from native memory
            }
            // As numpy.save writes it: a 128-byte version 1.0 header, then the 3e9 bytes.
            new FileInfo(path).Length.ShouldBe(128 + n);
            using (FileStream f = File.OpenRead(path))
            {
                byte[] head = new byte[128];
                f.ReadExactly(head);
                System.Text.Encoding.Latin1.GetString(head, 10, 118).ShouldBe("{'descr': '|u1', 'fortran_order': False, 'shape': (3, 1000000000), }".PadRight(117) + "\n");
            }

            using var y = (DenseArray)Np.Load(path);                          // streamed into native memory
            y.Shape.ShouldBe(new Shape(3, 1_000_000_000));
            y.IsNative.ShouldBeTrue();
            var d = y.Elements<byte>();
            for (int i = 0; i < marked.Length; i++) d[marked[i]].ShouldBe((byte)(i + 1));
            HostBuffer exported = y.ToHost();                                 // zero-copy export of all 3e9 elements
            exported.IsNative.ShouldBeTrue();
            exported.Length.ShouldBe(n);
            exported.AsSpan<byte>(int.MaxValue, 2).ToArray().ShouldBe([(byte)4, (byte)5]);
            exported.AsSpan<byte>(n - 1, 1)[0].ShouldBe((byte)marked.Length);
            foreach (long at in new[] { 2L, int.MaxValue - 2L, int.MaxValue + 2L, (5L << 29) + 1, 2_500_000_000, n - 3 }) d[at].ShouldBe((byte)0);

            // The same through a .npz archive (numpy.savez / numpy.load): entries stream to and from the arrays' storage.
            Np.SaveNpz(npz, new Dictionary<string, NDArray> { ["y"] = y });
            IReadOnlyDictionary<string, NDArray> archive = Np.LoadNpz(npz);
            using var z = (DenseArray)archive["y"];
            z.Shape.ShouldBe(new Shape(3, 1_000_000_000));
            z.IsNative.ShouldBeTrue();
            var ze = z.Elements<byte>();
            for (int i = 0; i < marked.Length; i++) ze[marked[i]].ShouldBe((byte)(i + 1));
            ze[int.MaxValue + 2L].ShouldBe((byte)0);
        }
        finally
        {
            File.Delete(path);
            File.Delete(npz);
        }
    }

    [Fact]
    public void ToHost_of_a_native_array_shares_its_memory_both_ways_without_copying()
    {
        using var host = TestHost.Create(new DensePlugin());
        using DenseArray a = DenseArray.Create(DType.Float64, new Shape(131_101));
        a.IsNative.ShouldBeTrue();
        using HostBuffer b = a.ToHost();

        b.IsNative.ShouldBeTrue();
        b.Address.ShouldBe(Address(a));
        b.Length.ShouldBe(131_101);
        a.AsSpan<double>()[131_100] = 2.5;                                  // write through the array, read through the buffer
        b.AsSpan<double>()[131_100].ShouldBe(2.5);
        b.AsSpan<double>(7, 1)[0] = -1;                                     // and the other way
        a.AsSpan<double>()[7].ShouldBe(-1);
        b.ToContiguous<double>()[131_100].ShouldBe(2.5);                    // readers of .NET arrays get a copy
        using var back = (DenseArray)Np.FromDLPack(b, copy: false);          // importing the buffer back shares the storage too
        back.StorageObject.ShouldBeSameAs(a.StorageObject);
        GC.KeepAlive(b);
    }

    [Fact]
    public void A_native_host_buffer_keeps_the_memory_alive_after_the_array_is_disposed_until_the_buffer_is_collected()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = DenseArray.Create(DType.Int64, new Shape(131_113));
        DenseStorage storage = a.StorageObject;
        a.AsSpan<long>()[5] = 42;
        HostBuffer? b = a.ToHost();
        a.Dispose();

        storage.IsReleased.ShouldBeFalse();                                 // the buffer's owner holds a reference on the storage
        b.AsSpan<long>()[5].ShouldBe(42L);
        GC.KeepAlive(b);
        b = null;
        for (int i = 0; i < 5 && !storage.IsReleased; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        storage.IsReleased.ShouldBeTrue();                                  // released when the buffer is collected
    }

    [Fact]
    public void Disposing_a_native_host_buffer_lets_go_of_the_memory_at_once()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = DenseArray.Create(DType.Int32, new Shape(262_153));
        DenseStorage storage = a.StorageObject;
        HostBuffer b = a.ToHost();
        a.Dispose();
        storage.IsReleased.ShouldBeFalse();

        b.Dispose();

        storage.IsReleased.ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => b.AsSpan<int>(0, 1));
    }

    [Fact]
    public unsafe void A_span_over_more_than_two_billion_elements_throws_naming_the_size_and_chunked_spans_work()
    {
        byte[] small = new byte[16];
        fixed (byte* p = small)
        {
            // A buffer claiming 3e9 elements (never read past the 16 real bytes).
            var b = new HostBuffer((nint)p, 3_000_000_000, DType.UInt8, new Shape(3, 1_000_000_000), [1_000_000_000, 1], 0, small);
            b.IsNative.ShouldBeTrue();
            Should.Throw<InvalidOperationException>(() => b.AsSpan<byte>()).Message.ShouldContain("3000000000 elements");
            Should.Throw<InvalidOperationException>(() => b.Data).Message.ShouldContain("in chunks");
            b.AsSpan<byte>(8, 8).Length.ShouldBe(8);
            Should.Throw<ArgumentOutOfRangeException>(() => b.AsSpan<byte>(2_999_999_999, 2));
        }
    }

    /// <summary>A fact skipped, with the reason, when the machine has less than the given memory available now.</summary>
    private sealed class WhenMemoryAvailableFactAttribute : FactAttribute
    {
        public WhenMemoryAvailableFactAttribute(long bytes)
        {
            long available = AvailableMemoryBytes();
            if (available < bytes) Skip = $"needs {bytes >> 20} MB of available memory (two 3 GB arrays); /proc/meminfo's MemAvailable is {available >> 20} MB";
        }
    }

    private static long AvailableMemoryBytes()
    {
        if (!File.Exists("/proc/meminfo")) return 0;
        foreach (string line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    [Theory]
    [InlineData("ArrayDispatch.NativePoolBytes")]
    [InlineData("ArrayDispatch.Dense.NativePoolBytes")]     // the name from before the pool moved to the protocol
    public void The_pool_s_capacity_is_read_from_either_runtime_config_name(string name)
    {
        _ = NativePool.Capacity;                               // the pool's own capacity was read before this runs
        AppContext.SetData(name, "12345");
        try
        {
            NativePool.DefaultCapacity().ShouldBe(12345);
        }
        finally
        {
            AppContext.SetData(name, null);
        }
        NativePool.DefaultCapacity().ShouldBeGreaterThan(12345);
    }

    [Fact]
    public void Pool_size_classes_round_up_by_at_most_an_eighth()
    {
        foreach (long bytes in new long[] { 1, 64, 65, 1 << 20, (1 << 20) + 1, 80_000_000, 3_000_000_000 })
        {
            long size = NativePool.SizeClass(bytes);
            size.ShouldBeGreaterThanOrEqualTo(bytes);
            (size % 64).ShouldBe(0);
            if (bytes > 512) ((double)size / bytes).ShouldBeLessThanOrEqualTo(1.125);
        }
    }

    private static unsafe nint Address(DenseArray a)
    {
        fixed (double* p = a.AsSpan<double>()) return (nint)p;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference MakeAndDrop()
    {
        DenseArray a = DenseArray.Create(DType.Float64, new Shape(300_017));
        a.AsSpan<double>()[0] = 1.0;
        return new WeakReference(a.StorageObject);
    }
}
