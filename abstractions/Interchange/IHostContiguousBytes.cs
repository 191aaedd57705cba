namespace ArrayDispatch.Interchange;

/// <summary>
/// An array whose elements may lie C-contiguous in host memory, readable and writable there in place a chunk at a time
/// (a Dense array, whose native storage may exceed 2^31 elements): <see cref="Np.Save"/> and <see cref="Np.Load"/>
/// stream large <c>.npy</c> files through it instead of copying the whole array into a <see cref="HostBuffer"/>.
/// </summary>
public interface IHostContiguousBytes
{
    /// <summary>Whether the elements lie in C order without gaps in host memory now (<see cref="HostBytes"/> needs it).</summary>
    bool IsHostCContiguous { get; }

    /// <summary>
    /// The bytes <c>[start, start + length)</c> of the C-ordered elements, in place: writes change the array. Valid while
    /// the array is alive and not disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The elements are not C-contiguous in host memory.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the array's bytes.</exception>
    Span<byte> HostBytes(long start, int length);
}
