#!/usr/bin/env python3
"""Report of a ci/bench.sh run: medians, ratios to HotSpot, a markdown table and a chart.

Reads the measurements bench.sh wrote (runs.tsv: one line per timed run; builds.tsv: build
times and binary sizes) and writes OUT/results.md and OUT/results.png (via gnuplot), then
prints one summary line with the geomean ratios the performance issue sets targets for:

    roast/java at SHORT sizes (target <= 0.5), at LONG sizes (target <= 1.2), roast/java -Xint
    (must be < 1 for every program), hello-world wall time and peak RSS ratios, binary size.

Ratios are of medians over the runs of one bench.sh invocation; nothing here runs programs.
"""

import argparse
import csv
import math
import os
import statistics
import subprocess
import sys
from collections import defaultdict

# HotSpot wall-time bands the suite's sizes aim at (bench/suite.txt).
BANDS = {"short": (0.1, 1.0), "long": (5.0, math.inf)}


def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def medians(rows):
    """(program, size, runner) -> (median wall s, median peak RSS KB, size argument, runs)."""
    groups = defaultdict(list)
    for r in rows:
        groups[(r["program"], r["size"], r["runner"])].append(r)
    result = {}
    for key, rs in groups.items():
        wall = statistics.median(float(r["wall_s"]) for r in rs)
        rss = statistics.median(float(r["rss_kb"]) for r in rs)
        result[key] = (wall, rss, rs[0]["size_arg"], len(rs))
    return result


def geomean(values):
    values = [v for v in values if v > 0]
    if not values:
        return float("nan")
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio(a, b):
    return a / b if b > 0 else float("nan")


def fmt_ratio(r):
    return "-" if math.isnan(r) else f"{r:.2f}"


def program_rows(med, size):
    """Table rows and ratio lists for one size class."""
    rows, wall_ratios, rss_ratios, xint_ratios = [], [], [], []
    programs = sorted({p for (p, s, _) in med if s == size})
    for p in programs:
        roast = med.get((p, size, "roast"))
        java = med.get((p, size, "java"))
        xint = med.get((p, size, "xint"))
        if roast is None or java is None:
            continue
        w, m = ratio(roast[0], java[0]), ratio(roast[1], java[1])
        wall_ratios.append(w)
        rss_ratios.append(m)
        x = ratio(roast[0], xint[0]) if xint else float("nan")
        if xint:
            xint_ratios.append(x)
        lo, hi = BANDS[size]
        note = "" if lo <= java[0] <= hi else f"java outside {lo}-{hi} s"
        if xint and x >= 1:
            note = (note + "; " if note else "") + "loses to -Xint"
        rows.append(
            f"| {p} | {roast[2]} | {roast[0]:.3f} | {java[0]:.3f} | "
            + (f"{xint[0]:.3f}" if xint else "-")
            + f" | {fmt_ratio(w)} | {fmt_ratio(x)} | {roast[1] / 1024:.1f} | {java[1] / 1024:.1f} | "
            + f"{fmt_ratio(m)} | {note} |"
        )
    return rows, wall_ratios, rss_ratios, xint_ratios


def interpreter_rows(med):
    """Rows and ratios of the interpreted runs (runner `interp`) against `java -Xint`."""
    rows, ratios = [], []
    for p in sorted({p for (p, s, r) in med if s == "short" and r == "interp"}):
        interp, xint = med[(p, "short", "interp")], med.get((p, "short", "xint"))
        if xint is None:
            continue
        r = ratio(interp[0], xint[0])
        ratios.append(r)
        rows.append(f"| {p} | {interp[0]:.3f} | {xint[0]:.3f} | {fmt_ratio(r)} |")
    return (rows, ratios) if rows else None


def chart(out_dir, med):
    """Bar chart of roast/java wall-time ratios per program and size (log scale)."""
    data_path = os.path.join(out_dir, "chart.dat")
    programs = sorted({p for (p, s, _) in med if s in BANDS})
    values = []
    with open(data_path, "w") as f:
        for p in programs:
            cells = []
            for size in ("short", "long"):
                roast, java = med.get((p, size, "roast")), med.get((p, size, "java"))
                r = ratio(roast[0], java[0]) if roast and java else float("nan")
                if r > 0:
                    values.append(r)
                cells.append("NaN" if math.isnan(r) else f"{r:.4f}")
            f.write(f"{p} {cells[0]} {cells[1]}\n")
    low = min([0.25] + [v / 1.5 for v in values])
    high = max([2.0] + [v * 1.5 for v in values])
    series = [f"'{data_path}' using 2:xtic(1) title 'short (HotSpot 0.1-1 s)'",
              "'' using 3 title 'long (HotSpot >= 5 s)'"]
    have = [any((p, size, "roast") in med for p in programs) for size in ("short", "long")]
    if not have[0]:
        series = [f"'{data_path}' using 3:xtic(1) title 'long (HotSpot >= 5 s)'"]
    elif not have[1]:
        series = series[:1]
    png = os.path.join(out_dir, "results.png")
    script = f"""
set terminal pngcairo size 1100,500 noenhanced
set output '{png}'
set title 'roast / HotSpot wall time (median; below 1 = roast faster)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y 2
set yrange [{low}:{high}]
set grid ytics
set xtics rotate by -30
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 2
plot {', '.join(series)}
"""
    try:
        subprocess.run(["gnuplot"], input=script, text=True, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", "") or str(e)
        print(f"bench_report: chart not drawn (gnuplot: {detail.strip()[:200]})", file=sys.stderr)
        return None
    finally:
        os.remove(data_path)
    return png


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", required=True)
    ap.add_argument("--builds", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--failures", type=int, default=0)
    args = ap.parse_args()

    med = medians(read_tsv(args.runs))
    builds = read_tsv(args.builds)
    lines = ["# roast vs HotSpot", ""]
    lines.append(f"Medians of the runs in `runs.tsv` (made by `ci/bench.sh`); failures: {args.failures}.")
    lines.append("Ratios are roast / HotSpot (`java`, default flags) unless the column says `-Xint`.")
    lines.append("")

    summary = {}
    for size in ("short", "long"):
        rows, walls, rsss, xints = program_rows(med, size)
        if not rows:
            continue
        lines += [f"## {size} sizes", ""]
        lines.append("| program | size | roast s | java s | java -Xint s | wall ratio | ratio to -Xint "
                     "| roast RSS MB | java RSS MB | RSS ratio | note |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|---|")
        lines += rows
        lines.append(f"| **geomean** | | | | | **{fmt_ratio(geomean(walls))}** | "
                     f"{fmt_ratio(geomean(xints))} | | | {fmt_ratio(geomean(rsss))} | |")
        lines.append("")
        summary[size] = (geomean(walls), geomean(xints), sum(1 for x in xints if x >= 1))

    interp = interpreter_rows(med)
    if interp:
        rows, ratios = interp
        lines += ["## interpreter (`roast build --interpret-program`, short sizes)", ""]
        lines.append("| program | interpreted s | java -Xint s | ratio to -Xint |")
        lines.append("|---|---|---|---|")
        lines += rows
        lines.append(f"| **geomean** | | | **{fmt_ratio(geomean(ratios))}** |")
        lines.append("")
        summary["interp"] = geomean(ratios)

    hello_r, hello_j = med.get(("Hello", "startup", "roast")), med.get(("Hello", "startup", "java"))
    lines += ["## hello world and builds", "", "| what | roast | java | ratio |", "|---|---|---|---|"]
    if hello_r and hello_j:
        lines.append(f"| startup wall (ms) | {hello_r[0] * 1000:.0f} | {hello_j[0] * 1000:.0f} | "
                     f"{fmt_ratio(ratio(hello_r[0], hello_j[0]))} |")
        lines.append(f"| startup peak RSS (MB) | {hello_r[1] / 1024:.1f} | {hello_j[1] / 1024:.1f} | "
                     f"{fmt_ratio(ratio(hello_r[1], hello_j[1]))} |")
    lines += ["", "| program | build | seconds | binary MB |", "|---|---|---|---|"]
    for b in builds:
        lines.append(f"| {b['program']} | {b['kind']} | {float(b['seconds']):.1f} | "
                     f"{int(b['binary_bytes']) / 1e6:.1f} |")
    png = chart(args.out, med)
    if png:
        lines += ["", "![roast / HotSpot wall time](results.png)"]
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")

    parts = []
    if "short" in summary:
        s = summary["short"]
        parts.append(f"short {s[0]:.2f}x java (target <= 0.5)")
        if not math.isnan(s[1]):
            parts.append(f"{s[1]:.2f}x java -Xint ({s[2]} lose to -Xint)")
    if "long" in summary:
        parts.append(f"long {summary['long'][0]:.2f}x java (target <= 1.2)")
    if "interp" in summary:
        parts.append(f"interpreter {summary['interp']:.2f}x java -Xint (target <= 1.5)")
    if hello_r and hello_j:
        parts.append(f"hello wall 1/{hello_j[0] / max(hello_r[0], 1e-3):.0f}, "
                     f"RSS 1/{hello_j[1] / max(hello_r[1], 1):.1f}")
    hello_bin = [b for b in builds if b["program"] == "Hello"]
    if hello_bin:
        parts.append(f"hello binary {int(hello_bin[-1]['binary_bytes']) / 1e6:.1f} MB")
        for b in hello_bin:
            parts.append(f"hello build {b['kind']} {float(b['seconds']):.1f} s")
    print(f"bench: geomean roast/HotSpot: {'; '.join(parts)}; report {os.path.join(args.out, 'results.md')}")


if __name__ == "__main__":
    main()
