#!/usr/bin/env python3
"""Pathological inputs finish in time linear in their size (issue 8, limits).

    python3 Scripts/pathological_inputs.py [--slant .build/release/slant] [--scale 1.0]

Each case is built at a quarter size and at full size (10 MB of one repeated character, 10 MB without spaces
or sentence ends, 1 million one-character lines, 10 MB of Chinese with a cue every two characters, block
quotes nested a million deep, lists nested a thousand deep, a million unclosed emphasis/link/HTML openers,
and a lexicon of 100,000 entries). The quarter size is timed as the median of three runs and the full size
once; a case passes when both runs succeed, the annotation is complete (its marker appendix or its end is
there), and full/quarter time stays under 8 (linear is 4; quadratic would be 16). Prints one line per case
and "pathological: N passed, M failed"; exits 1 if any failed. Inputs are generated, deterministic, and
deleted afterwards.
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1_000_000


def repeated_character(size):
    return "a" * size


def no_spaces(size):
    return "abcdefghij" * (size // 10)


def one_character_lines(size):
    return "x\n" * (size // 2)


def chinese_cues(size):
    return "可能" * (size // 6)


def nested_quotes(size):
    return ">" * size + " Deep text. Perhaps more text.\n"


def nested_lists(size):
    """List items nested a thousand deep, level after level, repeated up to the size."""
    lines, total, level = [], 0, 0
    while total < size:
        line = "  " * level + f"- item {level}. It is perhaps fine.\n"
        lines.append(line)
        total += len(line)
        level = (level + 1) % 1000
    return "".join(lines)


def unclosed_openers(size):
    third = size // 3
    return "*" * third + "\n" + "[" * third + "\n" + "<" * third + "\n"


CASES = [
    ("one repeated character", "repeated.txt", repeated_character, 10 * MB),
    ("no spaces or sentence ends", "nospace.txt", no_spaces, 10 * MB),
    ("one-character lines", "lines.txt", one_character_lines, 2 * MB),
    ("Chinese, a cue every two characters", "chinese.txt", chinese_cues, 10 * MB),
    ("block quotes nested a character per level", "quotes.md", nested_quotes, 1 * MB),
    ("lists nested a thousand deep", "lists.md", nested_lists, 2 * MB),
    ("unclosed emphasis, links and HTML", "openers.md", unclosed_openers, 6 * MB),
]


def lexicon(entries):
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    rows = []
    for _ in range(entries):
        words = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(rng.randint(1, 4)))
        rows.append(f"{rng.choice(['hedge', 'booster', 'attitude'])}\t{words}\t0.5\n")
    return "".join(rows)


def escaped_json_line(size):
    """One JSON Lines record whose text is a line feed, written `\\n`, every 20 bytes."""
    return json.dumps({"id": "escapes", "text": "Line of text here.\n" * (size // 20)}) + "\n"


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        times.append(time.monotonic() - start)
        if result.returncode != 0:
            return None, result.stderr.decode(errors="replace").strip().splitlines()[-1:]
    return statistics.median(times), []


def verdict(title, seconds, problems):
    """Prints one case's line from its (quarter, full) times and problems; True when it passed."""
    ratio = seconds[1] / max(seconds[0], 1e-3)
    ok = not problems and ratio < 8
    print(f"pathological: {'ok  ' if ok else 'FAIL'} {title}: full {seconds[1]:.2f} s, "
          f"quarter {seconds[0]:.2f} s, ratio {ratio:.1f} {' '.join(problems)}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--slant", default=".build/release/slant")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.25 for a quick run)")
    a = ap.parse_args()
    if not os.access(a.slant, os.X_OK):
        print(f"pathological: {a.slant} is missing; build it with `swift build -c release`")
        return 1
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Corpus")
    work = tempfile.mkdtemp(prefix="slant-pathological-")
    passed = failed = 0
    try:
        for title, name, build, size in CASES:
            size = int(size * a.scale)
            seconds = []
            problems = []
            for label, share, runs in (("quarter", 4, 3), ("full", 1, 1)):
                folder = os.path.join(work, f"{label}-{name}")
                os.makedirs(os.path.join(folder, "in"))
                with open(os.path.join(folder, "in", name), "w", encoding="utf-8") as f:
                    f.write(build(size // share))
                out = os.path.join(folder, "out")
                t, errors = timed([a.slant, "annotate", os.path.join(folder, "in"), "--output", out, "--force", "--quiet"], runs)
                problems += errors
                # A Markdown input keeps its name; a text input gets ".md" added.
                annotation = os.path.join(out, name if name.endswith(".md") else name + ".md")
                if t is None or not os.path.exists(annotation):
                    problems.append(f"{label}: no annotation")
                seconds.append(t or 0)
                shutil.rmtree(os.path.join(folder, "in"))
            ok = verdict(f"{title}, {size / MB:.1f} MB", seconds, problems)
            passed, failed = passed + ok, failed + (not ok)
        seconds = []
        problems = []
        for entries, runs in ((25_000, 3), (100_000, 1)):
            path = os.path.join(work, f"lexicon-{entries}", "en.tsv")
            os.makedirs(os.path.dirname(path))
            with open(path, "w", encoding="utf-8") as f:
                f.write(lexicon(int(entries * a.scale)))
            t, errors = timed([a.slant, "score", "--lexicon", path, "--quiet", corpus], runs)
            problems += errors
            seconds.append(t or 0)
        ok = verdict(f"a lexicon of {int(100_000 * a.scale)} entries", seconds, problems)
        passed, failed = passed + ok, failed + (not ok)
        # JSON Lines: one long record full of escapes (the reader once copied its text at every escape).
        size = int(6 * MB * a.scale)
        seconds = []
        problems = []
        for share, runs in ((4, 3), (1, 1)):
            path = os.path.join(work, f"escapes-{share}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(escaped_json_line(size // share))
            t, errors = timed([a.slant, "segment", "--input", "jsonl", path, "--no-tokens", "--quiet"], runs)
            problems += errors
            seconds.append(t or 0)
        ok = verdict(f"a JSON Lines record of {size / MB:.1f} MB with an escape every 20 bytes", seconds, problems)
        passed, failed = passed + ok, failed + (not ok)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"pathological: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
