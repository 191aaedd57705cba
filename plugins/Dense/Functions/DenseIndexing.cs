using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// Indexing: integers, slices (negative steps too), new axes and the ellipsis give views; integer arrays and boolean
/// masks give copies; assignment works through both.
/// </summary>
public static class DenseIndexing
{
    [Implements("getitem")]
    public static DispatchResult<NDArray> GetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        IndexPlan plan = IndexPlan.Create(x, args.Index);
        if (plan.IsBasic) return plan.View;
        DenseArray w = Copy.Contiguous(Views.Transpose(plan.View, plan.AdvancedFirst()));
        int k = plan.AdvancedAxes.Length;
        int[] rest = w.Shape.Dims[k..].ToArray();
        long slab = 1;
        foreach (int d in rest) slab *= d;
        long[] advStrides = new long[k];
        long stride = slab;
        for (int j = k - 1; j >= 0; j--)
        {
            advStrides[j] = stride;
            stride *= w.Shape.Dims[j];
        }
        long count = plan.Broadcast.Size;
        DenseArray gathered = DenseArray.Create(x.DType, new Shape([.. plan.Broadcast.Dims, .. rest]));
        for (long b = 0; b < count; b++)
        {
            long from = 0;
            for (int j = 0; j < k; j++) from += plan.Indices[j][b] * advStrides[j];
            DenseArray.CopyStorage(w, from, gathered, b * slab, slab);
        }
        int[] order = plan.ResultOrder();
        return IsIdentity(order) ? gathered : Copy.Contiguous(Views.Transpose(gathered, order));
    }

    [Implements("setitem")]
    public static DispatchResult<NDArray> SetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        x.ThrowIfReadOnly();
        IndexPlan plan = IndexPlan.Create(x, args.Index);
        if (args.Value.IsScalar) DTypes.CheckAssignedScalar(args.Value.Scalar, x.DType);
        DenseArray value = Ufunc.Operand(args.Value, x.DType);
        if (plan.IsBasic)
        {
            CheckAssignable(value.Shape, plan.View.Shape);
            Copy.Into(value, plan.View);
            return x;
        }
        int k = plan.AdvancedAxes.Length;
        DenseArray w = Views.Transpose(plan.View, plan.AdvancedFirst());
        int[] rest = w.Shape.Dims[k..].ToArray();
        var restShape = new Shape(rest);
        long[] restStrides = w.StrideArray[k..];
        long slab = restShape.Size;
        int[] order = plan.ResultOrder();
        var wOrderShape = new Shape([.. plan.Broadcast.Dims, .. rest]);
        int[] resultDims = order.Select(i => wOrderShape.Dims[i]).ToArray();
        var resultShape = new Shape(resultDims);
        CheckAssignable(value.Shape, resultShape);
        DenseArray inResultOrder = Views.BroadcastTo(value, resultShape);
        DenseArray source = Copy.Contiguous(Views.Transpose(inResultOrder, Views.Inverse(order)));
        long count = plan.Broadcast.Size;
        long[] slabStrides = restShape.ContiguousStrides();
        for (long b = 0; b < count; b++)
        {
            long to = w.Offset;
            for (int j = 0; j < k; j++) to += plan.Indices[j][b] * w.Strides[j];
            if (slab == 1) DenseArray.CopyStorage(source, b, w, to, 1);
            else Copy.Into(source.View(restShape, slabStrides, b * slab), w.View(restShape, restStrides, to));
        }
        return x;
    }

    private static void CheckAssignable(Shape value, Shape target)
    {
        if (!Shape.TryBroadcast(value, target, out Shape joint) || joint != target)
        {
            throw NumPyErrors.CannotBroadcastInput(value, target);
        }
    }

    private static bool IsIdentity(int[] order)
    {
        for (int i = 0; i < order.Length; i++) if (order[i] != i) return false;
        return true;
    }
}
