"""Markdown rows from numpy_rows.py and ArrayDispatch.Bench.UserApp JSON lines: python3 table.py numpy.jsonl dense.jsonl [dense-gc.jsonl]"""
import json, sys

def load(path):
    rows = {}
    with open(path) as f:
        for line in f:
            if line.startswith("{"):
                d = json.loads(line)
                rows[d["name"]] = d
    return rows

numpy, *dense = [load(p) for p in sys.argv[1:]]
ms = lambda d: f"{d['median_s'] * 1e3:.1f} ms [{d['min_s'] * 1e3:.1f}]"
print("| call, 10M float64 | NumPy | " + " | ".join(f"Dense ({p})" for p in sys.argv[2:]) + " | ratio (median) |")
print("|---|---|" + "---|" * len(dense) + "---|")
for name in ("add_alloc", "mul_scalar_add", "exp_alloc"):
    cells = [ms(numpy[name])]
    for d in dense:
        cells.append(f"{ms(d[name])}; disposed {ms(d[name + '_disposed'])}")
    ratios = ", ".join(f"{d[name]['median_s'] / numpy[name]['median_s']:.2f} / {d[name + '_disposed']['median_s'] / numpy[name]['median_s']:.2f}" for d in dense)
    print(f"| {name} | " + " | ".join(cells) + f" | {ratios} |")
for name in ("rss_loop100_add", "rss_loop100_add_disposed"):
    cells = []
    for src in [numpy, *dense]:
        d = src.get(name)
        cells.append("" if d is None else f"+{d['peak_minus_one_in_results']:.2f} results (one {d['rss_one_mb']} MB, peak {d['rss_peak_mb']} MB, {d['loop_s']:.2f} s)")
    print(f"| {name} | " + " | ".join(cells) + " | |")
