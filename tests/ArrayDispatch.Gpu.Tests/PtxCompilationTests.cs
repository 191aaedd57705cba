using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The CPU accelerator runs kernels as .NET code, so ILGPU's PTX back end never sees them in these tests. Compiling the
/// performance-critical kernels to PTX for an sm_90 (H100) target here catches what would only fail on a GPU (ILGPU
/// front-end limits) and checks properties the design relies on, such as the matmul accumulators staying in registers.
/// </summary>
public sealed class PtxCompilationTests
{
    private static string Ptx(MethodInfo kernel, bool grouped)
    {
        using var context = Context.Create(builder => builder.Default().EnableAlgorithms());
        var architecture = CudaArchitecture.SM_90;
        using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, CudaInstructionSet.ISA_80, null);
        EntryPointDescription entry = grouped ? EntryPointDescription.FromExplicitlyGroupedKernel(kernel) : EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        var compiled = (PTXCompiledKernel)backend.Compile(entry, new KernelSpecialization());
        return compiled.PTXAssembly;
    }

    private static MethodInfo Method(Type type, string name, params Type[] arguments) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(arguments);

    [Theory]
    [InlineData(typeof(float))]
    [InlineData(typeof(double))]
    public void BlockedMatMul_CompilesToPtx_WithAccumulatorsInRegisters(Type element)
    {
        string ptx = Ptx(Method(typeof(BlockedMatMulKernel), nameof(BlockedMatMulKernel.Run), element, typeof(MatMulShape16)), grouped: true);

        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"blocked-matmul-{element.Name}.ptx"), ptx);
        ptx.ShouldContain("bar.sync");
        ptx.ShouldNotContain(".local");
    }

    [Theory]
    [InlineData(typeof(System.Numerics.Complex))]
    [InlineData(typeof(Complex64))]
    public void BlockedMatMul_CompilesToPtx_ForComplexElements(Type element)
    {
        string ptx = Ptx(Method(typeof(BlockedMatMulKernel), nameof(BlockedMatMulKernel.Run), element, typeof(MatMulShape16)), grouped: true);

        ptx.ShouldContain("bar.sync");
    }

    public static TheoryData<string, MethodInfo> BandwidthKernels => new()
    {
        { "flat-multiply-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.MultiplyOp, float>)) },
        { "flat-copy-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(float), typeof(float), typeof(IdentityOp<float>)) },
        { "flat-exp-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(double), typeof(ExpFloat64Op)) },
        { "flat-where-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Ternary), typeof(byte), typeof(double), typeof(WhereOp<double>)) },
        { "sum-f32", Method(typeof(ReductionKernels), nameof(ReductionKernels.Partial), typeof(float), typeof(SumOp<float>)) },
        { "argmax-f64", Method(typeof(ReductionKernels), nameof(ReductionKernels.ArgPartial), typeof(double), typeof(ArgMaxOp<double>)) },
        { "argcombine-f64", Method(typeof(ReductionKernels), nameof(ReductionKernels.ArgCombine), typeof(double), typeof(ArgMaxOp<double>)) },
        { "scan-sum-f32", Method(typeof(ScanKernels), nameof(ScanKernels.SegmentSum), typeof(float), typeof(SumOp<float>)) },
        { "scan-f64", Method(typeof(ScanKernels), nameof(ScanKernels.SegmentScan), typeof(double), typeof(SumOp<double>)) },
        { "scan-prod-f64", Method(typeof(ScanKernels), nameof(ScanKernels.SegmentScan), typeof(double), typeof(ProdOp<double>)) },
        { "argsort-step-f64", Method(typeof(SortKernels), nameof(SortKernels.StepPairs), typeof(double), typeof(RealOrder<double>)) },
        { "argsort-fill-f32", Method(typeof(SortKernels), nameof(SortKernels.FillPairs), typeof(float)) },
        { "sort-step-f32", Method(typeof(SortKernels), nameof(SortKernels.Step), typeof(float), typeof(RealOrder<float>)) },
        { "sort-fill-i64", Method(typeof(SortKernels), nameof(SortKernels.Fill), typeof(long)) },
        { "take-f64", Method(typeof(GatherKernels), nameof(GatherKernels.Take), typeof(double)) },
        { "take-c128", Method(typeof(GatherKernels), nameof(GatherKernels.Take), typeof(System.Numerics.Complex)) },
        { "take-u8", Method(typeof(GatherKernels), nameof(GatherKernels.Take), typeof(byte)) },
        { "compact-scatter", typeof(CompactKernels).GetMethod(nameof(CompactKernels.Scatter))! },
        { "searchsorted-f64", Method(typeof(SearchKernels), nameof(SearchKernels.Search), typeof(double), typeof(RealOrder<double>)) },
        { "permute-scatter", typeof(PermuteKernels).GetMethod(nameof(PermuteKernels.Scatter))! },
        { "compact-unravel", typeof(CompactKernels).GetMethod(nameof(CompactKernels.Unravel))! },
    };

    [Theory]
    [MemberData(nameof(BandwidthKernels))]
    public void BandwidthKernels_CompileToPtx_WithoutDivisionsInTheLoop(string name, MethodInfo kernel)
    {
        string ptx = Ptx(kernel, grouped: false);

        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"{name}.ptx"), ptx);
        if (name.StartsWith("flat", StringComparison.Ordinal)) ptx.ShouldNotContain("div.s64");
        ptx.ShouldNotContain(".local");
    }

    /// <summary>
    /// The protocol's ufunc ops (generic static interface calls, written never to throw) compiled into device kernels, in
    /// every storage type: the 8/16-bit and unsigned integers, and float16 through <see cref="HalfBits"/> (System.Half's own
    /// operators do not compile for PTX).
    /// </summary>
    public static TheoryData<string, MethodInfo> UfuncKernels => new()
    {
        { "flat-logaddexp-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(double), typeof(double), typeof(FloatLoop<Ufuncs.LogaddexpOp, double>)) },
        { "flat-floor-divide-i64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(long), typeof(long), typeof(IntegerLoop<Ufuncs.FloorDivideOp, long>)) },
        { "flat-hypot-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.HypotOp, float>)) },
        { "flat-less-i32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(int), typeof(byte), typeof(CompareLoop<Ufuncs.LessOp, int>)) },
        { "flat-expm1-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(float), typeof(float), typeof(UnaryFloatLoop<Ufuncs.Expm1Op, float>)) },
        { "flat-copysign-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(double), typeof(double), typeof(FloatLoop<Ufuncs.CopysignOp, double>)) },
        { "flat-fmax-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.FmaxOp, float>)) },
        { "flat-logaddexp2-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.Logaddexp2Op, float>)) },
        { "flat-signbit-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(byte), typeof(PredicateLoop<Ufuncs.SignbitOp, double>)) },
        { "flat-isnan-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(byte), typeof(PredicateLoop<Ufuncs.IsNaNOp, double>)) },
        { "flat-gcd-i64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(long), typeof(long), typeof(IntegerLoop<Ufuncs.GcdOp, long>)) },
        { "flat-lcm-i32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(int), typeof(int), typeof(IntegerLoop<Ufuncs.LcmOp, int>)) },
        { "flat-left-shift-i64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(long), typeof(long), typeof(IntegerLoop<Ufuncs.LeftShiftOp, long>)) },
        { "flat-right-shift-i32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(int), typeof(int), typeof(IntegerLoop<Ufuncs.RightShiftOp, int>)) },
        { "flat-cbrt-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(double), typeof(UnaryFloatLoop<Ufuncs.CbrtOp, double>)) },
        { "flat-exp2-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(float), typeof(float), typeof(UnaryFloatLoop<Ufuncs.Exp2Op, float>)) },
        { "flat-deg2rad-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(double), typeof(UnaryFloatLoop<Ufuncs.Deg2radOp, double>)) },
        { "flat-heaviside-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.HeavisideOp, float>)) },
        { "flat-reciprocal-i32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(int), typeof(int), typeof(UnaryIntegerLoop<Ufuncs.ReciprocalOp, int>)) },
        { "flat-add-u8", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(byte), typeof(byte), typeof(IntegerLoop<Ufuncs.AddOp, byte>)) },
        { "flat-floor-divide-u64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(ulong), typeof(ulong), typeof(IntegerLoop<Ufuncs.FloorDivideOp, ulong>)) },
        { "flat-remainder-i8", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(sbyte), typeof(sbyte), typeof(IntegerLoop<Ufuncs.RemainderOp, sbyte>)) },
        { "flat-power-i16", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(short), typeof(short), typeof(IntegerLoop<Ufuncs.PowerOp, short>)) },
        { "flat-add-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(HalfBits), typeof(HalfBits), typeof(HalfLoop<Ufuncs.AddOp>)) },
        { "flat-hypot-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(HalfBits), typeof(HalfBits), typeof(HalfLoop<Ufuncs.HypotOp>)) },
        { "flat-exp-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(HalfBits), typeof(HalfBits), typeof(UnaryHalfLoop<Ufuncs.ExpOp>)) },
        { "flat-less-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(HalfBits), typeof(byte), typeof(HalfCompareLoop<Ufuncs.LessOp>)) },
        { "flat-isnan-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(HalfBits), typeof(byte), typeof(HalfPredicateLoop<Ufuncs.IsNaNOp>)) },
        { "convert-f64-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(HalfBits), typeof(ConvertOp<double, HalfBits, Float64Element, Float16Element>)) },
        { "convert-f16-u8", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(HalfBits), typeof(byte), typeof(ConvertOp<HalfBits, byte, Float16Element, UInt8Element>)) },
        { "convert-u64-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(ulong), typeof(float), typeof(ConvertOp<ulong, float, UInt64Element, Float32Element>)) },
        { "convert-f64-u32", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(uint), typeof(ConvertOp<double, uint, Float64Element, UInt32Element>)) },
        { "flat-nextafter-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(double), typeof(double), typeof(FloatLoop<Ufuncs.NextafterOp, double>)) },
        { "flat-nextafter-f32", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(float), typeof(float), typeof(FloatLoop<Ufuncs.NextafterOp, float>)) },
        { "flat-spacing-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(double), typeof(double), typeof(UnaryFloatLoop<Ufuncs.SpacingOp, double>)) },
        { "flat-float-power-f64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(double), typeof(double), typeof(FloatLoop<Ufuncs.FloatPowerOp, double>)) },
        { "flat-nextafter-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(HalfBits), typeof(HalfBits), typeof(HalfLoop<Ufuncs.NextafterOp>)) },
        { "flat-spacing-f16", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(HalfBits), typeof(HalfBits), typeof(UnaryHalfLoop<Ufuncs.SpacingOp>)) },
        { "sum-u64", Method(typeof(ReductionKernels), nameof(ReductionKernels.Partial), typeof(ulong), typeof(SumOp<ulong>)) },
        { "scan-f16", typeof(ScanKernels).GetMethod(nameof(ScanKernels.RowScanHalf))! },
        // complex64/complex128: the protocol's complex loops (ComplexFunctions, its branch cuts) compiled as they are
        { "flat-multiply-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(System.Numerics.Complex), typeof(System.Numerics.Complex), typeof(ComplexLoop<Ufuncs.MultiplyOp, System.Numerics.Complex>)) },
        { "flat-divide-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(Complex64), typeof(Complex64), typeof(ComplexLoop<Ufuncs.DivideOp, Complex64>)) },
        { "flat-power-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(System.Numerics.Complex), typeof(System.Numerics.Complex), typeof(ComplexLoop<Ufuncs.PowerOp, System.Numerics.Complex>)) },
        { "flat-sqrt-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(System.Numerics.Complex), typeof(System.Numerics.Complex), typeof(UnaryComplexLoop<Ufuncs.SqrtOp, System.Numerics.Complex>)) },
        { "flat-arccos-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(Complex64), typeof(Complex64), typeof(UnaryComplexLoop<Ufuncs.ArccosOp, Complex64>)) },
        { "flat-log1p-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(System.Numerics.Complex), typeof(System.Numerics.Complex), typeof(UnaryComplexLoop<Ufuncs.Log1pOp, System.Numerics.Complex>)) },
        { "flat-tanh-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(Complex64), typeof(Complex64), typeof(UnaryComplexLoop<Ufuncs.TanhOp, Complex64>)) },
        { "flat-abs-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(System.Numerics.Complex), typeof(double), typeof(UnaryComplexToRealLoop<Ufuncs.AbsOp, System.Numerics.Complex, double, Float64Element>)) },
        { "flat-angle-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(Complex64), typeof(float), typeof(UnaryComplexToRealLoop<Ufuncs.AngleOp, Complex64, float, Float32Element>)) },
        { "flat-less-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Binary), typeof(System.Numerics.Complex), typeof(byte), typeof(ComplexCompareLoop<Ufuncs.LessOp, System.Numerics.Complex>)) },
        { "flat-isnan-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(Complex64), typeof(byte), typeof(ComplexPredicateLoop<Ufuncs.IsNaNOp, Complex64>)) },
        { "convert-c128-c64", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(System.Numerics.Complex), typeof(Complex64), typeof(ConvertOp<System.Numerics.Complex, Complex64, Complex128Element, Complex64Element>)) },
        { "convert-c64-bool", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(Complex64), typeof(byte), typeof(ConvertOp<Complex64, byte, Complex64Element, BoolElement>)) },
        { "convert-u64-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(ulong), typeof(System.Numerics.Complex), typeof(ConvertOp<ulong, System.Numerics.Complex, UInt64Element, Complex128Element>)) },
        { "sum-c128", Method(typeof(ReductionKernels), nameof(ReductionKernels.Partial), typeof(System.Numerics.Complex), typeof(SumOp<System.Numerics.Complex>)) },
        { "prod-c64", Method(typeof(ReductionKernels), nameof(ReductionKernels.Partial), typeof(Complex64), typeof(ProdOp<Complex64>)) },
        { "max-c128", Method(typeof(ReductionKernels), nameof(ReductionKernels.Partial), typeof(System.Numerics.Complex), typeof(ComplexMaximumOp<System.Numerics.Complex>)) },
        { "argmin-c64", Method(typeof(ReductionKernels), nameof(ReductionKernels.ArgPartial), typeof(Complex64), typeof(ComplexArgMinOp<Complex64>)) },
        { "sort-step-c128", Method(typeof(SortKernels), nameof(SortKernels.Step), typeof(System.Numerics.Complex), typeof(ComplexOrder<System.Numerics.Complex>)) },
        { "scan-c128", Method(typeof(ScanKernels), nameof(ScanKernels.SegmentScan), typeof(System.Numerics.Complex), typeof(SumOp<System.Numerics.Complex>)) },
        { "scan-prod-c128", Method(typeof(ScanKernels), nameof(ScanKernels.SegmentScan), typeof(System.Numerics.Complex), typeof(ProdOp<System.Numerics.Complex>)) },
        { "notzero-c128", Method(typeof(FlatKernels), nameof(FlatKernels.Unary), typeof(System.Numerics.Complex), typeof(byte), typeof(NotZeroOp<System.Numerics.Complex>)) },
    };

    /// <summary>numpy.fft's kernels: the Stockham stage, Bluestein's chirp steps, the resize and Hermitian extension.</summary>
    public static TheoryData<string> FftKernelNames => new(typeof(FftKernels).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D)).Select(m => m.Name).Order());

    [Theory]
    [MemberData(nameof(FftKernelNames))]
    public void Fft_kernels_compile_to_ptx(string name)
    {
        string ptx = Ptx(typeof(FftKernels).GetMethod(name)!, grouped: false);

        ptx.ShouldContain(".entry", customMessage: name);
        if (name == nameof(FftKernels.Stockham)) ptx.ShouldNotContain(".local");
    }

    /// <summary>
    /// The QR/SVD kernels (<see cref="QrSvdKernels"/>: Householder panel steps, block-reflector helpers, one-sided Jacobi
    /// rounds, sorting, completion, lstsq/pinv/rank helpers), each closed over float and double with their adapters.
    /// </summary>
    public static TheoryData<string, MethodInfo> LinalgKernels()
    {
        var data = new TheoryData<string, MethodInfo>();
        foreach (MethodInfo m in typeof(QrSvdKernels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D)).OrderBy(m => m.Name))
        {
            switch (m.GetGenericArguments().Length)
            {
                case 0: data.Add(m.Name, m); break;
                case 1:
                    data.Add($"{m.Name}-f32", m.MakeGenericMethod(typeof(float)));
                    data.Add($"{m.Name}-f64", m.MakeGenericMethod(typeof(double)));
                    break;
                default:
                    data.Add($"{m.Name}-f32", m.MakeGenericMethod(typeof(float), typeof(Float32Element)));
                    data.Add($"{m.Name}-f64", m.MakeGenericMethod(typeof(double), typeof(Float64Element)));
                    break;
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LinalgKernels))]
    public void Qr_and_svd_kernels_compile_to_ptx(string name, MethodInfo kernel)
    {
        string ptx = Ptx(kernel, grouped: false);

        ptx.ShouldContain(".entry", customMessage: name);
        ptx.ShouldNotContain(".local", customMessage: name);
    }

    /// <summary>The kernels of the LU family, Cholesky and eigh (plugins/Gpu/Linalg), each closed over float32 and float64.</summary>
    public static TheoryData<string, MethodInfo> FactorizationKernelMethods()
    {
        var data = new TheoryData<string, MethodInfo>();
        foreach (Type type in (Type[])[typeof(FactorizationKernels), typeof(LuKernels), typeof(CholeskyKernels), typeof(EighKernels)])
        {
            foreach (MethodInfo m in type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetParameters().FirstOrDefault()?.ParameterType == typeof(Index1D)).OrderBy(m => m.Name))
            {
                foreach (Type element in (Type[])[typeof(float), typeof(double)]) data.Add($"{type.Name}.{m.Name}<{element.Name}>", m.MakeGenericMethod(element));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FactorizationKernelMethods))]
    public void Factorization_kernels_compile_to_ptx(string name, MethodInfo kernel)
    {
        string ptx = Ptx(kernel, grouped: false);

        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"{name}.ptx"), ptx);
        ptx.ShouldContain(".entry", customMessage: name);
        // LogDet's float64 log/exp (ILGPU's software double math) may spill; it runs once per matrix.
        if (!name.StartsWith("LuKernels.LogDet", StringComparison.Ordinal)) ptx.ShouldNotContain(".local", customMessage: name);
    }

    [Theory]
    [MemberData(nameof(UfuncKernels))]
    public void Protocol_ufunc_ops_compile_into_device_kernels(string name, MethodInfo kernel)
    {
        string ptx = Ptx(kernel, grouped: false);

        ptx.ShouldContain(".entry", customMessage: name);
    }
}
