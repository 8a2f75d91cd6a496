#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ with AddressSanitizer and coverage, and runs each for SECONDS.
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]      (default: 60 seconds; targets pipeline, jsonl, lexicon)
#   Scripts/fuzz.sh 0                          (replay: run every seed and every saved regression once)
#
# Each target starts from the committed seeds (Fuzz/Seeds/TARGET) plus what earlier runs found
# (Fuzz/.corpus/TARGET, not committed). A crash or broken property stops the target, and its input is saved as
# Fuzz/crashes/TARGET-crash-*; the script then exits 1. Before fixing a crash, copy its input to
# Fuzz/Regressions/TARGET/ under a name that says what broke (replayed by CI), and add a unit test.
# Needs libcmark-dev (the CommonMark parser that judges "no raw HTML").
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pipeline jsonl lexicon)

if [ ! -f /usr/include/cmark.h ]; then
    echo "fuzz.sh: libcmark-dev is missing; install it with: sudo apt-get install libcmark-dev" >&2
    exit 1
fi
swift_bin=$(dirname "$(readlink -f "$(command -v swift)")")
libfuzzer=$(find "$swift_bin/../lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
if [ -z "$libfuzzer" ]; then
    echo "fuzz.sh: libclang_rt.fuzzer_no_main-x86_64.a is not in this Swift toolchain" >&2
    exit 1
fi

coverage=edge,trace-cmp,indirect-calls,inline-8bit-counters,pc-table
swift build --package-path Fuzz -c release \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=$coverage \
    -Xcc -fsanitize=address -Xcc -fsanitize-coverage=$coverage \
    -Xlinker "$libfuzzer" -Xlinker -lstdc++
bin=$(swift build --package-path Fuzz -c release --show-bin-path)

if [ "$seconds" = 0 ]; then
    for target in "${targets[@]}"; do
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 timeout -s KILL 600 \
            "$bin/fuzz-$target" -runs=0 -max_len=1000000 "Fuzz/Seeds/$target" "Fuzz/Regressions/$target" > "Fuzz/.last-$target.log" 2>&1 || {
            echo "fuzz.sh: replaying $target's seeds and regressions failed:" >&2
            tail -30 "Fuzz/.last-$target.log" >&2
            exit 1
        }
        echo "fuzz.sh: $target: $(find "Fuzz/Seeds/$target" "Fuzz/Regressions/$target" -type f ! -name .keep | wc -l) seeds and regressions pass"
    done
    exit 0
fi

mkdir -p Fuzz/crashes
status=0
printf '| target | seconds | executions | exec/s | corpus | crashes |\n|---|---:|---:|---:|---:|---:|\n' > Fuzz/.last-run.md
for target in "${targets[@]}"; do
    mkdir -p "Fuzz/.corpus/$target"
    log="Fuzz/.last-$target.log"
    # ASan's leak check is off (Foundation and ICU keep caches for the life of the process), and so is
    # Swift's backtracer, which trips ASan when it reads the crashed process.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 timeout -s KILL $((seconds + 300)) \
        "$bin/fuzz-$target" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="Fuzz/crashes/$target-" \
        "Fuzz/.corpus/$target" "Fuzz/Seeds/$target" > "$log" 2>&1 || status=1
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    corpus=$(find "Fuzz/.corpus/$target" -type f | wc -l)
    crashes=$(find Fuzz/crashes -name "$target-*" -type f | wc -l)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$target" "$seconds" "$runs" "$rate" "$corpus" "$crashes" >> Fuzz/.last-run.md
    if [ "$crashes" -gt 0 ]; then
        status=1
        echo "fuzz.sh: $target found a problem; see $log and Fuzz/crashes/" >&2
        grep -E -A12 'Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer' "$log" | head -30 >&2 || true
    fi
done
cat Fuzz/.last-run.md
exit $status
