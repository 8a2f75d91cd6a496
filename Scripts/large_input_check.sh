#!/usr/bin/env bash
# The 100 MB input check (issue: bad input that must be handled): builds the release binary, writes a
# deterministic 100 MB plain-text document from Corpus/ paragraphs, annotates it, and checks that the run
# succeeds, writes a complete annotation (the appendix is there) and stays under 3 GiB of memory.
# Prints "large-input: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product slant >/dev/null || { echo "large-input: 0 passed, 1 failed (build)"; exit 1; }
python3 - "$work/in/big.txt" <<'PY'
import os, sys
sys.path.insert(0, "Benchmarks")
import corpus
os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)
corpus.single_document(100, sys.argv[1])
PY
passed=0
failed=0
start=$(date +%s)
if /usr/bin/time -f "%M" -o "$work/rss" timeout 600 .build/release/slant annotate "$work/in" --output "$work/out" --quiet; then
    passed=$((passed + 1))
else
    echo "large-input: annotate failed"
    failed=$((failed + 1))
fi
seconds=$(( $(date +%s) - start ))
if [ -f "$work/out/big.txt.md" ] && tail -c 2000 "$work/out/big.txt.md" | grep -q '^| [0-9]* | [0-9]* |'; then
    passed=$((passed + 1))
else
    echo "large-input: the annotation is missing or incomplete"
    failed=$((failed + 1))
fi
rss=$(cat "$work/rss" 2>/dev/null || echo 0)
if [ "${rss:-0}" -gt 0 ] && [ "$rss" -lt 3145728 ]; then
    passed=$((passed + 1))
else
    echo "large-input: peak memory ${rss} KB is over 3 GiB"
    failed=$((failed + 1))
fi
echo "large-input: 100 MB annotated in ${seconds} s, peak ${rss} KB"
echo "large-input: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
