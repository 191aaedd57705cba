using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>Creation functions on the Sparse backend: <c>asarray</c> (any array, .NET array or host buffer, in a chosen format), <c>eye</c>, <c>zeros</c>.</summary>
internal sealed class SparseCreation(SparseContext ctx)
{
    /// <summary><c>Np.AsArray(x, backend: "Sparse", format: "csr")</c>. 2-d sources default to CSR, others to COO; a sparse source keeps its format.</summary>
    [Implements("asarray")]
    public DispatchResult<NDArray> AsArray(in AsArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Source is NDArray { IsHostResident: false } and not SparseArray)
        {
            return NotImplemented.Value; // device and lazy arrays are not moved implicitly
        }
        SparseArray result;
        if (args.Source is SparseArray s)
        {
            SparseFormat format = SparseFormats.Parse(args.Placement.Option<string>("format"), s.Format);
            result = s.ToFormat(format);
            if (ReferenceEquals(result, s) && args.Copy) result = Copy(s);
        }
        else
        {
            var buffer = HostInterop.FromSource(args.Source);
            SparseFormat format = SparseFormats.Parse(args.Placement.Option<string>("format"), buffer.Shape.Rank == 2 ? SparseFormat.Csr : SparseFormat.Coo);
            result = DenseToSparse.Convert(buffer, format);
        }
        if (args.DType is { } dtype && dtype != result.DType)
        {
            Structure.Canonical(result);
            result = Structure.WithValues(result, ArrayOps.Cast(result.ValueBuffer, dtype));
        }
        _ = ctx;
        return result;
    }

    /// <summary><c>Np.Eye(n, m, k, backend: "Sparse")</c>: CSR unless the placement names another format.</summary>
    [Implements("eye")]
    public DispatchResult<NDArray> Eye(in EyeArgs args, ReadOnlySpan<Type> types) =>
        SparseArrays.Eye(args.N, args.M, args.K, args.DType, SparseFormats.Parse(args.Placement.Option<string>("format"), SparseFormat.Csr));

    /// <summary>
    /// <c>full</c> makes only all-zero arrays: a nonzero fill would store every element. Declared, so the dispatcher
    /// refuses such a call before it gets here, and Chunked knows which fill its metadata arrays can hold.
    /// </summary>
    internal static FunctionSupport FullSupport { get; } = new()
    {
        NonzeroFill = false,
        Reason = "every element would be stored; create it with backend: \"Dense\" (np.full) and convert what is sparse",
    };

    /// <summary><c>Np.Zeros(shape, backend: "Sparse")</c>: no stored entries (a nonzero fill is outside <see cref="FullSupport"/>).</summary>
    [Implements("full")]
    public DispatchResult<NDArray> Full(in FullArgs args, ReadOnlySpan<Type> types)
    {
        SparseFormat format = SparseFormats.Parse(args.Placement.Option<string>("format"), args.Shape.Rank == 2 ? SparseFormat.Csr : SparseFormat.Coo);
        var coords = new int[args.Shape.Rank][];
        for (int a = 0; a < coords.Length; a++) coords[a] = [];
        return new CooArray(coords, ArrayOps.Allocate(args.DType, 0), args.Shape, true).ToFormat(format);
    }

    internal static SparseArray Copy(SparseArray s) => s switch
    {
        CooArray c => new CooArray(Array.ConvertAll(c.CoordBuffers, x => SparseBuffers.CopyOf<int>(x.Span)), SparseBuffers.CopyOf(c.ValueBuffer), c.Shape, c.IsCanonical),
        CsrArray r => new CsrArray(SparseBuffers.CopyOf<int>(r.Indptr), SparseBuffers.CopyOf<int>(r.Indices), SparseBuffers.CopyOf(r.ValueBuffer), r.Shape, r.HasSortedIndices, r.IsCanonical),
        CscArray k => new CscArray(SparseBuffers.CopyOf<int>(k.Indptr), SparseBuffers.CopyOf<int>(k.Indices), SparseBuffers.CopyOf(k.ValueBuffer), k.Shape, k.HasSortedIndices, k.IsCanonical),
        _ => throw new InvalidOperationException($"unknown sparse array type {s.GetType().Name}. This is a bug in ArrayDispatch; please report it."),
    };
}
