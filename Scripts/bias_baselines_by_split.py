#!/usr/bin/env python3
"""The WNC bias-pair baselines of ../shared/eval/stance, split by each pair's `source_split`.

    python3 Scripts/bias_baselines_by_split.py          (Recasens lexicon counts: no extra packages)
    V/bin/python Scripts/bias_baselines_by_split.py     (also TextBlob and VADER, from a venv with
                                                          ../shared/eval/stance/requirements.txt installed)

Recasens et al.'s bias lexicon was drawn from Wikipedia NPOV edits, the same source as WNC's train pairs, so a
baseline built on it may be read against the pairs outside WNC's train split too. Pair accuracy counts ties as
half, as `score_sentences.py` does. Slant's own figures per split come from `eval_stance.py bias`.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STANCE = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "stance"))


def main():
    if not os.path.isdir(STANCE):
        raise SystemExit(f"{STANCE} is absent: the shared evaluation data is needed for this script")
    sys.path.insert(0, os.path.join(STANCE, "scripts"))
    import baselines as shared  # the shared scorer's own matcher and list reader

    lexicons = os.path.join(STANCE, "lexicons", "recasens2013")
    names = sorted(f for f in os.listdir(lexicons) if f.endswith(".txt") and "berant" not in f)
    every = [shared.Matcher(shared.read_list(os.path.join(lexicons, f))) for f in names]
    npov = shared.Matcher(shared.read_list(os.path.join(lexicons, "bias_lexicon_npov.txt")))

    def count(matcher, text):
        return sum(1 for _ in matcher.rx.finditer(text.lower())) if matcher.rx else 0

    scorers = {"recasens_npov": lambda t: count(npov, t), "recasens_all": lambda t: sum(count(m, t) for m in every)}
    try:
        from textblob import TextBlob
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
        scorers["textblob"] = lambda t: TextBlob(t).sentiment.subjectivity
        scorers["vader"] = lambda t: abs(vader.polarity_scores(t)["compound"])
    except ImportError:
        print("(TextBlob and VADER are not installed here: their rows are left out)")
    for lang in ("en", "fr"):
        with open(os.path.join(STANCE, "data", "bias", f"wnc_{lang}_pairs.jsonl"), encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        for split in ("train", "not train", "all"):
            chosen = [r for r in rows if split == "all" or (r["source_split"] == "train") == (split == "train")]
            figures = []
            for name, score in scorers.items():
                won = 0.0
                for r in chosen:
                    b, n = score(r["biased"]), score(r["neutral"])
                    won += 1 if b > n else 0.5 if b == n else 0
                figures.append(f"{name}={won / len(chosen):.3f}")
            print(f"{lang} {split:<9} n={len(chosen):<5} " + " ".join(figures))


if __name__ == "__main__":
    main()
