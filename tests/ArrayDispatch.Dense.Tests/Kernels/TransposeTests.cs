using ArrayDispatch.Dense.Kernels;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Kernels;

/// <summary>
/// The blocked transpose copy (<see cref="Transpose"/>), reached through <see cref="Copy"/>, against a plain element loop
/// over the multi-index, for every dtype and for transposed, permuted, offset, stepped and flipped views.
/// </summary>
public abstract class TransposeTests<T> where T : unmanaged
{
    protected abstract T ValueOf(int i);

    public static TheoryData<int[], int[]> Cases => new()
    {
        { [4, 4], [1, 0] },
        { [8, 12], [1, 0] },
        { [1, 1], [1, 0] },
        { [3, 5], [1, 0] },
        { [5, 3], [1, 0] },
        { [37, 71], [1, 0] },
        { [130, 67], [1, 0] },
        { [257, 300], [1, 0] },
        { [2, 1000], [1, 0] },
        { [1000, 3], [1, 0] },
        { [70000, 2], [1, 0] },
        { [3, 30000], [1, 0] },
        { [300, 290], [1, 0] },
        { [2, 40000, 3], [2, 0, 1] },
        { [3, 4, 5], [2, 1, 0] },
        { [3, 4, 5], [0, 2, 1] },
        { [6, 7, 9], [1, 2, 0] },
        { [6, 7, 9], [2, 0, 1] },
        { [5, 33, 35], [0, 2, 1] },
        { [2, 3, 4, 5], [3, 1, 2, 0] },
        { [2, 9, 5, 7], [0, 3, 2, 1] },
        { [4, 3, 70, 66], [2, 0, 3, 1] },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Copy_PermutedView_MatchesElementLoop(int[] dims, int[] perm) => Check(dims, perm, offset: 0, step: 1, flipAxis: -1);

    [Theory, MemberData(nameof(Cases))]
    public void Copy_PermutedViewWithOffsetAndStep_MatchesElementLoop(int[] dims, int[] perm) => Check(dims, perm, offset: 3, step: 2, flipAxis: -1);

    [Theory, MemberData(nameof(Cases))]
    public void Copy_PermutedFlippedView_MatchesElementLoop(int[] dims, int[] perm) => Check(dims, perm, offset: 1, step: 1, flipAxis: perm[^1]);

    [Fact]
    public void CopyInto_DestinationRowsInsideLargerArray_MatchesElementLoopAndLeavesTheRestAlone()
    {
        const int rows = 45, cols = 38, pad = 7;
        DenseArray source = Source([cols, rows], offset: 5, out T[] _);
        DenseArray view = source.View(new Shape(rows, cols), [source.Strides[1], source.Strides[0]], source.Offset);
        var storage = new T[(rows + 2) * (cols + pad)];
        T marker = ValueOf(-1);
        Array.Fill(storage, marker);
        var destination = new DenseArray(storage, source.DType, new Shape(rows, cols), [cols + pad, 1], cols + pad + 2);

        Copy.Into(view, destination);

        for (int i = 0; i < storage.Length; i++)
        {
            long r = (i - (cols + pad + 2)) / (cols + pad), c = (i - (cols + pad + 2)) % (cols + pad);
            bool inside = i >= cols + pad + 2 && r < rows && c < cols;
            T expected = inside ? Element(view, [(int)r, (int)c]) : marker;
            storage[i].ShouldBe(expected, $"storage[{i}] (row {r}, column {c}, inside {inside})");
        }
    }

    [Fact]
    public void Copy_RandomPermutedViews_MatchElementLoop()
    {
        Gen<(int[] Dims, int[] Perm, int Offset, int Step)> cases =
            from rank in Gen.Int[2, 4]
            from dims in Gen.Int[1, rank == 2 ? 90 : 14].Array[rank]
            from keys in Gen.Int.Array[rank]
            from offset in Gen.Int[0, 5]
            from step in Gen.Int[1, 2]
            select (dims, Enumerable.Range(0, rank).OrderBy(i => keys[i]).ThenBy(i => i).ToArray(), offset, step);
        cases.Sample(c => Check(c.Dims, c.Perm, c.Offset, c.Step, flipAxis: -1), seed: "0N0XIzNsQ0T1", iter: 300, threads: 1);
    }

    private void Check(int[] dims, int[] perm, int offset, int step, int flipAxis)
    {
        DenseArray base_ = Source(dims, offset, out _, step);
        var viewDims = new int[dims.Length];
        var viewStrides = new long[dims.Length];
        long viewOffset = base_.Offset;
        for (int k = 0; k < dims.Length; k++)
        {
            viewDims[k] = dims[perm[k]];
            viewStrides[k] = base_.Strides[perm[k]];
        }
        if (flipAxis >= 0)
        {
            int k = Array.IndexOf(perm, flipAxis);
            viewOffset += (viewDims[k] - 1) * viewStrides[k];
            viewStrides[k] = -viewStrides[k];
        }
        DenseArray view = base_.View(new Shape(viewDims), viewStrides, viewOffset);

        DenseArray copy = Copy.Contiguous(view);

        copy.IsCContiguous.ShouldBeTrue();
        var actual = copy.Elements<T>();
        var index = new int[viewDims.Length];
        for (long flat = 0; flat < copy.Shape.Size; flat++)
        {
            T expected = Element(view, index);
            if (!actual[copy.Offset + flat].Equals(expected))
            {
                actual[copy.Offset + flat].ShouldBe(expected,
                    $"dims ({string.Join(", ", dims)}), perm ({string.Join(", ", perm)}), offset {offset}, step {step}, flip {flipAxis}: element ({string.Join(", ", index)})");
            }
            for (int k = index.Length - 1; k >= 0 && ++index[k] == viewDims[k]; k--) index[k] = 0;
        }
    }

    // A C-ordered array of dims whose first axis is spaced by step (as x[::step]), starting at offset in a buffer of distinct values.
    private DenseArray Source(int[] dims, int offset, out T[] data, int step = 1)
    {
        var strides = new long[dims.Length];
        long stride = 1;
        for (int k = dims.Length - 1; k >= 0; k--)
        {
            strides[k] = stride;
            stride *= dims[k];
        }
        strides[0] *= step;
        data = new T[offset + stride * step + 1];
        for (int i = 0; i < data.Length; i++) data[i] = ValueOf(i);
        DType dtype = DenseArray.From(new T[1], 1).DType;
        return new DenseArray(data, dtype, new Shape(dims), strides, offset);
    }

    private static T Element(DenseArray a, int[] index)
    {
        long at = a.Offset;
        for (int k = 0; k < index.Length; k++) at += index[k] * a.Strides[k];
        return a.Elements<T>()[at];
    }
}

public sealed class TransposeTestsFloat64 : TransposeTests<double> { protected override double ValueOf(int i) => i * 0.5 + 0.25; }

public sealed class TransposeTestsFloat32 : TransposeTests<float> { protected override float ValueOf(int i) => i * 0.25f - 3f; }

public sealed class TransposeTestsInt64 : TransposeTests<long> { protected override long ValueOf(int i) => i * 1_000_003L - 7; }

public sealed class TransposeTestsInt32 : TransposeTests<int> { protected override int ValueOf(int i) => i * 31 + 1; }

public sealed class TransposeTestsBool : TransposeTests<bool> { protected override bool ValueOf(int i) => i % 3 == 1 || i % 7 == 0; }
