using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator runs kernels through a dynamic assembly named ILGPURuntime, which must see the internal
// kernel parameter types (Layout, MatMulDims) and operator structs.
[assembly: InternalsVisibleTo("ILGPURuntime")]
[assembly: InternalsVisibleTo("ArrayDispatch.Gpu.Tests")]
[assembly: InternalsVisibleTo("ArrayDispatch.Gpu.Bench")]
[assembly: InternalsVisibleTo("gpu-bench")]
