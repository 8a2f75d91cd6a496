#!/usr/bin/env python3
"""Integration test: Slant on PySpark in local mode gives exactly what a plain run gives.

    python3 scale/test_spark.py [--documents 3000] [--python PYTHON_WITH_PYSPARK]

Builds a deterministic multilingual corpus of short documents from Corpus/ paragraphs (JSON Lines, with a
few broken lines), annotates it once with plain `slant annotate --input jsonl --format jsonl --jobs 2`, once
through scale/spark_annotate.py with Spark local[2], and compares the outputs record for record. A second
check runs a directory of files with --markdown and compares the merged INDEX.md with a plain run's.
Prints timings and "spark: N passed, M failed". Skips, with a message and exit 0, where Java or PySpark is
missing.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLANT = os.path.join(ROOT, ".build", "release", "slant")


def corpus(n, path):
    paragraphs = []
    for name in sorted(glob.glob(os.path.join(ROOT, "Corpus", "*", "*"))):
        with open(name, encoding="utf-8") as f:
            paragraphs += [p for p in f.read().split("\n\n") if p.strip()]
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            if i % 997 == 500:
                f.write("{not json\n")
                continue
            text = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(1, 4)))
            f.write(json.dumps({"id": f"doc-{i:05d}", "text": text}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=3000)
    ap.add_argument("--python", default=sys.executable, help="a Python with pyspark installed")
    a = ap.parse_args()
    if shutil.which("java") is None:
        print("spark: skipped: Java is not installed (sudo apt-get install openjdk-17-jre-headless)")
        return 0
    if subprocess.run([a.python, "-c", "import pyspark"], capture_output=True).returncode != 0:
        print(f"spark: skipped: pyspark is not installed for {a.python} (pip install pyspark)")
        return 0
    if not os.path.exists(SLANT):
        print("spark: build first: swift build -c release")
        return 1
    work = tempfile.mkdtemp(prefix="slant-spark-")
    passed = failed = 0
    try:
        data = os.path.join(work, "corpus.jsonl")
        corpus(a.documents, data)
        start = time.perf_counter()
        with open(data, "rb") as fin:
            plain = subprocess.run([SLANT, "annotate", "--input", "jsonl", "--format", "jsonl", "--jobs", "2", "--quiet", "-"],
                                   stdin=fin, capture_output=True)
        plain_seconds = time.perf_counter() - start
        plain_lines = plain.stdout.decode("utf-8").splitlines()
        start = time.perf_counter()
        run = subprocess.run([a.python, os.path.join(ROOT, "scale", "spark_annotate.py"), data, os.path.join(work, "spark"),
                              "--master", "local[2]", "--partitions", "4"], capture_output=True, text=True)
        spark_seconds = time.perf_counter() - start
        if run.returncode != 0:
            print(run.stderr[-3000:])
        parts = sorted(glob.glob(os.path.join(work, "spark", "jsonl", "part-*")))
        spark_lines = []
        for part in parts:
            with open(part, encoding="utf-8") as f:
                spark_lines += f.read().splitlines()
        if plain.returncode == 0 and run.returncode == 0 and len(plain_lines) == a.documents and plain_lines == spark_lines:
            passed += 1
        else:
            failed += 1
            print(f"spark: JSONL differs: plain {len(plain_lines)} lines (exit {plain.returncode}), spark {len(spark_lines)} lines (exit {run.returncode})")
        errors = sum(1 for line in spark_lines if '"error"' in line and line.startswith('{"id":null'))
        print(f"spark: {a.documents} records ({errors} broken lines answered in place): plain slant --jobs 2 {plain_seconds:.1f} s, "
              f"Spark local[2] {spark_seconds:.1f} s (overhead {1000 * (spark_seconds - plain_seconds) / a.documents:.2f} ms/record, "
              f"including Spark start-up)")
        # Markdown and the merged report from a directory of files.
        out = os.path.join(work, "md")
        subprocess.run([a.python, os.path.join(ROOT, "scale", "spark_annotate.py"), os.path.join(ROOT, "Corpus"), out,
                        "--master", "local[2]", "--partitions", "3", "--markdown"], capture_output=True, check=False)
        with open(os.path.join(ROOT, "Annotations", "INDEX.md"), encoding="utf-8") as f:
            expected_index = f.read()
        try:
            with open(os.path.join(out, "markdown", "INDEX.md"), encoding="utf-8") as f:
                spark_index = f.read()
        except OSError:
            spark_index = ""
        if spark_index == expected_index:
            passed += 1
        else:
            failed += 1
            print("spark: the Markdown run's INDEX.md differs from Annotations/INDEX.md")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"spark: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
