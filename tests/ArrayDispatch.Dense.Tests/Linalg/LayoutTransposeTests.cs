using System.Numerics;
using ArrayDispatch.Dense.Linalg;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>
/// The row-major ↔ column-major conversion around LAPACK calls (<c>VectorOps.Transpose</c>): large matrices go through
/// the copy kernel of transposed views (cache tiles, 4 × 4 register blocks, tile rows on every core), small ones through
/// a scalar loop; every element lands where the loop puts it, for every element size and ragged edge.
/// </summary>
public sealed class LayoutTransposeTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(65, 67)]
    [InlineData(3, 5000)]
    [InlineData(5000, 3)]
    [InlineData(257, 1031)]
    [InlineData(2, 2048)]
    [InlineData(10, 10)]
    public void Transpose_puts_every_element_at_its_transposed_place(int rows, int cols)
    {
        Check(rows, cols, i => (double)i);
        Check(rows, cols, i => (float)i);
        Check(rows, cols, i => new Complex(i, -i));
        Check(rows, cols, i => (byte)(i % 251));
    }

    private static void Check<T>(int rows, int cols, Func<int, T> value) where T : unmanaged, IEquatable<T>
    {
        var src = new T[rows * cols];
        for (int i = 0; i < src.Length; i++) src[i] = value(i);
        var dst = new T[rows * cols];
        VectorOps.Transpose(rows, cols, src, dst);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                if (!dst[j * rows + i].Equals(src[i * cols + j])) dst[j * rows + i].ShouldBe(src[i * cols + j], $"{typeof(T).Name} {rows}x{cols} at ({i}, {j})");
            }
        }
    }
}
