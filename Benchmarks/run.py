#!/usr/bin/env python3
"""Slant's benchmarks: throughput against ICU's own iterators, the peers, parallel speed-up, and (with
--scale) linear cost and bounded memory at corpus scale. One command:

    swift build -c release && python3 Benchmarks/run.py [--mb 20] [--runs 3] [--scale]

Inputs (deterministic):
- the speed corpus: ../shared/eval/segmentation/gen_corpus.py --mb MB (seed 29) when ../shared is present,
  else MB megabytes of Corpus/ paragraphs (seed 29); fed as ONE file, so one document;
- a JSON Lines stream of many documents built from Corpus/ paragraphs (Benchmarks/corpus.py).

For each run: the median wall time of --runs runs, MB/s of UTF-8 input (MB = 10^6 bytes), peak RSS, and the
heap allocations of one more run (Benchmarks/malloc_count.c, preloaded). The ICU limit is
../shared/eval/segmentation/icu_limit.c compiled and run on the same file in the same run; its sentence and
word rates combine as 1 / (1/sentence + 1/word). Peers' figures come from ../shared (pySBD's speed log on the
same corpus; sumy LexRank's ms per document on the summarization sets, which Slant then summarizes here).
Sections needing ../shared say so and are skipped when it is absent. Output is Markdown for BENCHMARKS.md.
"""
import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
SEG = os.path.join(SHARED, "segmentation")
SUMM = os.path.join(SHARED, "summarization")
WORK = os.path.join(tempfile.gettempdir(), "slant-benchmarks")
SLANT = os.path.join(ROOT, ".build", "release", "slant")
MALLOC_COUNT = os.path.join(WORK, "malloc_count.so")


def run_once(cmd, output=os.devnull, env=None):
    """Wall time, peak RSS (bytes) and exit status of one run, stdout to `output`."""
    start = time.perf_counter()
    with open(output, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with status {code}")
    return elapsed, usage.ru_maxrss * 1024


def allocations(cmd):
    """Heap allocations (count, bytes) of one run, or None when the counter could not be built."""
    if not os.path.exists(MALLOC_COUNT):
        source = os.path.join(ROOT, "Benchmarks", "malloc_count.c")
        if subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", MALLOC_COUNT, source]).returncode != 0:
            return None
    report = os.path.join(WORK, "allocations.txt")
    env = dict(os.environ, LD_PRELOAD=MALLOC_COUNT, SLANT_MALLOC_COUNT=report)
    run_once(cmd, env=env)
    with open(report) as f:
        _, count, _, size = f.read().split()
    return int(count), int(size)


class Row:
    """One measured command."""

    def __init__(self, label, cmd, size, runs, count_allocations=True):
        results = [run_once(cmd) for _ in range(runs)]
        self.label = label
        self.seconds = statistics.median(r[0] for r in results)
        self.peak = max(r[1] for r in results)
        self.rate = size / 1e6 / self.seconds
        self.allocations = allocations(cmd) if count_allocations else None

    def markdown(self, limit=None):
        ratio = f"{self.rate / limit:.2f}" if limit else "n/a"
        allocs = f"{self.allocations[0] / 1e6:.2f} M ({self.allocations[1] / 2**30:.2f} GiB)" if self.allocations else "n/a"
        return f"| {self.label} | {self.seconds:.2f} s | {self.rate:.2f} | {ratio} | {self.peak / 2**20:.0f} MiB | {allocs} |"


def speed_corpus(mb):
    path = os.path.join(WORK, f"speed_{mb}mb.txt")
    generator = os.path.join(SEG, "gen_corpus.py")
    if os.path.exists(generator):
        if not os.path.exists(path):
            subprocess.run([sys.executable, generator, "--mb", str(mb), "--out", path], check=True, stdout=subprocess.DEVNULL)
        return path, f"`gen_corpus.py --mb {mb}` (seed 29)"
    if not os.path.exists(path):
        corpus.single_document(mb, path)
    return path, f"{mb} MB of Corpus/ paragraphs (seed 29; ../shared is absent)"


def icu_limit(path):
    """ICU's sentence+word iteration rate on the file (MB/s), or None without ../shared."""
    source = os.path.join(SEG, "icu_limit.c")
    if not os.path.exists(source):
        print("ICU limit: ../shared/eval/segmentation/icu_limit.c is absent; ratios skipped")
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
    print(f"ICU limit (`icu_limit.c`, same file, median of 3): sentences {sentence:.1f} MB/s, words with rule status "
          f"{word:.1f} MB/s, sentences + words **{combined:.1f} MB/s**\n")
    return combined


def verdict(value, target):
    return f"{value:.2f} (target ≥ {target}) {'✓' if value >= target else '✗'}"


def stages_section(path, runs):
    size = os.path.getsize(path)
    limit = icu_limit(path)
    print("| run | median | MB/s | share of ICU | peak RSS | heap allocations |\n|---|---:|---:|---:|---:|---:|")
    rows = {}
    for key, label, args in [
        ("segment", "segmentation: `slant segment FILE --no-tokens` (sentences and tokens built)", ["segment", path, "--no-tokens"]),
        ("score", "segmentation + language + stance: `slant score FILE`", ["score", path]),
        ("summarize", "… + summarizer: `slant summarize FILE`", ["summarize", path]),
        ("annotate-jsonl", "`slant annotate FILE --format jsonl`", ["annotate", path, "--format", "jsonl"]),
        ("annotate", "`slant annotate FILE` (Markdown)", ["annotate", path]),
        ("segment-1", "segmentation, one thread: `… --jobs 1`", ["segment", path, "--no-tokens", "--jobs", "1"]),
        ("score-1", "… + language + stance, one thread: `slant score FILE --jobs 1`", ["score", path, "--jobs", "1"]),
        ("annotate-1", "`slant annotate FILE --jobs 1` (Markdown, one thread)", ["annotate", path, "--jobs", "1"]),
    ]:
        rows[key] = Row(label, [SLANT] + args + ["--quiet"], size, runs)
        print(rows[key].markdown(limit), flush=True)
    print()
    if limit:
        print(f"- segmentation: {verdict(rows['segment'].rate / limit, 0.6)} of ICU")
        print(f"- segmentation + language + stance: {verdict(rows['score'].rate / limit, 0.4)} of ICU")
        print(f"- annotate to Markdown: {verdict(rows['annotate'].rate / limit, 0.25)} of ICU")
        digests = []
        for jobs in (1, 2):
            output = os.path.join(WORK, f"speed_annotate_{jobs}.jsonl")
            run_once([SLANT, "annotate", path, "--format", "jsonl", "--jobs", str(jobs), "--quiet"], output=output)
            with open(output, "rb") as f:
                digests.append(hashlib.sha256(f.read()).hexdigest())
        print(f"- one document on two threads gives the same bytes as on one: {'yes' if digests[0] == digests[1] else 'NO'}")
        print(f"- on one thread (`--jobs 1`; ICU's figure is one thread): segmentation {rows['segment-1'].rate / limit:.2f}, "
              f"+ language + stance {rows['score-1'].rate / limit:.2f}, annotate {rows['annotate-1'].rate / limit:.2f}")
    return rows


def peers_section(rows):
    log = os.path.join(SEG, "results", "speed.log")
    if not os.path.exists(log):
        print("\nPeers: ../shared is absent; skipped")
        return
    with open(log) as f:
        m = re.search(r"SPEED pysbd\s+input=20.00MB.*?([\d.]+) MB/s", f.read())
    if m:
        pysbd = float(m.group(1))
        print(f"- pySBD on the same 20 MB corpus: {pysbd} MB/s (its speed log); Slant's segmentation is "
              f"{verdict(rows['segment'].rate / pysbd, 20)}×")
    with open(os.path.join(SUMM, "RESULTS.md")) as f:
        results = f.read()
    print("\n| set | documents | sumy LexRank ms/doc (3 sentences) | Slant ms/doc (3 sentences, the set 10 times in one process) "
          "| ratio |\n|---|---:|---:|---:|---:|")
    ratios = []
    for block in re.split(r"^### ", results, flags=re.M)[1:]:
        name = block.split()[0]
        data = os.path.join(SUMM, "data", f"{name}.jsonl")
        m = re.search(r"^\| sumy LexRank \|(.*)$", block, flags=re.M)
        if not m or not os.path.exists(data):
            continue
        sumy = float(m.group(1).split("|")[6])
        if sumy < 0.1:
            print(f"| {name} | | {sumy:.2f} | | left out: sumy did not split this text |")
            continue
        with open(data) as f:
            lines = [line for line in f if line.strip()]
        documents = len(lines)
        # The set ten times over in one run, so starting the process and loading lexicons weigh little.
        repeated = os.path.join(WORK, f"{name}-x10.jsonl")
        with open(repeated, "w") as f:
            for copy in range(10):
                for line in lines:
                    f.write(line.replace('"id": "', f'"id": "{copy}-', 1))
        seconds = statistics.median(
            run_once([SLANT, "summarize", "--input", "jsonl", repeated, "--sentences", "3", "--quiet"])[0] for _ in range(3))
        slant = seconds * 1000 / (10 * documents)
        ratios.append(sumy / slant)
        print(f"| {name} | {documents} | {sumy:.2f} | {slant:.2f} | {sumy / slant:.0f}× |")
    if ratios:
        print(f"\n- sumy LexRank: Slant's throughput is {verdict(min(ratios), 100)}× sumy's on its least favourable set, "
              f"{max(ratios):.0f}× on its most favourable (sets where sumy spent under 0.1 ms per document, i.e. did "
              "not split the text, are left out)")


def parallel_section(runs):
    path = os.path.join(WORK, "documents_20mb.jsonl")
    if not os.path.exists(path):
        corpus.jsonl_documents(20, path)
    with open(path) as f:
        documents = sum(1 for _ in f)
    size = os.path.getsize(path)
    print(f"\nParallel: {documents} documents, {size / 1e6:.1f} MB of JSON Lines (Corpus/ paragraphs, seed 29), "
          "`slant annotate --input jsonl FILE --format jsonl`:\n")
    print("| run | median | MB/s | | peak RSS | heap allocations |\n|---|---:|---:|---:|---:|---:|")
    digests, rates = [], []
    for jobs in (1, 2):
        cmd = [SLANT, "annotate", "--input", "jsonl", path, "--format", "jsonl", "--jobs", str(jobs), "--quiet"]
        row = Row(f"`--jobs {jobs}`", cmd, size, runs)
        print(row.markdown(), flush=True)
        rates.append(row.rate)
        output = os.path.join(WORK, f"parallel_{jobs}.jsonl")
        run_once(cmd, output=output)
        with open(output, "rb") as f:
            digests.append(hashlib.sha256(f.read()).hexdigest())
    print(f"\n- speed-up of `--jobs 2`: {verdict(rates[1] / rates[0], 1.8)}×; outputs byte-identical: "
          f"{'yes' if digests[0] == digests[1] else 'NO'}")


def growth_section(runs):
    """The summarizer's cost against document length (issue 4): 1k, 5k and 20k sentences."""
    print("\nSummarizer growth: `slant summarize --stages segment,summarize --lang en --sentences 5 FILE` on one "
          "document of Corpus/en sentences (seed 29):\n")
    print("| sentences | bytes | median | per 1,000 sentences | growth vs 1k |\n|---:|---:|---:|---:|---:|")
    base = None
    for count in (1000, 5000, 20000):
        path = os.path.join(WORK, f"sentences_{count}.txt")
        corpus.english_sentences(count, path)
        cmd = [SLANT, "summarize", "--stages", "segment,summarize", "--lang", "en", "--sentences", "5", path]
        median = statistics.median(run_once(cmd)[0] for _ in range(runs))
        base = base or median
        print(f"| {count:,} | {os.path.getsize(path):,} | {median:.2f} s | {median / count * 1000:.3f} s | {median / base:.1f}x |")


def scale_section():
    print("\nCorpus scale: JSON Lines streams through `slant annotate --input jsonl FILE --format jsonl` (one run each):\n")
    print("| input | documents | time | s per 100 MB | peak RSS |\n|---|---:|---:|---:|---:|")
    per_mb = []
    for mb in (10, 100, 1000):
        path = os.path.join(WORK, f"documents_{mb}mb.jsonl")
        if not os.path.exists(path):
            corpus.jsonl_documents(mb, path)
        with open(path) as f:
            documents = sum(1 for _ in f)
        seconds, peak = run_once([SLANT, "annotate", "--input", "jsonl", path, "--format", "jsonl", "--quiet"])
        size = os.path.getsize(path)
        per_mb.append(seconds / size)
        print(f"| {size / 1e6:.0f} MB | {documents} | {seconds:.1f} s | {seconds / size * 1e8:.2f} | {peak / 2**20:.0f} MiB |", flush=True)
        if mb == 1000:
            print(f"\n- 1 GB streamed: peak RSS {peak / 2**20:.0f} MiB (target < 300 MiB) {'✓' if peak / 2**20 < 300 else '✗'}")
    spread = max(per_mb) / min(per_mb) - 1
    print(f"- time per MB varies by {spread * 100:.1f}% across 10 MB, 100 MB and 1 GB (target < 20%) {'✓' if spread < 0.2 else '✗'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=20, help="size of the speed corpus (default 20)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per command (default 3)")
    ap.add_argument("--scale", action="store_true", help="also the 10 MB / 100 MB / 1 GB streams (about 5 minutes)")
    ap.add_argument("--only", choices=["stages", "peers", "growth", "parallel", "scale"], help="run one section alone")
    a = ap.parse_args()
    if not os.path.exists(SLANT):
        raise SystemExit("benchmarks: build first with `swift build -c release`")
    os.makedirs(WORK, exist_ok=True)
    print(f"Slant benchmarks, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores\n")
    path, origin = speed_corpus(a.mb)
    print(f"Speed corpus: {origin}, {os.path.getsize(path):,} bytes, one document.\n")
    if a.only == "growth":
        return growth_section(a.runs)
    if a.only == "parallel":
        return parallel_section(a.runs)
    if a.only == "scale":
        return scale_section()
    rows = stages_section(path, a.runs)
    if a.only == "stages":
        return
    peers_section(rows)
    if a.only == "peers":
        return
    growth_section(a.runs)
    parallel_section(a.runs)
    if a.scale:
        scale_section()


if __name__ == "__main__":
    main()
