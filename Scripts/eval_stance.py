#!/usr/bin/env python3
"""Measure Slant's stance scorer against ../shared/eval/stance (when present), and against its own fixtures.

    python3 Scripts/eval_stance.py uncertainty [--pack]   sentence uncertainty F1 (bio, wiki, reviews, zhbio, zhwiki, wikiconll)
    python3 Scripts/eval_stance.py bias [--pack]          biased/neutral pair accuracy from document subjectivity
    python3 Scripts/eval_stance.py fixtures               per-category F1 per language on Tests/SlantStanceTests/Fixtures
    python3 Scripts/eval_stance.py holdout                the same on Tests/SlantStanceTests/Holdout (written blind)
    python3 Scripts/eval_stance.py all [--pack]

A sentence is uncertain when Slant marks a `hedge` in it (for the genuine CoNLL wiki sample, a `hedge` or an
`attribution`, the notion of that set's labels). `--pack` adds domain packs built from each set's TRAIN split
only (see pack_for): candidate hedges (cue strings annotated in train, the same with one or two words around
them, shipped entries of other categories) are added and shipped entries are removed by precision thresholds
chosen by 5-fold cross-validation over the train documents. The cross-validation runs on what Slant itself
marks: every candidate is scored by Slant on train as an entry of its own, so the pack behaves on train as the
selection predicted (the script prints on how many train sentences it does not). The CoNLL wiki sample has no
train split: with --pack its first half (ids sorted) builds the pack and its second half is scored. Packs and
the temporary candidate lexicons are written to $TMPDIR and never into the project: the data is for research
evaluation only. For the bias pairs, `--pack` adds NPOV attitude packs from WNC's train pairs (see npov_pack),
and every pair is scored out of fold: the train pairs fold by fold with a pack from the other folds, the dev and
test pairs with a pack from all train pairs. Uses the release build of slant (`swift build -c release`). Without ../shared/eval the script
says so and only the fixtures task runs.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

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


OPTION_KEYS = ("forms", "case", "not-after", "not-before", "only-before", "not-final", "not-capitalized-inside",
               "not-near-number", "inside-words", "negation")
NOT_MARKERS = ("negator", "scope-break")
# annotated cues are also candidates with this many words (characters in Chinese and Japanese) before and after
CONTEXTS = [(1, 0), (0, 1), (2, 0), (0, 2), (1, 1)]


def lexicon_listing(slant, code):
    """The shipped entries of a language: {(category, cue): (weight, its options as a lexicon line writes them)}."""
    proc = subprocess.run([slant, "lexicon", "--lang", code], capture_output=True, text=True)
    split = re.compile(r" (?=(?:%s)=)" % "|".join(map(re.escape, OPTION_KEYS)))
    entries = {}
    for line in proc.stdout.splitlines():
        p = line.split("\t")
        if len(p) < 4:
            continue
        options = p[4].strip() if len(p) > 5 else ""
        # the listing shows spaces inside values; a lexicon line writes them as `_`
        entries[(p[1], p[2])] = (p[3], " ".join(o.replace(" ", "_") for o in split.split(options) if "=" in o))
    return entries


def folded(text):
    """Lower case without accents and width differences, to find which rows may hold a cue."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def markers_on(rows, lang, a, pack_lines=None, tag="run", only=None):
    """Scores rows with the shipped lexicons (and a temporary pack of `pack_lines`); returns per row its markers
    as (category, entry, start, end), offsets in code points of the row's text. With `only` (row indices), the
    other rows are not scored and get no markers."""
    extra = []
    if pack_lines is not None:
        path = os.path.join(WORK, f"{lang.split('-')[0]}.{tag}.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(line + "\n" for line in pack_lines))
        extra = ["--lexicon", path]
    out = score([{"id": str(i), "text": r["text"], "lang": lang} for i, r in enumerate(rows) if only is None or i in only],
                a.slant, extra)
    result = []
    for i, r in enumerate(rows):
        markers = [m for s in out.get(str(i), {}).get("sentences", []) for m in s.get("markers", [])]
        data = unicodedata.normalize("NFC", r["text"]).encode("utf-8") if markers else b""
        result.append([(m["category"], m["entry"], len(data[: m["start"]].decode("utf-8", "ignore")),
                        len(data[: m["end"]].decode("utf-8", "ignore"))) for m in markers])
    return result


def conflict_layers(strings_of, cjk):
    """Splits candidate cues into layers in which no cue can hide another (one inside the other, or the end of
    one overlapping the start of the other), so each layer can be matched by Slant in one run with every cue
    firing wherever it would fire alone."""
    def units(s):
        return tuple(s) if cjk else tuple(s.split())

    inside = collections.defaultdict(set)  # a run of words (characters) of a placed cue: the cues with it
    starts = collections.defaultdict(set)  # a proper start of a placed cue
    ends = collections.defaultdict(set)  # a proper end of a placed cue
    whole = collections.defaultdict(set)
    layers, layer_of = [], {}
    forms = {c: [units(s) for s in strings] for c, strings in strings_of.items()}
    for c in sorted(forms, key=lambda c: (-max(map(len, forms[c])), c)):
        near = set()
        for f in forms[c]:
            near |= inside[f]  # c inside a placed cue (cues are placed longest first)
            for i in range(len(f)):
                for j in range(i + 1, len(f) + 1):
                    near |= whole[f[i:j]]
            for k in range(1, len(f)):
                near |= starts[f[-k:]] | ends[f[:k]]
        taken = {layer_of[d] for d in near}
        k = next(k for k in range(len(layers) + 1) if k not in taken)
        if k == len(layers):
            layers.append([])
        layers[k].append(c)
        layer_of[c] = k
        for f in forms[c]:
            whole[f].add(c)
            for i in range(len(f)):
                for j in range(i + 1, len(f) + 1):
                    inside[f[i:j]].add(c)
            for k in range(1, len(f)):
                starts[f[:k]].add(c)
                ends[f[-k:]].add(c)
    return layers


def pack_for(name, train_rows, lang, counted, a):
    """A domain pack from TRAIN rows, selected by 5-fold cross-validation over the TRAIN documents on what Slant
    itself marks.

    Units: the shipped entries of the counted categories (kept, or removed with weight 0); the shipped entries of
    other categories that a negator turns into a hedge ("not clear"; kept, or given negation=keep); candidate
    hedges: each cue string annotated in train, also with one or two words (in Chinese and Japanese, characters)
    before or after it as it occurs in train (`could be`, `potential role`), in Chinese and Japanese with and
    without `inside-words=yes`, and the shipped entries of the other categories re-entered as hedges with their
    forms and conditions. Without cue annotation, the candidates are the words of uncertain sentences.

    Slant scores train once with the shipped lexicons and then once per variant and layer of candidates, each
    candidate its own entry and no shipped entry a hedge. In a layer no candidate can hide another (see
    conflict_layers), so every unit's firings per sentence are Slant's own: its tokenization, conditions, and
    longer cues of other categories hiding a cue. A sentence is predicted uncertain when a kept unit fires in it,
    so the cross-validation combines the firings exactly. Each fold's selection sees the other four folds only: a
    candidate is added when its uses reach a minimum and its precision (uses per sentence it fires in) a
    threshold, where a use is a sentence in which it covers an annotated cue, or overlaps one, or which is
    uncertain (the basis is cross-validated too); of a cue's variants that pass, the one firing most is added.
    A shipped unit that fired at least a minimum number of times is removed when its precision is under another
    threshold. The thresholds and bases with the best pooled F1 are then applied to all of train.

    Returns the pack's path, the numbers of added and removed units, the best (F1, add key, drop key), and the
    number of train sentences on which Slant with the pack differs from the prediction the selection assumed."""
    code = lang.split("-")[0]
    cjk = code in ("zh", "ja")
    n = len(train_rows)
    labels = [bool(r["uncertain"]) for r in train_rows]
    spans = [[(c["start"], c["end"]) for c in r.get("cues") or []] for r in train_rows]
    has_cues = any(spans)
    docs = [r.get("doc") or r["id"] for r in train_rows]
    doc_ids = {d: i for i, d in enumerate(sorted(set(docs)))}
    fold = [doc_ids[d] % 5 for d in docs]
    listing = lexicon_listing(a.slant, code)
    counted_entries = [(c, e) for (c, e) in listing if c in counted]

    def on_cue(i, start, end):
        """2 when the marker covers an annotated cue, 1 when it only overlaps one (`indicate` inside the annotated
        `indicate that`), 0 otherwise."""
        return max([2 if start <= s and e <= end else 1 for s, e in spans[i] if start < e and s < end], default=0)

    # unit -> {row where it fires: 2 covering an annotated cue, 1 overlapping one, 0 elsewhere}
    fires = collections.defaultdict(dict)
    always = set()  # rows where a counted marker fires that no pack line can remove
    # entries of other categories that a negator turns into a hedge ("not clear"); a pack line with
    # negation=keep stops that
    flipping = {e: (c, w, o) for (c, e), (w, o) in listing.items() if c not in counted and "negation=flip" in o.split()}
    for i, ms in enumerate(markers_on(train_rows, lang, a, tag="shipped")):
        for cat, entry, s, e in ms:
            if cat not in counted:
                continue
            if (cat, entry) in listing:
                unit = ("shipped", cat, entry)
            elif entry in flipping:
                unit = ("flipped", flipping[entry][0], entry)
            else:
                always.add(i)
                continue
            fires[unit][i] = max(fires[unit].get(i, 0), on_cue(i, s, e))

    def removal(unit):
        """The pack line that removes a shipped unit."""
        kind, cat, entry = unit
        if kind == "flipped":
            _, weight, options = flipping[entry]
            return f"{cat}\t{entry}\t{weight}\t" + " ".join("negation=keep" if o == "negation=flip" else o for o in options.split())
        return f"{cat}\t{entry}\t0"

    # candidates: {cue: [(variant, options, strings it matches)]}
    if has_cues:
        strings = {" ".join(c["text"].lower().split()) for r in train_rows for c in r.get("cues") or []}
    else:  # no cue annotation: every word of an uncertain sentence is a candidate cue
        strings = {w for r, l in zip(train_rows, labels) if l for w in re.findall(r"\w+(?:'\w+)?", r["text"].lower())}
    variants = collections.defaultdict(list)
    for cue in sorted(strings):
        if not cue or "\t" in cue or cue.startswith("#"):
            continue
        if cjk:
            variants[cue].append(("inside", "inside-words=yes", [cue]))
        variants[cue].append(("start" if cjk else "plain", "", [cue]))
    if has_cues:  # an annotated cue with words (characters, in Chinese and Japanese) around it
        contexts = set()
        for r in train_rows:
            text = r["text"].lower()
            for c in r.get("cues") or []:
                cue = " ".join(c["text"].lower().split())
                if cjk:
                    after = re.match(r"[\u4e00-\u9fff]*", text[c["end"]:]).group()
                    before = re.search(r"[\u4e00-\u9fff]*$", text[: c["start"]]).group()[::-1]
                    joined = ""
                else:
                    after = re.match(r"(?:\s+\w+\b)*", text[c["end"]:]).group().split()
                    before = re.search(r"(?:\b\w+\s+)*$", text[: c["start"]]).group().split()[::-1]
                    joined = " "
                for nb, na in CONTEXTS:
                    if len(before) >= nb and len(after) >= na:
                        contexts.add(joined.join([*before[:nb][::-1], cue, *after[:na]]))
        for cue in sorted(contexts - strings):
            if "\t" not in cue and not cue.startswith("#"):
                variants[cue].append(("context", "inside-words=yes" if cjk else "", [cue]))
    for (cat, entry), (_, options) in listing.items():
        if cat in counted or cat in NOT_MARKERS or ("hedge", entry) in listing:
            continue
        kept = [o for o in options.split() if not o.startswith("negation=")]
        forms = [f.replace("_", " ") for o in kept if o.startswith("forms=") for f in o[6:].split("|")]
        variants[entry].append((f"as-{cat}", " ".join(kept), [entry] + forms))
    groups = collections.defaultdict(dict)
    for cue, vs in variants.items():
        for v, options, matched in vs:
            groups[v][cue] = (options, matched)
    # in the candidate runs, no shipped entry is a hedge (or another counted category)
    removed_all = [f"{c}\t{e}\t0" for c, e in counted_entries] + [removal(("flipped", c, e)) for e, (c, _, _) in flipping.items()]
    texts = [folded(r["text"]) for r in train_rows]
    words = [set(re.findall(r"\w+", t)) for t in texts]
    for v, members in sorted(groups.items()):
        for k, layer in enumerate(conflict_layers({c: m for c, (_, m) in members.items()}, cjk)):
            lines = removed_all + [f"hedge\t{c}\t1.0" + (f"\t{members[c][0]}" if members[c][0] else "") for c in layer]
            in_layer = set(layer)
            # the rows that may hold a cue of the layer: the others are not scored
            needles = {folded(x) for c in layer for x in members[c][1]}
            if cjk:
                finder = re.compile("|".join(map(re.escape, sorted(needles, key=len, reverse=True))))
                only = {i for i, t in enumerate(texts) if finder.search(t)}
            else:  # a cue matches whole words, so the row has its longest word
                longest = {max(re.findall(r"\w+", x) or [""], key=len) for x in needles}
                only = set(range(n)) if "" in longest else {i for i, t in enumerate(words) if t & longest}
            for i, ms in enumerate(markers_on(train_rows, lang, a, lines, tag=f"candidates-{v}-{k}", only=only)):
                for cat, entry, s, e in ms:
                    if cat == "hedge" and entry in in_layer:
                        unit = ("candidate", entry, v)
                        fires[unit][i] = max(fires[unit].get(i, 0), on_cue(i, s, e))

    # per unit and fold: sentences fired, uncertain sentences fired, sentences fired covering an annotated cue,
    # sentences fired on an annotated cue (covering or overlapping)
    position = [0] * n
    sizes = [0] * 5
    for i in range(n):
        position[i] = sizes[fold[i]]
        sizes[fold[i]] += 1
    gold = [0] * 5
    base = [0] * 5
    for i in range(n):
        gold[fold[i]] |= labels[i] << position[i]
        if i in always:
            base[fold[i]] |= 1 << position[i]
    stats, masks = {}, {}
    for unit, rows in fires.items():
        st = [[0, 0, 0, 0] for _ in range(5)]
        mk = [0] * 5
        for i, on in rows.items():
            f = fold[i]
            st[f][0] += 1
            st[f][1] += labels[i]
            st[f][2] += on == 2
            st[f][3] += on > 0
            mk[f] |= 1 << position[i]
        if unit[0] == "candidate" and not sum(s[1] for s in st):
            continue  # never in an uncertain sentence: never selected
        stats[unit], masks[unit] = st, mk
    by_cue = collections.defaultdict(list)
    for unit in stats:
        if unit[0] == "candidate":
            by_cue[unit[1]].append(unit)
    shipped = [u for u in stats if u[0] in ("shipped", "flipped")]

    summed = {u: [[sum(s[j] for f, s in enumerate(st) if f != held) for j in range(4)] for held in range(5)] +
              [[sum(s[j] for s in st) for j in range(4)]] for u, st in stats.items()}
    basis_index = {"uncertain": 1, "covers": 2, "overlaps": 3}

    def totals(unit, held):
        """[fired, uncertain, covering an annotated cue, on an annotated cue] in the rows of all folds but `held`."""
        return summed[unit][5 if held is None else held]

    def select_candidates(held, basis, min_uses, min_precision):
        """{cue: the candidate unit added for it}: of the cue's variants that pass, the one firing most."""
        chosen = {}
        for cue, units in by_cue.items():
            best = None
            for u in units:
                t = totals(u, held)
                fired_n, uses = t[0], t[basis_index[basis]]
                if fired_n and uses >= min_uses and uses / fired_n >= min_precision and (best is None or fired_n > best[0]):
                    best = (fired_n, u)
            if best:
                chosen[cue] = best[1]
        return chosen

    def select_removed(held, basis, drop_below, min_fired):
        """The shipped units fired at least `min_fired` times whose precision is under `drop_below`."""
        removed = set()
        for u in shipped:
            t = totals(u, held)
            if t[0] >= min_fired and t[basis_index[basis]] / t[0] < drop_below:
                removed.add(u)
        return removed

    def combine(chosen, removed):
        """A candidate whose cue is a kept shipped hedge is not added: its line would replace that entry."""
        return [u for cue, u in chosen.items() if ("shipped", "hedge", cue) not in stats or ("shipped", "hedge", cue) in removed]

    bases = ("covers", "overlaps", "uncertain") if has_cues else ("uncertain",)
    add_grid = [(b, m, p / 20) for b in bases for m in (1, 2, 3, 5, 10) for p in range(1, 20)]
    drop_grid = [(b, d / 20, mf) for b in bases for d in range(1, 21) for mf in (1, 3, 5)] + [(bases[0], 0.0, 1), (bases[0], 1.01, 1)]

    def f1_of(tp, fp, fn):
        return 2 * tp / max(1, 2 * tp + fp + fn)

    pooled = collections.defaultdict(lambda: [0, 0])  # (add key, drop key): [true positives, predicted]
    for held in range(5):
        adds = {}  # add key: (mask of the candidates of cues no shipped hedge has, {shipped hedge unit: mask})
        for key in add_grid:
            m, headed = 0, {}
            for cue, u in select_candidates(held, *key).items():
                if ("shipped", "hedge", cue) in stats:
                    headed[("shipped", "hedge", cue)] = masks[u][held]
                else:
                    m |= masks[u][held]
            adds[key] = (m, headed)
        keeps = {}
        for key in drop_grid:
            removed = select_removed(held, *key)
            m = base[held]
            for u in shipped:
                if u not in removed:
                    m |= masks[u][held]
            keeps[key] = (m, removed)
        g = gold[held]
        for ka, (ma, headed) in adds.items():
            for kd, (md, removed) in keeps.items():
                p = ma | md
                for u, mh in headed.items():
                    if u in removed:
                        p |= mh
                counts = pooled[ka, kd]
                counts[0] += bin(p & g).count("1")
                counts[1] += bin(p).count("1")
    total_gold = sum(labels)
    scored = []
    for ka in add_grid:
        for kd in drop_grid:
            tp, pred = pooled[ka, kd]
            scored.append((f1_of(tp, pred - tp, total_gold - tp), ka, kd))
    best = max(scored, key=lambda s: s[0])
    _, add_key, drop_key = best
    basis, min_uses, min_precision = add_key
    drop_basis, drop_below, min_fired = drop_key
    removed = select_removed(None, *drop_key)
    added = combine(select_candidates(None, *add_key), removed)

    path = os.path.join(WORK, f"{code}.{name}.tsv")
    options_of = {(cue, v): options for v, members in groups.items() for cue, (options, _) in members.items()}
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# domain pack built by Scripts/eval_stance.py from a TRAIN split; cross-validated: candidates with "
                f"{basis} uses>={min_uses} and precision>={min_precision}; shipped entries fired {min_fired}+ times "
                f"removed under {drop_basis} precision {drop_below}\n")
        for unit in sorted(removed):
            f.write(removal(unit) + "\n")
        for _, cue, v in sorted(added):
            options = options_of[cue, v]
            f.write(f"hedge\t{cue}\t1.0" + (f"\t{options}" if options else "") + "\n")

    # check: Slant with the pack on train against the prediction the selection assumed
    expected = set(always)
    for u in added + [u for u in shipped if u not in removed]:
        expected.update(fires[u])
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    real = {i for i, ms in enumerate(markers_on(train_rows, lang, a, lines, tag="check")) if any(m[0] in counted for m in ms)}
    return path, len(added), len(removed), best, len(real ^ expected)


def uncertainty(a):
    lines = []
    for name, (eval_file, lang, train, counted) in SETS.items():
        path = os.path.join(STANCE, "data", "uncertainty", eval_file)
        if not os.path.exists(path):
            continue
        rows = read_jsonl(path)
        extra = []
        if a.pack and name == "wikiconll":
            # No train split: the first half of the sample (ids sorted) builds the pack, the second half is scored.
            ordered = sorted(rows, key=lambda r: r["id"])
            rows, train_rows = ordered[len(ordered) // 2:], ordered[: len(ordered) // 2]
            half = os.path.join(WORK, "wikiconll_second_half.jsonl")
            with open(half, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            path = half
        elif a.pack and train:
            train_rows = read_jsonl(os.path.join(STANCE, "data", "uncertainty", train))
        else:
            train_rows = None
        if a.pack and train_rows:
            pack, added, removed, best, differ = pack_for(name, train_rows, lang, counted, a)
            extra = ["--lexicon", pack]
            print(f"{name}: pack adds {added} cues, removes {removed} shipped entries (CV F1 on train {best[0]:.3f}; "
                  f"Slant with the pack differs from the selection's prediction on {differ} of {len(train_rows)} train sentences)")
        out = score([{"id": r["id"], "text": r["text"], "lang": lang} for r in rows], a.slant, extra)
        preds = os.path.join(WORK, f"pred_{name}.jsonl")
        with open(preds, "w") as f:
            for r in rows:
                f.write(json.dumps({"id": r["id"], "uncertain": bool(categories_of(out.get(r["id"], {})) & counted)}) + "\n")
        res = subprocess.run([sys.executable, os.path.join(STANCE, "scripts", "score_sentences.py"), "--gold", path, "--pred", preds],
                             capture_output=True, text=True)
        out_lines = res.stdout.strip().splitlines()
        print(out_lines[-2] if len(out_lines) > 1 else res.stdout.strip())
        lines.append(out_lines[-1] + ("  (second half of the sample)" if a.pack and name == "wikiconll" else ""))
        sys.stdout.flush()
    print("\n".join(lines))


SUBJECTIVE = ("attitude", "booster", "self_mention", "engagement")
WORD = re.compile(r"[^\W\d_][\w'-]+")
# NPOV pack choices, by cross-validation on the train pairs: (fewest pairs whose biased twin holds the word more
# often, least share of such pairs among those where one twin holds it more often)
PACK_GRID = [(m, p) for m in (1, 2, 3, 5) for p in (0.5, 0.67, 0.8, 1.0)]
FOLDS = 5


def twin_words(pair):
    """The words (three letters or more) a pair's biased twin holds more often than its neutral twin, and the
    words the neutral twin holds more often."""
    def words(text):
        return collections.Counter(w for w in text.lower().split() if WORD.fullmatch(w) and len(w) > 2)
    b, n = words(pair["biased"]), words(pair["neutral"])
    return {w for w in b if b[w] > n[w]}, {w for w in n if n[w] > b[w]}


def npov_words(train_pairs, shipped, fewest, share):
    """Words NPOV edits take out: in at least `fewest` train pairs more often in the biased twin, and in at least
    `share` of the pairs where one twin holds the word more often; words the shipped lexicon has are left to it."""
    more_biased, more_neutral = collections.Counter(), collections.Counter()
    for pair in train_pairs:
        b, n = twin_words(pair)
        more_biased.update(b)
        more_neutral.update(n)
    return sorted(w for w, c in more_biased.items()
                  if c >= fewest and c / (c + more_neutral[w]) >= share and w not in shipped)


def subjectivity(weight, units):
    return weight / (weight + max(units, 1)) if weight > 0 else 0


def won(biased, neutral):
    return 1 if biased > neutral else 0.5 if biased == neutral else 0


def simulated_accuracy(pairs, words, shipped_scores):
    """Pair accuracy (ties as half) if every occurrence of `words` were an attitude marker of weight 1, added to
    what the shipped lexicons mark: the quick estimate cross-validation chooses with."""
    chosen = set(words)
    total = 0
    for pair in pairs:
        scores = []
        for twin in ("b", "n"):
            weight, units = shipped_scores[pair["id"] + ":" + twin]
            extra = sum(1 for w in pair["biased" if twin == "b" else "neutral"].lower().split() if w in chosen)
            scores.append(subjectivity(weight + extra, units))
        total += won(*scores)
    return total / max(len(pairs), 1)


def folds_of(pairs):
    return [[r for i, r in enumerate(pairs) if i % FOLDS == k] for k in range(FOLDS)]


def npov_pack(train_pairs, shipped, shipped_scores, lang, tag):
    """An attitude pack from train pairs only, its two thresholds chosen by 5-fold cross-validation on them."""
    folds = folds_of(train_pairs)

    def cv(choice):
        return sum(simulated_accuracy(folds[k], npov_words([r for j in range(FOLDS) if j != k for r in folds[j]], shipped, *choice),
                                      shipped_scores) for k in range(FOLDS)) / FOLDS
    best = max(PACK_GRID, key=cv)
    words = npov_words(train_pairs, shipped, *best)
    path = os.path.join(WORK, f"{lang}.npov.{tag}.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# NPOV pack built by Scripts/eval_stance.py from {len(train_pairs)} WNC train pairs only "
                f"(at least {best[0]} pairs, share {best[1]})\n")
        for w in words:
            f.write(f"attitude\t{w}\t1.0\n")
    return path, len(words), best


def pair_records(pairs, lang):
    return [{"id": r["id"] + ":" + t, "text": r["biased" if t == "b" else "neutral"], "lang": lang} for r in pairs for t in "bn"]


def pair_scores(pairs, out):
    """{pair id: (biased subjectivity, neutral subjectivity)} from `slant score` records."""
    def subj(key):
        return out.get(key, {}).get("profile", {}).get("subjectivity", 0)
    return {r["id"]: (subj(r["id"] + ":b"), subj(r["id"] + ":n")) for r in pairs}


def bias(a):
    for lang in ("en", "fr"):
        path = os.path.join(STANCE, "data", "bias", f"wnc_{lang}_pairs.jsonl")
        if not os.path.exists(path):
            continue
        rows = read_jsonl(path)
        out = score(pair_records(rows, lang), a.slant)
        scored = pair_scores(rows, out)
        if a.pack:
            # Every pair is scored with a pack that never saw it: the train pairs fold by fold, each with a pack
            # from the other folds, and the dev/test pairs with a pack from all train pairs.
            shipped = {folded(cue) for _, cue in lexicon_listing(a.slant, lang)}
            shipped_scores = {k: (sum(v["profile"]["weights"][c] for c in SUBJECTIVE), v["profile"]["sentence_units"])
                              for k, v in out.items()}
            train_pairs = [r for r in rows if r["source_split"] == "train"]
            held = [r for r in rows if r["source_split"] != "train"]
            folds = folds_of(train_pairs)
            parts = [(f"fold{k + 1}", folds[k], [r for j in range(FOLDS) if j != k for r in folds[j]]) for k in range(FOLDS)]
            parts.append(("all", held, train_pairs))
            for tag, scored_pairs, built_from in parts:
                pack, n, best = npov_pack(built_from, shipped, shipped_scores, lang, tag)
                print(f"{lang}: pack {tag}: {n} words from {len(built_from)} train pairs (at least {best[0]} pairs, "
                      f"share {best[1]}), scoring {len(scored_pairs)} other pairs")
                scored.update(pair_scores(scored_pairs, score(pair_records(scored_pairs, lang), a.slant, ["--lexicon", pack])))
            print(f"{lang}: the pack from all train pairs: {pack}")
        preds = os.path.join(WORK, f"pairs_{lang}.jsonl")
        with open(preds, "w") as f:
            for r in rows:
                b, n = scored[r["id"]]
                f.write(json.dumps({"id": r["id"], "biased_score": b, "neutral_score": n}) + "\n")
        res = subprocess.run([sys.executable, os.path.join(STANCE, "scripts", "score_sentences.py"), "--gold", path, "--pred", preds],
                             capture_output=True, text=True)
        print(f"## {lang}{' with NPOV packs, each pair scored out of fold' if a.pack else ''}\n" + res.stdout.strip())
        # The same figure (ties as half) per source split: Scripts/bias_baselines_by_split.py gives the baselines'.
        for split in (True, False):
            chosen = [scored[r["id"]] for r in rows if (r["source_split"] == "train") == split]
            print(f"{lang}   {'train' if split else 'not train'} pairs: ties_as_half={sum(won(*p) for p in chosen) / len(chosen):.3f} "
                  f"n={len(chosen)}")


def holdout(a):
    """The holdout set: sentences written by other hands, without seeing the lexicons (not asserted by tests)."""
    fixtures(a, os.path.join(ROOT, "Tests", "SlantStanceTests", "Holdout"))


def fixtures(a, folder=None):
    folder = folder or os.path.join(ROOT, "Tests", "SlantStanceTests", "Fixtures")
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
    ap.add_argument("task", choices=["uncertainty", "bias", "fixtures", "holdout", "all"])
    ap.add_argument("--pack", action="store_true", help="add domain packs built from the train splits")
    ap.add_argument("--slant", default=os.path.join(ROOT, ".build", "release", "slant"))
    a = ap.parse_args()
    if not os.path.exists(a.slant):
        raise SystemExit(f"no slant binary at {a.slant}: run `swift build -c release` first")
    tasks = ["uncertainty", "bias", "fixtures", "holdout"] if a.task == "all" else [a.task]
    for t in tasks:
        if t not in ("fixtures", "holdout") and not os.path.isdir(STANCE):
            print(f"eval_stance: {STANCE} is absent; the shared evaluation data is needed for '{t}'.")
            continue
        print(f"## {t}", flush=True)
        globals()[t](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
