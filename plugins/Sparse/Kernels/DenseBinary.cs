using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Element-wise functions on C-ordered dense data with NumPy broadcasting, for results that are dense.</summary>
internal static class DenseBinary
{
    /// <summary><c>f(a, b)</c> over <paramref name="shape"/>; <paramref name="a"/> and <paramref name="b"/> are C-ordered in their own shapes.</summary>
    public static TOut[] Apply<T, TOut, TM>(T[] a, Shape aShape, T[] b, Shape bShape, Shape shape)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        var result = new TOut[shape.Size];
        if (aShape == shape && bShape == shape)
        {
            for (long k = 0; k < result.LongLength; k++) result[k] = TM.Apply(a[k], b[k]);
            return result;
        }
        long[] sa = BroadcastStrides(aShape, shape), sb = BroadcastStrides(bShape, shape);
        int rank = shape.Rank;
        var index = new int[rank];
        long pa = 0, pb = 0;
        for (long k = 0; k < result.LongLength; k++)
        {
            result[k] = TM.Apply(a[pa], b[pb]);
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                pa += sa[axis];
                pb += sb[axis];
                if (index[axis] < shape.Dims[axis]) break;
                pa -= sa[axis] * index[axis];
                pb -= sb[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return result;
    }

    /// <summary>The element strides of a C-ordered array of <paramref name="own"/> shape read as <paramref name="shape"/> (0 on stretched axes).</summary>
    public static long[] BroadcastStrides(Shape own, Shape shape) => StridedLayout.BroadcastStrides(own, own.ContiguousStrides(), shape);

    /// <summary><paramref name="a"/> (C-ordered in <paramref name="aShape"/>) broadcast to <paramref name="shape"/>, C-ordered.</summary>
    public static T[] BroadcastTo<T>(T[] a, Shape aShape, Shape shape) where T : unmanaged
    {
        if (aShape == shape) return a;
        return Apply<T, T, First<T>>(a, aShape, a, aShape, shape);
    }

    private readonly struct First<T> : IMergeOp<T, T>
    {
        public static T Apply(T a, T b) => a;
    }
}
