using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Printing;

/// <summary>How any <see cref="NDArray"/> prints: NumPy's str and repr for host-resident arrays, format strings, print-option scopes.</summary>
[Collection(nameof(GlobalPrintOptions))]
public sealed class NDArrayFormattingTests
{
    private static NDArray Range(int n) => new HostArray(HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(i => i / 3.0).ToArray(), new Shape(n)));

    [Fact]
    public void ToString_HostResidentArray_IsNumPysStr()
    {
        new HostArray(HostBuffer.FromContiguous(new[] { 0.0, 1, 2 }, new Shape(3))).ToString().ShouldBe("[0. 1. 2.]");
    }

    [Fact]
    public void ArrayRepr_ShowsDTypeWhereNumPyDoes()
    {
        Np.ArrayRepr(new HostArray(HostBuffer.FromContiguous(new[] { 0.0, 1, 2 }, new Shape(3)))).ShouldBe("array([0., 1., 2.])");
        Np.ArrayRepr(new HostArray(HostBuffer.FromContiguous(new[] { 1, 2 }, new Shape(2)))).ShouldBe("array([1, 2], dtype=int32)");
        new HostArray(HostBuffer.FromContiguous(new[] { 1f, 2f }, new Shape(2))).ToString("R", null).ShouldBe("array([1., 2.], dtype=float32)");
    }

    [Fact]
    public void InterpolationFormat_F3_PrintsThreeFixedDecimals()
    {
        NDArray x = Range(3);

        $"{x:F3}".ShouldBe("[0.000 0.333 0.667]");
        $"{x:G2}".ShouldBe("[0.   0.33 0.67]");
        $"{x}".ShouldBe("[0.         0.33333333 0.66666667]");
    }

    [Fact]
    public void ToString_UnknownFormat_ThrowsNamingTheFormats()
    {
        var ex = Should.Throw<FormatException>(() => Range(3).ToString("X", null));

        ex.Message.ShouldBe("format 'X' is not an array format; use 'G' (NumPy's str), 'G3' (str with precision 3), 'F3' (3 fixed decimals, never scientific) or 'R' (NumPy's repr)");
    }

    [Fact]
    public void PrintOptionsScope_AppliesInsideAndRestoresAfter()
    {
        NDArray x = Range(3);

        using (Np.PrintOptions(precision: 3))
        {
            x.ToString().ShouldBe("[0.    0.333 0.667]");
            using (Np.PrintOptions(sign: SignMode.Plus)) x.ToString().ShouldBe("[+0.    +0.333 +0.667]");
            Np.GetPrintOptions().Precision.ShouldBe(3);
        }
        x.ToString().ShouldBe("[0.         0.33333333 0.66666667]");
    }

    [Fact]
    public void PrintOptionsScope_ThresholdSummarises()
    {
        using (Np.PrintOptions(threshold: 5, edgeItems: 2, precision: 2))
        {
            Range(9).ToString().ShouldBe("[0.   0.33 ... 2.33 2.67]");
        }
    }

    [Fact]
    public async Task PrintOptionsScope_OpenedInAnotherTask_DoesNotChangeThisFlow()
    {
        NDArray x = Range(2);
        var opened = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Task other = Task.Run(async () =>
        {
            using (Np.PrintOptions(precision: 1))
            {
                opened.SetResult();
                await release.Task;
            }
        });

        await opened.Task;
        x.ToString().ShouldBe("[0.         0.33333333]");
        release.SetResult();
        await other;
    }

    [Fact]
    public void SetPrintOptions_ChangesTheGlobalDefault()
    {
        PrintOptions saved = PrintOptions.Default;
        try
        {
            Np.SetPrintOptions(precision: 2, floatMode: FloatMode.Fixed);
            Range(2).ToString().ShouldBe("[0.00 0.33]");
        }
        finally
        {
            PrintOptions.Default = saved;
        }
    }

    [Fact]
    public void PrintOptions_NegativePrecision_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Np.PrintOptions(precision: -1)).Message.ShouldStartWith("precision must be >= 0");
    }

    [Fact]
    public void ToString_ArrayNotHostResident_PrintsTypeShapeAndDTypeWithoutReadingValues()
    {
        new RemoteArray().ToString().ShouldBe("RemoteArray(shape=(2, 3), dtype=float64)");
        new RemoteArray().ToString("R", null).ShouldBe("RemoteArray(shape=(2, 3), dtype=float64)");
    }

    [Fact]
    public void DebugView_ShowsTheFirstElementsOfHostResidentArrays()
    {
        var view = new NDArrayDebugView(Range(150));

        view.Elements.Length.ShouldBe(NDArrayDebugView.MaxElements);
        view.Elements[3].ShouldBe(1.0);
        view.Shape.ShouldBe(new Shape(150));
        new NDArrayDebugView(new RemoteArray()).Elements.ShouldBeEmpty();
    }

    private sealed class HostArray(HostBuffer buffer) : NDArray
    {
        public override Shape Shape => buffer.Shape;

        public override DType DType => buffer.DType;

        public override bool IsHostResident => true;

        public override HostBuffer ToHost() => buffer;
    }

    private sealed class RemoteArray : NDArray
    {
        public override Shape Shape => new(2, 3);

        public override DType DType => DType.Float64;

        public override HostBuffer ToHost() => throw new InvalidOperationException("printing must not read a remote array's values");
    }
}

/// <summary>Tests that set <see cref="PrintOptions.Default"/> run one at a time.</summary>
[CollectionDefinition(nameof(GlobalPrintOptions), DisableParallelization = true)]
public sealed class GlobalPrintOptions;

/// <summary>Array types that print themselves by overriding <see cref="object.ToString"/> keep doing so everywhere.</summary>
public sealed class OwnToStringTests
{
    [Fact]
    public void ConsoleAndInterpolation_ArrayOverridingToString_UseItsText()
    {
        var mine = new OwnTextArray();
        var writer = new StringWriter();

        writer.Write(mine);

        writer.ToString().ShouldBe("MyArray([6])");
        $"{mine}".ShouldBe("MyArray([6])");
        mine.ToString("R", null).ShouldBe("OwnTextArray(shape=(1,), dtype=float64)");
    }

    [Fact]
    public void DebugView_TransposedView_ShowsElementsInLogicalOrder()
    {
        var view = new NDArrayDebugView(new ViewArray(new HostBuffer(new long[] { 0, 1, 2, 3, 4, 5 }, DType.Int64, new Shape(3, 2), [1, 3])));

        view.Elements.ShouldBe([0L, 3L, 1L, 4L, 2L, 5L]);
    }

    private sealed class OwnTextArray : NDArray
    {
        public override Shape Shape => new(1);

        public override DType DType => DType.Float64;

        public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 6.0 }, new Shape(1));

        public override string ToString() => "MyArray([6])";
    }

    private sealed class ViewArray(HostBuffer buffer) : NDArray
    {
        public override Shape Shape => buffer.Shape;

        public override DType DType => buffer.DType;

        public override bool IsHostResident => true;

        public override HostBuffer ToHost() => buffer;
    }
}
