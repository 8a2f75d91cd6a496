#!/usr/bin/env python3
"""Writes the committed seed corpus under Fuzz/Seeds/ from the project's own Corpus/ and lexicons, plus
hand-written edge cases. Deterministic: rerunning gives the same files. Usage: python3 Fuzz/make_seeds.py"""
import hashlib
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "Fuzz", "Seeds")

EDGE_TEXTS = [
    ("md", "Perhaps a ` stray backtick <script>alert(1)</script> follows. Use `<b>` and ``a ` <i>``."),
    ("md", "# Heading, obviously\n\n> A quote: it seems fine.\n\n- a list, reportedly\n- another\n\n```\n<code> may\n"),
    ("md", "| col | may |\n|---|---|\n| it is not clear | no doubt |\n\n    indented <b> code\n\n<div>\nhtml *block*\n</div>\n"),
    ("md", "Setext title\n===\n\nText with [a link](http://x.y) and <http://auto.link>, arguably **bold** and _em_.\n"),
    ("txt", "It is not clear. No doubt. Not necessarily. She spoke clearly. Visitors must wear helmets. You may wonder why. In May it rained."),
    ("txt", "Mr. Smith et al. visited the U.S. on Jan. 5... Really?! \"Perhaps,\" he said. (Obviously.)"),
    ("txt", "据报道，这个计划可能会失败。说实话，我认为这是一场灾难！“显然不行，”他说。"),
    ("txt", "報道によると、計画は失敗するかもしれない。間違いなく、これは災害だ。"),
    ("txt", "Возможно, план провалится. Несомненно, это катастрофа, по данным критиков."),
    ("txt", "ربما تفشل الخطة. بلا شك، إنها كارثة، وفقا للمنتقدين."),
    ("txt", "शायद योजना विफल हो जाएगी। निश्चित रूप से, यह एक आपदा है।"),
    ("txt", "*1. not a list\n# not a heading\n<b>&amp; [x] | y ~ z \\ w\n\u200bzero\u00a0width\ufeff"),
    ("txt", "a" * 300 + ". " + "\n" * 40 + "b."),
    ("txt", "e\u0301 *\u0301 `\u0301 <\u0301 👍🏽 👨‍👩‍👧 🇫🇷 \U0001F600?"),
]


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def paragraphs():
    out = []
    for directory, _, files in sorted(os.walk(os.path.join(ROOT, "Corpus"))):
        for file in sorted(files):
            path = os.path.join(directory, file)
            with open(path, encoding="utf-8") as f:
                parts = [p for p in f.read().split("\n\n") if p.strip()]
            kind = "md" if file.endswith(".md") else "txt"
            out += [(kind, p) for p in parts[:4]]
    return out


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    texts = paragraphs() + EDGE_TEXTS
    for kind, text in texts:
        data = (b"1" if kind == "md" else b"0") + text.encode("utf-8")
        write(os.path.join(SEEDS, "pipeline"), hashlib.sha1(data).hexdigest()[:16], data)
    for start in range(0, len(texts), 6):
        lines = [json.dumps({"id": f"d{start + i}", "text": t}, ensure_ascii=(i % 2 == 0)) for i, (_, t) in enumerate(texts[start:start + 6])]
        lines += ['{"id": 7, "text": "Perhaps.", "lang": "en"}', '{"text": "no id, perhaps"}', '{"id": "x", "text": 5}',
                  '[1, 2]', '{"id": "cut", "text": "unterminated', '', '   ', '{"id": "x", "text": "dup"}']
        data = "\n".join(lines[start % 5:] + lines[:start % 5]).encode("utf-8")
        write(os.path.join(SEEDS, "jsonl"), hashlib.sha1(data).hexdigest()[:16], data)
    for language in ["en", "zh", "fr", "de", "ja", "ru"]:
        with open(os.path.join(ROOT, "Sources", "SlantStance", "Resources", "lexicons", f"{language}.tsv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        for start in range(0, min(len(lines), 240), 40):
            data = "\n".join(lines[start:start + 40]).encode("utf-8")
            write(os.path.join(SEEDS, "lexicon"), hashlib.sha1(data).hexdigest()[:16], data)
    bad = ["hedge\tmaybe", "booster\tsurely\tx", "nonsense\tcue\t1.0", "hedge\t\t1.0", "hedge\tmay\t1.0\tnot-after=", "hedge\tmay\t1.0\tbogus=1",
           "attitude\tawful\t0\nhedge\tmight\t-1", "engagement\tnote that\t1.0\tforms=notes that|noted that only-before=#number"]
    for text in bad:
        data = text.encode("utf-8")
        write(os.path.join(SEEDS, "lexicon"), hashlib.sha1(data).hexdigest()[:16], data)
    for target in ["pipeline", "jsonl", "lexicon"]:
        print(f"{target}: {len(os.listdir(os.path.join(SEEDS, target)))} seeds")


if __name__ == "__main__":
    main()
