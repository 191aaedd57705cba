using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>NumPy's <c>matmul</c>: 1-d operands are promoted to matrices and the added axis dropped; batch axes broadcast.</summary>
internal static class MatMul
{
    public static GpuArray Compute(GpuArray a, GpuArray b)
    {
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new ArgumentException("matmul: Input operand does not have enough dimensions (a 0-d array cannot be multiplied; use multiply)", a.Rank == 0 ? "x1" : "x2");
        }
        DType dtype = DTypes.Promote(a.DType, b.DType);
        // float16 accumulates in float32 and rounds once, as NumPy's float16 matmul loop does.
        DType compute = dtype == DType.Bool ? DType.Int64 : dtype == DType.Float16 ? DType.Float32 : dtype;
        Shape sa = a.Rank == 1 ? new Shape(1, a.Shape[0]) : a.Shape;
        Shape sb = b.Rank == 1 ? new Shape(b.Shape[0], 1) : b.Shape;
        int m = sa[-2], k = sa[-1], k2 = sb[-2], n = sb[-1];
        if (k != k2)
        {
            throw new ShapeMismatchException(
                $"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {k2} is different from {k})",
                a.Shape, b.Shape);
        }
        Shape batchA = new(sa.Dims[..^2]);
        Shape batchB = new(sb.Dims[..^2]);
        Shape batch = Shape.Broadcast(batchA, batchB);
        using GpuArray ca = ContiguousAs(a, compute);
        using GpuArray cb = ContiguousAs(b, compute);
        var resultDims = new List<int>(batch.Dims.ToArray());
        if (a.Rank > 1) resultDims.Add(m);
        if (b.Rank > 1) resultDims.Add(n);
        GpuArray c = GpuOps.Empty(a.Runtime, new Shape([.. batch.Dims.ToArray(), m, n]), compute);
        if (c.Size > 0)
        {
            if (k == 0) Creation.FillWith(c, 0L);
            else Launch(ca, BatchLayout(batchA, batch), cb, BatchLayout(batchB, batch), c, m, n, k, checked((int)batch.Size));
        }
        GpuArray shaped = c.View(new Shape([.. resultDims]), new Shape([.. resultDims]).ContiguousStrides(), 0);
        c.Dispose();
        if (compute == dtype) return shaped;
        using (shaped)
        {
            if (dtype == DType.Float16) return GpuOps.Convert(shaped, DType.Float16);
            using GpuArray zero = GpuOps.Scalar(shaped.Runtime, 0L, compute);
            return GpuOps.ZipWith(UfuncKernels.Comparison<Ufuncs.NotEqualOp>(compute), shaped, zero, compute);
        }
    }

    private static GpuArray ContiguousAs(GpuArray x, DType dtype) => x.DType == dtype ? GpuOps.Contiguous(x) : GpuOps.Convert(x, dtype);

    /// <summary>The matrix index of each batch entry, broadcasting a batch shape against the full one.</summary>
    private static Layout BatchLayout(Shape own, Shape full)
    {
        long[] ownStrides = own.ContiguousStrides();
        var strides = new long[full.Rank];
        int lead = full.Rank - own.Rank;
        for (int i = 0; i < own.Rank; i++) strides[lead + i] = own.Dims[i] == 1 ? 0 : ownStrides[i];
        return Layout.Create(full.Dims, strides, 0);
    }

    private static void Launch(GpuArray a, Layout la, GpuArray b, Layout lb, GpuArray c, int m, int n, int k, int batch)
    {
        switch (c.DType)
        {
            case DType.Float64: Launch<double>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Float32: Launch<float>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Int64: Launch<long>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Int32: Launch<int>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Int16: Launch<short>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Int8: Launch<sbyte>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.UInt64: Launch<ulong>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.UInt32: Launch<uint>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.UInt16: Launch<ushort>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.UInt8: Launch<byte>(a, la, b, lb, c, m, n, k, batch); break;
            // complex GEMM: the same kernels over the complex element (its + and * are NumPy's complex add and multiply)
            case DType.Complex128: Launch<System.Numerics.Complex>(a, la, b, lb, c, m, n, k, batch); break;
            case DType.Complex64: Launch<Complex64>(a, la, b, lb, c, m, n, k, batch); break;
            default: throw GpuDTypes.Unsupported(c.DType, "matmul");
        }
    }

    private static void Launch<T>(GpuArray a, Layout la, GpuArray b, Layout lb, GpuArray c, int m, int n, int k, int batch)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        GpuRuntime runtime = c.Runtime;
        var dims = new MatMulDims { M = m, N = n, K = k };
        ArrayView<T> va = a.Storage.View<T>().SubView(a.Offset), vb = b.Storage.View<T>().SubView(b.Offset), vc = c.Storage.View<T>();
        // One product of contiguous matrices (the operands are made contiguous above): cuBLAS where it is active.
        if (batch == 1 && runtime.Blas.TryGemm(va.SubView(0, (long)m * k), vb.SubView(0, (long)k * n), vc.SubView(0, (long)m * n), m, n, k)) return;
        if (!runtime.UseTiledMatMul)
        {
            long total = (long)batch * m * n;
            Index1D threads = runtime.Threads(total);
            runtime.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, MatMulDims, Layout, Layout, long, long>(MatMulKernels.Simple)(
                threads, va, vb, vc, dims, la, lb, total, threads.X);
            return;
        }
        if (runtime.MatMulGroup == 16) Blocked<T, MatMulShape16>(runtime, va, vb, vc, dims, la, lb, batch);
        else Blocked<T, MatMulShape4>(runtime, va, vb, vc, dims, la, lb, batch);
    }

    private static void Blocked<T, TShape>(GpuRuntime runtime, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatMulDims dims, Layout la, Layout lb, int batch)
        where T : unmanaged, System.Numerics.INumberBase<T> where TShape : struct, IMatMulShape
    {
        int g = default(TShape).Group, block = 8 * g;
        var kernel = runtime.Kernels.Grouped<ArrayView<T>, ArrayView<T>, ArrayView<T>, MatMulDims, Layout, Layout>(BlockedMatMulKernel.Run<T, TShape>);
        var grid = new Index3D((dims.N + block - 1) / block, (dims.M + block - 1) / block, batch);
        var config = new KernelConfig(grid, new Index3D(g, g, 1), SharedMemoryConfig.RequestDynamic<T>(BlockedMatMulKernel.SharedElements<TShape>()));
        kernel(config, a, b, c, dims, la, lb);
    }
}
