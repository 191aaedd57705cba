#!/usr/bin/env bash
# Publishes the Gpu benchmark self-contained (no .NET needed on the target) and runs it, printing one table:
# element-wise GB/s beside device copy bandwidth, reductions, float32/float64 matmul GFLOP/s (4096), transfers beside the
# pinned link, linear algebra (the seed's svd 5000x1000 on the device beside Dense on the host, qr/svd 4096^2 when they
# fit --linalg-budget-seconds, the chunked svd on Gpu chunks), each with its goal from issue #15, and the first-call
# (kernel compile) latency per kernel (median) apart from steady state. Rows whose functions the Gpu backend lacks are
# skipped with the reason. On an H100/H200 the whole table takes a few minutes (the linalg rows at most 240 s).
#
#   bench/gpu/run-on-gpu.sh                  publish to out/gpu-bench, then run it here (Accelerator=Auto)
#   bench/gpu/run-on-gpu.sh --publish-only   only publish (carry out/gpu-bench to a machine with CUDA drivers)
#   bench/gpu/run-on-gpu.sh --run-only ...   only run an already published out/gpu-bench (e.g. on the GPU machine)
#   extra arguments go to the benchmark: --small (sizes for ILGPU's CPU accelerator), --accelerator Cuda|OpenCL|Cpu, --repeat N,
#   --linalg-budget-seconds S (240), --dense-reference-seconds S (Dense's seed svd on the 2-core dev machine),
#   --measure-dense-reference (only time Dense's seed svd on this machine, to refresh that number)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${GPU_BENCH_OUT:-$root/out/gpu-bench}"
mode=both
case "${1:-}" in
  --publish-only) mode=publish; shift ;;
  --run-only) mode=run; shift ;;
esac

if [[ $mode != run ]]; then
  # No trimming: ILGPU's front end reflects over System.Private.CoreLib (e.g. BitOperations.TrailingZeroCount for its
  # intrinsic remappings), and even TrimMode=partial removes those methods. A compressed single file instead keeps the
  # folder well under 60 MiB.
  mkdir -p "$(dirname "$out")"
  dotnet publish "$root/bench/Gpu/Table/ArrayDispatch.Bench.GpuTable.csproj" -c Release -r linux-x64 --self-contained \
    -p:PublishTrimmed=false -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true \
    -p:IncludeNativeLibrariesForSelfExtract=true -p:InvariantGlobalization=true -p:DebugType=none \
    -p:EnableTrimAnalyzer=false -p:SuppressTrimAnalysisWarnings=true -p:TreatWarningsAsErrors=false \
    -o "$out" > "$out.publish.log" 2>&1 || { cat "$out.publish.log"; exit 1; }
  echo "published $(du -sh "$out" | cut -f1) to $out" >&2
fi
if [[ $mode != publish ]]; then
  "$out/gpu-bench" "$@"
fi
