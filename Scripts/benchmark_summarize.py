#!/usr/bin/env python3
"""How the summarizer's cost grows with document length: 1k, 5k and 20k sentences.

    python3 Scripts/benchmark_summarize.py [--runs 3]

Each document is built from Corpus/en sentences drawn with a fixed seed (deterministic), written as one plain
text file, and summarized to 5 sentences with `slant summarize --stages segment,summarize --lang en`.
Reports the median wall time of --runs runs, the time per 1,000 sentences and the growth factor against the
1k document (linear growth gives 5x and 20x). Build first with `swift build -c release`.
"""
import argparse
import glob
import os
import random
import re
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLANT = os.path.join(ROOT, ".build", "release", "slant")


def sentences():
    out = []
    for name in sorted(glob.glob(os.path.join(ROOT, "Corpus", "en", "*"))):
        with open(name, encoding="utf-8") as f:
            text = f.read()
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6 and not s.startswith(("#", "|", "-", "`"))]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    pool = sentences()
    rng = random.Random(29)
    base = None
    print("| sentences | bytes | median | per 1,000 sentences | growth vs 1k |\n|---:|---:|---:|---:|---:|")
    for count in (1000, 5000, 20000):
        text = " ".join(rng.choice(pool) for _ in range(count))
        path = os.path.join(tempfile.gettempdir(), f"slant-summ-{count}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        times = []
        for _ in range(a.runs):
            start = time.perf_counter()
            subprocess.run([SLANT, "summarize", "--stages", "segment,summarize", "--lang", "en", "--sentences", "5", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        base = base or median
        print(f"| {count:,} | {len(text.encode()):,} | {median:.2f} s | {median / count * 1000:.3f} s | {median / base:.1f}x |")


if __name__ == "__main__":
    main()
