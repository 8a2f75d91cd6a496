#!/usr/bin/env python3
"""Segmentation throughput of the release `slant` binary, against ICU's own iterators on the same text.

    python3 Scripts/benchmark_segmentation.py [--mb 20] [--runs 3] [--big-mb 50]

1. The speed corpus: ../shared/eval/segmentation/gen_corpus.py (seed 29) when present, else a deterministic
   corpus built from Corpus/ (seed 29). Fed to `slant segment` as ONE file (one document).
2. The ICU limit: ../shared/eval/segmentation/icu_limit.c, compiled into $TMPDIR, run on the same file in the
   same script (skipped, with a message, when ../shared is absent).
3. A single document of --big-mb megabytes built from Corpus/ paragraphs: time and peak memory.

Reports medians of --runs runs (wall clock) and peak RSS; MB = 10^6 bytes of UTF-8 input. Build first with
`swift build -c release`.
"""
import argparse
import glob
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEG = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "segmentation"))
WORK = os.path.join(tempfile.gettempdir(), "slant-bench")
SLANT = os.path.join(ROOT, ".build", "release", "slant")


def corpus_document(mb, path, seed=29):
    """Paragraphs of Corpus/ drawn with a fixed seed until `mb` megabytes: the same bytes every time."""
    paragraphs = []
    for name in sorted(glob.glob(os.path.join(ROOT, "Corpus", "*", "*"))):
        with open(name, encoding="utf-8") as f:
            paragraphs += [p for p in f.read().split("\n\n") if p.strip()]
    rng = random.Random(seed)
    out, size = [], 0
    while size < mb * 1_000_000:
        p = rng.choice(paragraphs)
        out.append(p)
        size += len(p.encode("utf-8")) + 2
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(out))


def timed(cmd):
    """Wall time and peak RSS (KiB) of one run, output discarded."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{cmd} failed with {status}")
    return elapsed, usage.ru_maxrss


def measure(label, cmd, size, runs):
    times, peaks = [], []
    for _ in range(runs):
        t, rss = timed(cmd)
        times.append(t)
        peaks.append(rss)
    median = statistics.median(times)
    print(f"| {label} | {median:.2f} s | {size / 1e6 / median:.2f} | {max(peaks) / 1024:.0f} MiB |", flush=True)
    return size / 1e6 / median


def icu_limit(path):
    source = os.path.join(SEG, "icu_limit.c")
    if not os.path.exists(source):
        print("ICU limit: ../shared/eval/segmentation/icu_limit.c is absent; skipped")
        return None
    binary = os.path.join(WORK, "icu_limit")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc"], capture_output=True, text=True).stdout.split()
    subprocess.run(["cc", "-O2", "-o", binary, source] + flags, check=True)
    out = subprocess.run([binary, path, "3"], capture_output=True, text=True, check=True).stdout
    rates = {}
    for line in out.splitlines():
        m = re.match(r"(sentence|word)\s+(\S+)\s+whole.*\(median\s+([\d.]+) MB/s\)", line)
        if m:
            rates[(m.group(1), m.group(2))] = float(m.group(3))
    sentence, word = rates[("sentence", "root")], rates[("word", "root")]
    combined = 1 / (1 / sentence + 1 / word)
    print(f"ICU limit (icu_limit.c, median of 3): sentence root {sentence:.1f} MB/s, word+status root {word:.1f} MB/s, "
          f"sentence+word {combined:.1f} MB/s")
    return combined


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=20)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(SLANT):
        raise SystemExit("build first: swift build -c release")
    os.makedirs(WORK, exist_ok=True)
    corpus = os.path.join(WORK, f"corpus_{a.mb}mb.txt")
    if os.path.exists(os.path.join(SEG, "gen_corpus.py")):
        subprocess.run([sys.executable, os.path.join(SEG, "gen_corpus.py"), "--mb", str(a.mb), "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL)
        origin = f"gen_corpus.py --mb {a.mb} (seed 29)"
    else:
        corpus_document(a.mb, corpus)
        origin = f"Corpus/ paragraphs, {a.mb} MB (seed 29); ../shared is absent"
    size = os.path.getsize(corpus)
    print(f"speed corpus: {origin}, {size} bytes, one document\n")
    limit = icu_limit(corpus)
    print("\n| run | median | MB/s | peak RSS |\n|---|---:|---:|---:|")
    rows = [
        ("sentences only (`--stages segment --set segment.tokens=false --no-tokens`)",
         ["segment", "--stages", "segment", "--lang", "en", "--set", "segment.tokens=false", "--no-tokens", corpus]),
        ("sentences + tokens, JSON without tokens (`--stages segment --no-tokens`)",
         ["segment", "--stages", "segment", "--lang", "en", "--no-tokens", corpus]),
        ("default stages, full JSON (`segment FILE`)", ["segment", corpus]),
    ]
    rates = [measure(label, [SLANT] + args, size, a.runs) for label, args in rows]
    if limit:
        print(f"\nratio to ICU sentence+word: " + ", ".join(f"{r / limit:.2f}" for r in rates))
    big = os.path.join(WORK, f"document_{a.big_mb}mb.txt")
    corpus_document(a.big_mb, big)
    print(f"\n{a.big_mb} MB single document from Corpus/ paragraphs ({os.path.getsize(big)} bytes):\n")
    print("| run | median | MB/s | peak RSS |\n|---|---:|---:|---:|")
    measure("`segment --no-tokens FILE`", [SLANT, "segment", "--no-tokens", big], os.path.getsize(big), a.runs)
    measure("`segment FILE` (full JSON, tokens with text)", [SLANT, "segment", big], os.path.getsize(big), 1)


if __name__ == "__main__":
    main()
