#!/bin/sh
# One sitting of issue #21's rows: NumPy, this build with default settings, this build with the repo's GC settings,
# NumPy again. Usage: bench/UserApp/sitting.sh OUTDIR [reps]   (from the repo root, after
# dotnet build -c Release bench/UserApp/ArrayDispatch.Bench.UserApp.csproj)
set -e
out=$1; reps=${2:-21}; mkdir -p "$out"
b=bench/UserApp/bin/Release/net10.0/ArrayDispatch.Bench.UserApp
uptime > "$out/load.txt"
/usr/bin/python3 bench/UserApp/numpy_rows.py "$reps" > "$out/numpy-a.jsonl"
$b "$reps" > "$out/dense.jsonl"
DOTNET_GCRetainVM=1 DOTNET_GCConserveMemory=9 $b "$reps" > "$out/dense-gcsettings.jsonl"
/usr/bin/python3 bench/UserApp/numpy_rows.py "$reps" > "$out/numpy-b.jsonl"
uptime >> "$out/load.txt"
python3 bench/UserApp/table.py "$out/numpy-a.jsonl" "$out/dense.jsonl" "$out/dense-gcsettings.jsonl"
