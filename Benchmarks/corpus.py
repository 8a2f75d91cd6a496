"""Deterministic benchmark inputs built from the project's own Corpus/ (no ../shared needed).

Every generator draws paragraphs of Corpus/ with a fixed seed, so the same arguments give the same bytes.
"""
import glob
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def paragraphs():
    """The paragraphs of every Corpus/ file, in a fixed order."""
    out = []
    for name in sorted(glob.glob(os.path.join(ROOT, "Corpus", "*", "*"))):
        with open(name, encoding="utf-8") as f:
            out += [p for p in f.read().split("\n\n") if p.strip()]
    return out


def single_document(mb, path, seed=29):
    """One plain-text document of `mb` megabytes: paragraphs drawn with a fixed seed, blank-line separated."""
    pool = paragraphs()
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        size = 0
        first = True
        while size < mb * 1_000_000:
            p = rng.choice(pool)
            if not first:
                f.write("\n\n")
            f.write(p)
            size += len(p.encode("utf-8")) + 2
            first = False


def jsonl_documents(mb, path, seed=29, paragraphs_per_document=(3, 12)):
    """A JSON Lines stream of `mb` megabytes of text, one {"id","text"} object per document of 3-12
    paragraphs; returns the number of documents."""
    pool = paragraphs()
    rng = random.Random(seed)
    count = 0
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < mb * 1_000_000:
            text = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(*paragraphs_per_document)))
            f.write(json.dumps({"id": f"doc-{count:07d}", "text": text}, ensure_ascii=False) + "\n")
            size += len(text.encode("utf-8"))
            count += 1
    return count


def english_sentences(count, path, seed=29):
    """One document of `count` sentences drawn with a fixed seed from Corpus/en (sentences of 6+ words, no
    Markdown lines), joined by spaces: the summarizer's growth benchmark."""
    pool = []
    for name in sorted(glob.glob(os.path.join(ROOT, "Corpus", "en", "*"))):
        with open(name, encoding="utf-8") as f:
            text = f.read()
        pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 6 and not s.startswith(("#", "|", "-", "`"))]
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write(" ".join(rng.choice(pool) for _ in range(count)))
