#!/usr/bin/env python3
"""Measure Slant's segmentation and language identification against ../shared/eval (when present).

    python3 Scripts/eval_segmentation.py sbd     [--sets golden] [--show N]   pySBD golden rules
    python3 Scripts/eval_segmentation.py uax29   [word|sentence]              UAX #29 conformance, raw ICU mode
    python3 Scripts/eval_segmentation.py cws     [pku|msr|ja] [--raw]         word segmentation F1
    python3 Scripts/eval_segmentation.py langid  [--min-chars 200]            language identification accuracy
    python3 Scripts/eval_segmentation.py langid-short [holdout]               the same on single short sentences
    python3 Scripts/eval_segmentation.py all

Uses the release build of slant (`swift build -c release` first, or --slant PATH). The shared evaluation
data is not part of the project: when ../shared/eval is missing, this script says so and exits 0, except for
langid-short, which reads the project's own sentences (the stance fixtures, 12 languages, one sentence a
case; with `holdout`, the stance holdout sentences written by other hands) and needs nothing else.
Work files go to $TMPDIR/slant-eval.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
SEG = os.path.join(SHARED, "segmentation")
WORK = os.path.join(tempfile.gettempdir(), "slant-eval")


def slant(args, stdin_path, out_path, slant_bin):
    with open(stdin_path, "rb") as fin, open(out_path, "wb") as fout:
        proc = subprocess.run([slant_bin] + args, stdin=fin, stdout=fout, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"slant exited {proc.returncode}")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def sbd(a):
    cases_path = os.path.join(WORK, "sbd_cases.jsonl")
    subprocess.run([sys.executable, os.path.join(SEG, "sbd_eval.py"), "--emit-cases", "--sets", a.sets],
                   stdout=open(cases_path, "w"), check=True)
    inp = os.path.join(WORK, "sbd_in.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for c in read_jsonl(cases_path):
            f.write(json.dumps({"id": str(c["id"]), "text": c["text"], "lang": c["lang"]}, ensure_ascii=False) + "\n")
    out = os.path.join(WORK, "sbd_out.jsonl")
    # Without `normalize`: NFC would turn e.g. the Greek question mark U+037E into ";" and the scorer compares
    # sentence texts exactly. The language is given with each case.
    slant(["segment", "--input", "jsonl", "--stages", "segment", "--no-tokens", "--jobs", "2", "-"], inp, out, a.slant)
    sysf = os.path.join(WORK, "sbd_sys.jsonl")
    with open(sysf, "w", encoding="utf-8") as f:
        for r in read_jsonl(out):
            f.write(json.dumps({"id": int(r["id"]), "sentences": [s["text"] for s in r.get("sentences", [])]},
                               ensure_ascii=False) + "\n")
    cmd = [sys.executable, os.path.join(SEG, "sbd_eval.py"), sysf, "--sets", a.sets]
    if a.show:
        cmd += ["--show", str(a.show)]
    subprocess.run(cmd, check=True)


def uax29(a):
    for kind in ([a.kind] if a.kind else ["sentence", "word"]):
        cases = read_jsonl_from_cmd([sys.executable, os.path.join(SEG, "uax29_eval.py"), kind, "--emit-cases"])
        inp = os.path.join(WORK, f"uax29_{kind}_in.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for c in cases:
                text = "".join(chr(cp) for cp in c["cps"])
                f.write(json.dumps({"id": str(c["line"]), "text": text, "lang": "und"}) + "\n")
        out = os.path.join(WORK, f"uax29_{kind}_out.jsonl")
        slant(["segment", "--input", "jsonl", "--stages", "segment", "--set", "segment.mode=icu", "--jobs", "2",
               "--quiet", "-"], inp, out, a.slant)
        sysf = os.path.join(WORK, f"uax29_{kind}_sys.jsonl")
        by_line = {str(c["line"]): c for c in cases}
        with open(sysf, "w") as f:
            for r in read_jsonl(out):
                c = by_line[r["id"]]
                text = "".join(chr(cp) for cp in c["cps"])
                spans = r["sentences"] if kind == "sentence" else r["tokens"]
                # UTF-8 byte offsets -> scalar offsets
                b2s, pos = {}, 0
                for i, ch in enumerate(text):
                    b2s[pos] = i
                    pos += len(ch.encode("utf-8"))
                b2s[pos] = len(text)
                breaks = sorted({b2s[s["end"]] for s in spans} | {0})
                f.write(json.dumps({"line": c["line"], "breaks": breaks, "units": "scalar"}) + "\n")
        subprocess.run([sys.executable, os.path.join(SEG, "uax29_eval.py"), kind, sysf, "--units", "scalar", "--show", "50"])


def read_jsonl_from_cmd(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def cws(a):
    corpus = a.corpus or "pku"
    path = {"pku": "sighan2005/pku_test.utf8", "msr": "sighan2005/msr_test.utf8", "ja": "ud/ja_gsd_test.utf8"}[corpus]
    lang = "ja" if corpus == "ja" else "zh-Hans"
    with open(os.path.join(SEG, "data", path), encoding="utf-8-sig") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    lines = [l.rstrip("\r") for l in lines]
    inp = os.path.join(WORK, f"cws_{corpus}_in.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for i, l in enumerate(lines):
            f.write(json.dumps({"id": str(i), "text": l, "lang": lang}, ensure_ascii=False) + "\n")
    out = os.path.join(WORK, f"cws_{corpus}_out.jsonl")
    sets = ["--set", "segment.merge-chinese=false"] if a.raw else []
    slant(["segment", "--input", "jsonl", "--stages", "segment", "--jobs", "2", "--quiet"] + sets + ["-"], inp, out, a.slant)
    result = {r["id"]: r for r in read_jsonl(out)}
    sysf = os.path.join(WORK, f"cws_{corpus}_sys.txt")
    with open(sysf, "w", encoding="utf-8") as f:
        for i, l in enumerate(lines):
            r = result.get(str(i), {"tokens": []})
            f.write("  ".join(t["text"] for t in r["tokens"] if t["text"].strip()) + "\n")
    subprocess.run([sys.executable, os.path.join(SEG, "cws_eval.py"), corpus, sysf])


def langid_cases(min_chars):
    """Labelled texts from the shared sets: summarization documents, stance sets, UD Japanese, pySBD cases."""
    cases = []
    summ = os.path.join(SHARED, "summarization", "data")
    for name in sorted(os.listdir(summ)) if os.path.isdir(summ) else []:
        lang = name.split("-")[0]
        for r in read_jsonl(os.path.join(summ, name)):
            cases.append((f"summ/{name}/{r['id']}", {"zh": "zh-Hans"}.get(lang, lang), r["text"]))
    unc = os.path.join(SHARED, "stance", "data", "uncertainty")
    for name in ("zhbio_eval.jsonl", "zhwiki_eval.jsonl", "wiki_eval.jsonl", "bio_eval.jsonl"):
        p = os.path.join(unc, name)
        if os.path.exists(p):
            rows = read_jsonl(p)
            lang = "zh-Hans" if name.startswith("zh") else "en"
            # group consecutive sentences into ~paragraph-sized texts
            buf, n = [], 0
            for r in rows:
                t = r.get("text") or r.get("sentence") or ""
                buf.append(t)
                if sum(len(x) for x in buf) >= max(min_chars, 200):
                    cases.append((f"stance/{name}/{n}", lang, (" " if lang == "en" else "").join(buf)))
                    buf, n = [], n + 1
    bias = os.path.join(SHARED, "stance", "data", "bias")
    for name in sorted(os.listdir(bias)) if os.path.isdir(bias) else []:
        lang = name.split("_")[1]
        for i, r in enumerate(read_jsonl(os.path.join(bias, name))):
            t = r.get("neutral") or r.get("text") or ""
            if isinstance(t, str) and t:
                cases.append((f"bias/{name}/{i}", lang, t))
    ja = os.path.join(SEG, "data", "ud", "ja_gsd_test.utf8")
    if os.path.exists(ja):
        with open(ja, encoding="utf-8") as f:
            sents = [l.strip() for l in f if l.strip()]
        for i in range(0, len(sents), 4):
            cases.append((f"ud-ja/{i}", "ja", "".join(sents[i:i + 4])))
    gold = os.path.join(SEG, "data", "pysbd", "golden_rules.jsonl")
    by_lang = defaultdict(list)
    for r in read_jsonl(gold):
        by_lang[r["lang"]].append(r["text"] if r["set"] in ("golden", "more") else " ".join(r["expected"]))
    for lang, texts in sorted(by_lang.items()):
        for i, t in enumerate(texts):
            cases.append((f"pysbd/{lang}/{i}", {"zh": "zh-Hans"}.get(lang, lang), t))
    return [c for c in cases if len(c[2]) >= min_chars]


def langid(a):
    cases = langid_cases(a.min_chars)
    inp = os.path.join(WORK, "langid_in.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for cid, lang, text in cases:
            f.write(json.dumps({"id": cid, "text": text}, ensure_ascii=False) + "\n")
    out = os.path.join(WORK, "langid_out.jsonl")
    slant(["segment", "--input", "jsonl", "--stages", "language", "--no-tokens", "--jobs", "2", "--quiet", "-"],
          inp, out, a.slant)
    got = {r["id"]: r["language"] for r in read_jsonl(out)}
    per = defaultdict(lambda: [0, 0])
    confusions = Counter()
    for cid, lang, _ in cases:
        g = got.get(cid, "missing")
        ok = g == lang
        per[lang][0] += ok
        per[lang][1] += 1
        if not ok:
            confusions[(lang, g)] += 1
    print(f"{'lang':<9}{'correct':>8}{'total':>7}{'acc%':>8}")
    for lang in sorted(per):
        c, n = per[lang]
        print(f"{lang:<9}{c:>8}{n:>7}{100.0 * c / n:>8.2f}")
    tc = sum(c for c, _ in per.values())
    tn = sum(n for _, n in per.values())
    if confusions:
        print("confusions:", ", ".join(f"{k[0]}->{k[1]} {v}" for k, v in confusions.most_common(12)))
    print(f"LANGID min_chars={a.min_chars} accuracy={100.0 * tc / max(tn, 1):.2f}% n={tn}")


def langid_short(a):
    """Identification of single short sentences: the stance fixtures (or holdout), written for Slant in 12 languages."""
    folder = os.path.join(ROOT, "Tests", "SlantStanceTests", "Holdout" if a.arg == "holdout" else "Fixtures")
    cases = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".tsv"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                texts = [line.split("\t")[0] for line in f if line.strip() and not line.startswith("#")]
            cases += [(f"{name[:-4]}/{i}", name[:-4], text) for i, text in enumerate(texts)]
    inp = os.path.join(WORK, "langid_short_in.jsonl")
    with open(inp, "w", encoding="utf-8") as f:
        for cid, _, text in cases:
            f.write(json.dumps({"id": cid, "text": text}, ensure_ascii=False) + "\n")
    out = os.path.join(WORK, "langid_short_out.jsonl")
    slant(["segment", "--input", "jsonl", "--stages", "language", "--no-tokens", "--quiet", "-"], inp, out, a.slant)
    got = {r["id"]: r["language"] for r in read_jsonl(out)}
    per = defaultdict(Counter)
    for cid, lang, _ in cases:
        g = got.get(cid, "missing")
        per[lang]["correct" if g.split("-")[0] == lang else "und" if g == "und" else "wrong"] += 1
    print(f"{'lang':<6}{'n':>5}{'correct':>9}{'und':>5}{'wrong':>7}")
    for lang in sorted(per):
        c = per[lang]
        print(f"{lang:<6}{sum(c.values()):>5}{c['correct']:>9}{c['und']:>5}{c['wrong']:>7}")
    total = Counter()
    for c in per.values():
        total.update(c)
    n = sum(total.values())
    print(f"LANGID-SHORT accuracy={100.0 * total['correct'] / max(n, 1):.2f}% und={100.0 * total['und'] / max(n, 1):.2f}% "
          f"wrong={100.0 * total['wrong'] / max(n, 1):.2f}% n={n}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["sbd", "uax29", "cws", "langid", "langid-short", "all"])
    ap.add_argument("arg", nargs="?")
    ap.add_argument("--sets", default="golden")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--raw", action="store_true", help="cws: ICU's words without Slant's Chinese merging")
    ap.add_argument("--min-chars", type=int, default=200)
    ap.add_argument("--slant", default=os.path.join(ROOT, ".build", "release", "slant"))
    a = ap.parse_args()
    if not os.path.exists(a.slant):
        raise SystemExit(f"no slant binary at {a.slant}: run `swift build -c release` first")
    os.makedirs(WORK, exist_ok=True)
    if a.task == "langid-short":
        langid_short(a)
        return 0
    if not os.path.isdir(SHARED):
        print(f"eval_segmentation: {SHARED} is absent; the shared evaluation data is needed for these figures.")
        return 0
    os.makedirs(WORK, exist_ok=True)
    a.kind = a.arg if a.task == "uax29" else None
    a.corpus = a.arg if a.task == "cws" else None
    tasks = ["sbd", "uax29", "cws", "langid"] if a.task == "all" else [a.task]
    for t in tasks:
        print(f"## {t}", flush=True)
        globals()[t](a)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
