#!/usr/bin/env python3
"""Run Slant on Apache Spark: a corpus becomes an RDD of JSON lines, each partition is piped through the
`slant` binary, and the results are written as JSON Lines (and, with --markdown, as annotated Markdown plus
the corpus report).

    spark-submit scale/spark_annotate.py INPUT OUTPUT [--slant PATH] [--partitions N] [--markdown]
    python3 scale/spark_annotate.py INPUT OUTPUT --master 'local[2]'        # local mode, no cluster

INPUT is a directory of .txt/.md/.markdown files (read whole, the id is the path relative to INPUT) or a JSON
Lines file of {"id", "text", "lang"?} records. OUTPUT gets:
  OUTPUT/jsonl/part-*        one result line per input record, in input order (RDD.pipe keeps partition and
                             line order); a record that fails is {"id", "error"} in its place
  OUTPUT/markdown/           with --markdown: one annotation per document and INDEX.md, merged by `slant report`

Per record: `slant annotate --input jsonl --format jsonl` answers each line with one line, flushing as it
goes. Per partition: one `slant` process (start-up about 0.1 s, lexicons load once per language). The
corpus report is reduced on the driver from the annotations' front matter (`slant report`).
On a cluster, install the `slant` build folder (the binary and its *.resources bundles) on every worker at the
same path, or ship it with `--archives slant.tar.gz#slant` and pass --slant ./slant/slant.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys


def records_from_directory(sc, root, partitions):
    """(path, content) pairs of the corpus files as JSON lines, sorted by id for a stable order."""
    root = os.path.abspath(root)
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith((".txt", ".md", ".markdown", ".text")) and not name.startswith("."):
                files.append(os.path.join(dirpath, name))
    files.sort(key=lambda p: os.path.relpath(p, root))

    def to_record(path):
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        record = {"id": os.path.relpath(path, root), "text": text}
        if path.lower().endswith((".md", ".markdown")):
            record["format"] = "markdown"
        return json.dumps(record, ensure_ascii=False)

    return sc.parallelize(files, partitions).map(to_record)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--slant", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".build", "release", "slant"))
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default=None, help="e.g. local[2]; by default spark-submit's")
    ap.add_argument("--markdown", action="store_true", help="also write annotated Markdown and the corpus report")
    a = ap.parse_args()

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("slant-annotate")
    if a.master:
        conf = conf.setMaster(a.master)
    sc = SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    try:
        if os.path.isdir(a.input):
            lines = records_from_directory(sc, a.input, a.partitions)
        else:
            lines = sc.textFile(a.input, a.partitions)
        if os.path.exists(a.output):
            shutil.rmtree(a.output)
        os.makedirs(a.output)
        command = [a.slant, "annotate", "--input", "jsonl", "--format", "jsonl", "--jobs", "1", "--quiet", "-"]
        lines.pipe(shlex.join(command)).saveAsTextFile(os.path.join(a.output, "jsonl"))
        if a.markdown:
            markdown = os.path.join(a.output, "markdown")
            os.makedirs(markdown)
            slant = a.slant

            def annotate_partition(records):
                data = "".join(r + "\n" for r in records).encode("utf-8")
                if data:
                    subprocess.run([slant, "annotate", "--input", "jsonl", "--output", markdown, "--quiet", "--jobs", "1", "-"],
                                   input=data, check=False)
                return iter([])

            lines.mapPartitions(annotate_partition).count()
            subprocess.run([a.slant, "report", markdown, "--quiet"], check=True)
    finally:
        sc.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
