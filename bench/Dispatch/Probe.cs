using ArrayDispatch.Dense;
using ArrayDispatch.Dense.Functions;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Bench.Dispatch;

/// <summary>
/// `probe`: bytes allocated per call by the steps of a small Dense ufunc (result allocation, broadcasting, loop
/// resolution, kernel driver), each after tiered compilation settled. Finds which step allocates when a `quick` row's
/// B/call grows (tier-0 code boxes where optimized code does not, hence the warm-up and pause).
/// </summary>
internal static class Probe
{
    public static void Run()
    {
        var a = DenseArray.From(new[] { 1.0 }, 1);
        var b = DenseArray.From(new[] { 2.0 }, 1);
        Shape s = a.Shape;
        P("CreateUninitialized", () => DenseArray.CreateUninitialized(DType.Float64, s));
        P("Broadcast", () => ArrayDispatch.Dense.Functions.Ufunc.Broadcast(a.Shape, b.Shape));
        P("ContiguousStrides", () => s.ContiguousStrides());
        P("DirectAdd", () => DenseUfuncs.Call(ArrayFunctions.Add, new BinaryArgs(a, b)));
        P("DirectExp", () => DenseUfuncs.Call(ArrayFunctions.Exp, new UnaryArgs(a)));
        P("DirectMul2", () => DenseUfuncs.Call(ArrayFunctions.Multiply, new BinaryArgs(a, 2.0)));
        P("ScalarOf", () => ArrayDispatch.Dense.Kernels.Copy.ScalarOf(2.0, DType.Float64));
        var d = DenseArray.CreateUninitialized(DType.Float64, s);
        P("Elements", () => a.Elements<double>());
        P("ShapeEq", () => a.Shape == b.Shape);
        P("IsCContiguous", () => a.IsCContiguous);
        P("BinaryKernel", () => { ArrayDispatch.Dense.Kernels.Elementwise.Binary<double, double, ArrayDispatch.Dense.Kernels.FloatLoop<double, ArrayDispatch.Ufuncs.AddOp>>(a, b, d); return 0; });
        P("CreateInstance", () => Array.CreateInstance(typeof(double), 1L));
        P("NewStorage", () => ArrayDispatch.Dense.Storage.DenseStorage.Wrap(new double[1]));
        ArrayDispatch.Ufuncs.Ufunc.TryGet(ArrayFunctions.Add, out var uadd);
        var add = (ArrayDispatch.Ufuncs.BinaryUfunc)uadd!;
        P("Resolve", () => add.Resolve(a, b));
        P("ResolveD", () => add.Resolve(DType.Float64));
        P("Name", () => add.Name);
        P("Destination", () => ArrayDispatch.Dense.Functions.Ufunc.Destination("add", null, s, DType.Float64));
        P("Operand", () => ArrayDispatch.Dense.Functions.Ufunc.Operand(a, DType.Float64));
        P("Normalize", () => ArrayDispatch.Axes.All.Normalize(1));
    }

    private static void P<T>(string name, Func<T> f)
    {
        for (int i = 0; i < 100_000; i++) f();
        Thread.Sleep(300);
        for (int i = 0; i < 100_000; i++) f();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++) f();
        Console.WriteLine($"{name,-24} {(GC.GetAllocatedBytesForCurrentThread() - before) / 100_000.0:F0} B/call");
    }
}
