#!/usr/bin/env python3
"""Measure Slant's stance scorer against ../shared/eval/stance (when present), and against its own fixtures.

    python3 Scripts/eval_stance.py uncertainty [--pack]   sentence uncertainty F1 (bio, wiki, reviews, zhbio, zhwiki, wikiconll)
    python3 Scripts/eval_stance.py bias                   biased/neutral pair accuracy from document subjectivity
    python3 Scripts/eval_stance.py fixtures               per-category P/R/F1 per language on Tests/SlantStanceTests/Fixtures
    python3 Scripts/eval_stance.py all [--pack]

A sentence is uncertain when Slant marks a `hedge` in it (for the genuine CoNLL wiki sample, a `hedge` or an
`attribution`, the notion of that set's labels). `--pack` adds domain packs built from each set's TRAIN split
only (cues whose precision as an uncertainty cue in train is at least 0.5 over at least 3 uses); the packs are
written to $TMPDIR and never into the project, since the data is for research evaluation only.
Uses the release build of slant (`swift build -c release`). Without ../shared/eval the script says so and only
the fixtures task runs.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STANCE = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "stance"))
WORK = os.path.join(tempfile.gettempdir(), "slant-eval-stance")
CATEGORIES = ["hedge", "booster", "attitude", "attribution", "self_mention", "engagement"]
SETS = {  # name: (eval file, language, train file for a pack, categories counted as uncertain)
    "bio": ("bio_eval.jsonl", "en", "bio_train.jsonl", {"hedge"}),
    "wiki": ("wiki_eval.jsonl", "en", "wiki_train.jsonl", {"hedge"}),
    "reviews": ("reviews_eval.jsonl", "en", "reviews_train.jsonl", {"hedge"}),
    "zhbio": ("zhbio_eval.jsonl", "zh-Hans", "zhbio_train.jsonl", {"hedge"}),
    "zhwiki": ("zhwiki_eval.jsonl", "zh-Hans", "zhwiki_train.jsonl", {"hedge"}),
    "wikiconll": ("wikiconll_sample.jsonl", "en", None, {"hedge", "attribution"}),
}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(records, slant, extra=()):
    """Runs `slant score --input jsonl` over {"id","text","lang"} records; returns {id: record}."""
    os.makedirs(WORK, exist_ok=True)
    inp = os.path.join(WORK, "in.jsonl")
    out = os.path.join(WORK, "out.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(inp, "rb") as fin, open(out, "wb") as fout:
        proc = subprocess.run([slant, "score", "--input", "jsonl", "--quiet", "--jobs", "2", *extra, "-"], stdin=fin, stdout=fout,
                              stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"slant score exited {proc.returncode}")
    return {r["id"]: r for r in read_jsonl(out)}


def categories_of(record):
    return {m["category"] for s in record.get("sentences", []) for m in s.get("markers", [])}


def build_pack(train, lang_file, min_uses=3, min_precision=0.5):
    """Hedge cues from a TRAIN split: cue strings whose share of uncertain uses is high enough."""
    as_cue = collections.Counter()
    for r in read_jsonl(os.path.join(STANCE, "data", "uncertainty", train)):
        for c in r.get("cues", []):
            as_cue[c["text"].lower().strip()] += 1
    occurrences = collections.Counter()
    rows = read_jsonl(os.path.join(STANCE, "data", "uncertainty", train))
    cues = [c for c in as_cue if as_cue[c] >= min_uses and len(c) >= 2]
    for r in rows:
        text = r["text"].lower()
        for c in cues:
            if c in text:
                occurrences[c] += 1
    kept = sorted(c for c in cues if as_cue[c] / max(occurrences[c], 1) >= min_precision)
    path = os.path.join(WORK, lang_file)
    os.makedirs(WORK, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# domain pack built by Scripts/eval_stance.py from {train} (train split only)\n")
        for c in kept:
            if "\t" not in c and "\n" not in c:
                f.write(f"hedge\t{c}\t1.0\n")
    return path, len(kept)


def uncertainty(a):
    lines = []
    for name, (eval_file, lang, train, counted) in SETS.items():
        path = os.path.join(STANCE, "data", "uncertainty", eval_file)
        if not os.path.exists(path):
            continue
        rows = read_jsonl(path)
        extra = []
        if a.pack and train:
            pack, n = build_pack(train, f"{lang.split('-')[0]}.{name}.tsv")
            extra = ["--lexicon", pack]
            print(f"{name}: domain pack of {n} cues from {train}")
        out = score([{"id": r["id"], "text": r["text"], "lang": lang} for r in rows], a.slant, extra)
        preds = os.path.join(WORK, f"pred_{name}.jsonl")
        with open(preds, "w") as f:
            for r in rows:
                got = out.get(r["id"], {})
                f.write(json.dumps({"id": r["id"], "uncertain": bool(categories_of(got) & counted)}) + "\n")
        res = subprocess.run([sys.executable, os.path.join(STANCE, "scripts", "score_sentences.py"), "--gold", path, "--pred", preds],
                             capture_output=True, text=True)
        print(res.stdout.strip().splitlines()[-2] if len(res.stdout.strip().splitlines()) > 1 else res.stdout.strip())
        lines.append(res.stdout.strip().splitlines()[-1])
        sys.stdout.flush()
    print("\n".join(lines))


def bias(a):
    for lang in ("en", "fr"):
        path = os.path.join(STANCE, "data", "bias", f"wnc_{lang}_pairs.jsonl")
        if not os.path.exists(path):
            continue
        rows = read_jsonl(path)
        records = []
        for r in rows:
            records.append({"id": r["id"] + ":b", "text": r["biased"], "lang": lang})
            records.append({"id": r["id"] + ":n", "text": r["neutral"], "lang": lang})
        out = score(records, a.slant)
        preds = os.path.join(WORK, f"pairs_{lang}.jsonl")
        with open(preds, "w") as f:
            for r in rows:
                b = out.get(r["id"] + ":b", {}).get("profile", {}).get("subjectivity", 0)
                n = out.get(r["id"] + ":n", {}).get("profile", {}).get("subjectivity", 0)
                f.write(json.dumps({"id": r["id"], "biased_score": b, "neutral_score": n}) + "\n")
        res = subprocess.run([sys.executable, os.path.join(STANCE, "scripts", "score_sentences.py"), "--gold", path, "--pred", preds],
                             capture_output=True, text=True)
        print(f"## {lang}\n" + res.stdout.strip())


def fixtures(a):
    folder = os.path.join(ROOT, "Tests", "SlantStanceTests", "Fixtures")
    print(f"{'lang':<5}{'n':>5}  " + "  ".join(f"{c[:11]:>11}" for c in CATEGORIES) + "   micro-F1  exact")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tsv"):
            continue
        lang = name[:-4]
        cases = []
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                expected = set() if parts[1].strip() == "-" else {c.strip() for c in parts[1].split(",")}
                cases.append((parts[0], expected))
        out = score([{"id": str(i), "text": t, "lang": lang} for i, (t, _) in enumerate(cases)], a.slant)
        tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
        exact = 0
        for i, (_, expected) in enumerate(cases):
            got = categories_of(out.get(str(i), {}))
            exact += got == expected
            for c in CATEGORIES:
                tp[c] += c in got and c in expected
                fp[c] += c in got and c not in expected
                fn[c] += c not in got and c in expected

        def f1(t, p, n):
            return 2 * t / (2 * t + p + n) if t + p + n else 1.0
        row = "  ".join(f"{f1(tp[c], fp[c], fn[c]):>11.3f}" for c in CATEGORIES)
        micro = f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        print(f"{lang:<5}{len(cases):>5}  {row}   {micro:>8.3f}  {exact / len(cases):.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["uncertainty", "bias", "fixtures", "all"])
    ap.add_argument("--pack", action="store_true", help="add domain packs built from the train splits")
    ap.add_argument("--slant", default=os.path.join(ROOT, ".build", "release", "slant"))
    a = ap.parse_args()
    if not os.path.exists(a.slant):
        raise SystemExit(f"no slant binary at {a.slant}: run `swift build -c release` first")
    tasks = ["uncertainty", "bias", "fixtures"] if a.task == "all" else [a.task]
    for t in tasks:
        if t != "fixtures" and not os.path.isdir(STANCE):
            print(f"eval_stance: {STANCE} is absent; the shared evaluation data is needed for '{t}'.")
            continue
        print(f"## {t}", flush=True)
        globals()[t](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
