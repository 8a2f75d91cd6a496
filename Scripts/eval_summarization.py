#!/usr/bin/env python3
"""Measure Slant's summarizer with ROUGE on ../shared/eval/summarization (when present).

    python3 Scripts/eval_summarization.py [--sets en-cnndm,...] [--method textrank] [--position 0.3] [--diversity 0.7]
                                          [--crosscheck VENV_PYTHON]

Budgets as in that folder's RESULTS.md: 3 sentences for CNN/DM; for every other set, as many sentences as the
reference has (counted with the peers' own splitter, scripts/textutil.py, so the budget matches theirs).
Reports ROUGE-1/2/L F1 x100 (Slant's `slant eval rouge`, the harness's tokenization) on the first half of
each set (ids sorted: the half used for tuning), the second half, and the whole set, and ms per document.
--crosscheck PYTHON also scores with the harness's rouge_eval.py (needs rouge-score; see its README).
Uses .build/release/slant (`swift build -c release`).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUMM = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "summarization"))
WORK = os.path.join(tempfile.gettempdir(), "slant-eval-summ")
SETS = ["en-cnndm", "en-xsum", "en-bbc", "zh-lcsts", "fr-orangesum", "de-klexikon", "pt-temario"]
LANG = {"zh": "zh-Hans"}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def budget(name, reference, lang):
    if name == "en-cnndm":
        return 3
    sys.path.insert(0, os.path.join(SUMM, "scripts"))
    import textutil
    return max(1, len(textutil.split_sentences(reference, lang)))


def rouge(gold, system, slant):
    out = subprocess.run([slant, "eval", "rouge", gold, system], capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return {k: float(v) for k, v in (p.split("=") for p in out.split()[1:4])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--method")
    ap.add_argument("--position", type=float)
    ap.add_argument("--diversity", type=float)
    ap.add_argument("--crosscheck", help="a Python with rouge-score installed, to re-score with rouge_eval.py")
    ap.add_argument("--slant", default=os.path.join(ROOT, ".build", "release", "slant"))
    a = ap.parse_args()
    if not os.path.isdir(SUMM):
        print(f"eval_summarization: {SUMM} is absent; the shared evaluation data is needed.")
        return 0
    os.makedirs(WORK, exist_ok=True)
    print("| set | budget | first half R1/R2/RL | second half R1/R2/RL | all R1/R2/RL | ms/doc |")
    print("|---|---|---|---|---|---:|")
    for name in a.sets.split(","):
        rows = sorted(read_jsonl(os.path.join(SUMM, "data", f"{name}.jsonl")), key=lambda r: r["id"])
        lang = name.split("-")[0]
        groups = {}
        for r in rows:
            groups.setdefault(budget(name, r["reference"], lang), []).append(r)
        system = os.path.join(WORK, f"{name}.sys.jsonl")
        elapsed = 0.0
        with open(system, "w", encoding="utf-8") as out:
            for k, group in sorted(groups.items()):
                inp = "\n".join(json.dumps({"id": r["id"], "text": r["text"], "lang": LANG.get(lang, lang)}, ensure_ascii=False) for r in group) + "\n"
                settings = ["--set", f"summarize.sentences={k}"]
                if a.method:
                    settings += ["--set", f"summarize.method={a.method}"]
                if a.position is not None:
                    settings += ["--set", f"summarize.position={a.position}"]
                if a.diversity is not None:
                    settings += ["--set", f"summarize.diversity={a.diversity}"]
                start = time.perf_counter()
                proc = subprocess.run([a.slant, "summarize", "--input", "jsonl", "--quiet", "--jobs", "1", *settings, "-"],
                                      input=inp.encode(), capture_output=True)
                elapsed += time.perf_counter() - start
                for line in proc.stdout.decode().splitlines():
                    r = json.loads(line)
                    out.write(json.dumps({"id": r["id"], "summary": "\n".join(s["text"] for s in r.get("summary", []))},
                                         ensure_ascii=False) + "\n")
        results = []
        for part, subset in (("first", rows[: len(rows) // 2]), ("second", rows[len(rows) // 2:]), ("all", rows)):
            gold = os.path.join(WORK, f"{name}.{part}.gold.jsonl")
            with open(gold, "w", encoding="utf-8") as f:
                for r in subset:
                    f.write(json.dumps({"id": r["id"], "reference": r["reference"]}, ensure_ascii=False) + "\n")
            s = rouge(gold, system, a.slant)
            results.append(f"{s['R1']:.2f} / {s['R2']:.2f} / {s['RL']:.2f}")
        label = "3 sent" if name == "en-cnndm" else "ref #sent"
        print(f"| {name} | {label} | {results[0]} | {results[1]} | {results[2]} | {1000 * elapsed / len(rows):.1f} |", flush=True)
        if a.crosscheck:
            check = subprocess.run([a.crosscheck, os.path.join(SUMM, "rouge_eval.py"), os.path.join(SUMM, "data", f"{name}.jsonl"), system],
                                   capture_output=True, text=True)
            print(f"|   rouge_eval.py | | | | {check.stdout.strip().splitlines()[-1]} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
