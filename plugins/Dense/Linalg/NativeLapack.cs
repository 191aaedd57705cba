using System.Numerics;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// BLAS/LAPACK found at run time (no hard dependency): probes <c>libopenblas.so.0</c>, then <c>libblas.so.3</c> +
/// <c>liblapack.so.3</c> (Debian's alternatives: OpenBLAS when <c>libopenblas0-pthread</c> is installed, netlib's
/// reference otherwise), or the list in <c>ARRAYDISPATCH_BLAS_LIBRARY</c> (comma-separated names or paths). Entry
/// points are resolved with <see cref="NativeLibrary.GetExport"/> and called through unmanaged function pointers with
/// the Fortran ABI (every argument by reference, hidden string lengths last, column-major storage). Anything missing
/// means <see cref="Instance"/> is null and the managed kernels run.
/// </summary>
internal sealed unsafe partial class NativeLapack
{
    private static readonly Lazy<NativeLapack?> Loaded = new(Load);

    private NativeLapack(string description, bool optimizedBlas, Routines d, Routines s, Routines? z, Routines? c)
    {
        Description = description;
        HasGemm = optimizedBlas;
        _d = d;
        _s = s;
        if (z is not null && c is not null) (_z, _c) = (z, c);
    }

    private readonly Routines _d, _s;
    private readonly Routines? _z, _c;

    /// <summary>Whether the complex routines (z* for complex128, c* for complex64) were found too; without them complex linear algebra runs managed.</summary>
    public bool HasComplex => _z is not null;

    /// <summary>The loaded library, or null.</summary>
    public static NativeLapack? Instance => Loaded.Value;

    /// <summary>E.g. <c>"libopenblas.so.0 (OpenBLAS 0.3.21)"</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// Whether to use the native GEMM: only for an optimised BLAS. Netlib's reference dgemm runs at ~3 GFLOP/s where
    /// the managed kernel reaches the FMA peak, so with the reference library only LAPACK is taken from it.
    /// </summary>
    public bool HasGemm { get; }

    /// <summary>
    /// Entry points of one precision: d* (float64), s* (float32), z* (complex128), c* (complex64); the complex names of
    /// orgqr and syevd are ungqr and heevd. Getrf/Getrs/Geev are used for the real types only.
    /// </summary>
    private sealed class Routines
    {
        public nint Gemm, Syrk, Trtri, Gesdd, Geqrf, Orgqr, Potrf, Getrf, Getrs, Syevd, Gelsd, Geev;

        public bool TryResolve(char p, nint blas, nint lapack)
        {
            bool complex = p is 'z' or 'c';
            return Get(blas, $"{p}gemm_", out Gemm) && Get(blas, $"{p}syrk_", out Syrk)
                && Get(lapack, $"{p}gesdd_", out Gesdd) && Get(lapack, $"{p}geqrf_", out Geqrf)
                && Get(lapack, complex ? $"{p}ungqr_" : $"{p}orgqr_", out Orgqr) && Get(lapack, $"{p}potrf_", out Potrf) && Get(lapack, $"{p}trtri_", out Trtri)
                && Get(lapack, $"{p}getrf_", out Getrf) && Get(lapack, $"{p}getrs_", out Getrs)
                && Get(lapack, complex ? $"{p}heevd_" : $"{p}syevd_", out Syevd) && Get(lapack, $"{p}geev_", out Geev)
                && Get(lapack, $"{p}gelsd_", out Gelsd);
        }

        public static Routines? Resolve(char p, nint blas, nint lapack)
        {
            var r = new Routines();
            return r.TryResolve(p, blas, lapack) ? r : null;
        }

        private static bool Get(nint lib, string name, out nint fn) => NativeLibrary.TryGetExport(lib, name, out fn);
    }

    private Routines For<T>() =>
        typeof(T) == typeof(double) ? _d
        : typeof(T) == typeof(float) ? _s
        : typeof(T) == typeof(Complex) ? _z ?? throw new InvalidOperationException("the loaded LAPACK has no complex routines")
        : typeof(T) == typeof(Complex64) ? _c ?? throw new InvalidOperationException("the loaded LAPACK has no complex routines")
        : throw new NotSupportedException($"LAPACK has no routines for {typeof(T).Name}");

    /// <summary>Whether T is one of the complex element types (the routines then take an extra real workspace, rwork).</summary>
    private static bool IsComplex<T>() => typeof(T) == typeof(Complex) || typeof(T) == typeof(Complex64);

    private static NativeLapack? Load()
    {
        try
        {
            string? custom = Environment.GetEnvironmentVariable("ARRAYDISPATCH_BLAS_LIBRARY");
            string[] candidates = string.IsNullOrWhiteSpace(custom)
                ? ["libopenblas.so.0", "libblas.so.3", "liblapack.so.3", "libopenblas.dylib", "libopenblas.dll"]
                : custom.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            nint blas = 0, lapack = 0;
            string blasName = "", lapackName = "";
            foreach (string name in candidates)
            {
                if (!NativeLibrary.TryLoad(name, out nint h)) continue;
                if (blas == 0 && NativeLibrary.TryGetExport(h, "dgemm_", out _)) { blas = h; blasName = name; }
                if (lapack == 0 && NativeLibrary.TryGetExport(h, "dgesdd_", out _)) { lapack = h; lapackName = name; }
                if (blas != 0 && lapack != 0) break;
            }
            if (blas == 0 || lapack == 0) return null;
            var d = new Routines();
            var s = new Routines();
            if (!d.TryResolve('d', blas, lapack) || !s.TryResolve('s', blas, lapack)) return null;
            string? openblas = OpenBlasVersion(blas);
            string libs = blasName == lapackName ? blasName : $"{blasName} + {lapackName}";
            string description = openblas is null ? $"{libs} (reference BLAS/LAPACK)" : $"{libs} ({openblas})";
            return new NativeLapack(description, openblas is not null || HasOtherOptimizedBlas(blas), d, s,
                Routines.Resolve('z', blas, lapack), Routines.Resolve('c', blas, lapack));
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>"OpenBLAS 0.3.21" from <c>openblas_get_config</c>, or null when the BLAS is not OpenBLAS.</summary>
    private static string? OpenBlasVersion(nint blas)
    {
        if (!NativeLibrary.TryGetExport(blas, "openblas_get_config", out nint fn)) return null;
        string config = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)fn)()) ?? "OpenBLAS";
        string[] parts = config.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && parts[0] == "OpenBLAS" ? $"OpenBLAS {parts[1]}" : "OpenBLAS";
    }

    private static bool HasOtherOptimizedBlas(nint blas)
        => NativeLibrary.TryGetExport(blas, "MKL_Get_Max_Threads", out _) || NativeLibrary.TryGetExport(blas, "bli_info_get_version_str", out _);

    private static void Check(int info, string routine)
    {
        if (info < 0) throw new InvalidOperationException($"LAPACK {routine}: argument {-info} had an illegal value");
    }

    // LAPACK's workspace query answer (the real part for a complex routine).
    private static int WorkSize<T>(T query) where T : unmanaged, INumberBase<T>
        => Math.Max(1, (int)Math.Ceiling(Ufuncs.ComplexFunctions.Re(query)));
}
