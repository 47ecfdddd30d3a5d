#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in build-fuzz/ and runs them on their seed corpora.
# Usage: scripts/fuzz.sh TARGET MINUTES     one long run; new inputs kept in build-fuzz/corpus/TARGET
#        scripts/fuzz.sh --smoke SECONDS    every target for SECONDS each; fails on any crash
#        scripts/fuzz.sh --list             the targets this tree builds
# A crash leaves its input in build-fuzz/artifacts/TARGET/; turn it into a test in tests/hostile/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

usage() {
    echo "usage: scripts/fuzz.sh TARGET MINUTES | --smoke SECONDS | --list" >&2
    exit 1
}
[ $# -ge 1 ] || usage
mode="$1"
case "$mode" in
--list) [ $# -eq 1 ] || usage ;;
*) [ $# -eq 2 ] && [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -gt 0 ] || usage ;;
esac

build_dir="${DOSSIER_FUZZ_BUILD_DIR:-$DOSSIER_ROOT/build-fuzz}"
dossier_install_dependencies >&2
# The libraries get coverage instrumentation (fuzzer-no-link) and the sanitizers; fuzz/CMakeLists.txt
# links each target with the fuzzer's main. Tests, GUI and benchmarks are not needed here.
sanitizers="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
CC=clang CXX=clang++ cmake -S "$DOSSIER_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDOSSIER_FUZZ=ON -DDOSSIER_BUILD_TESTS=OFF -DDOSSIER_BUILD_GUI=OFF -DDOSSIER_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="$sanitizers" >/dev/null
mapfile -t targets < <(grep -v '^$' "$build_dir/fuzz/fuzz_targets.txt")

if [ "$mode" = --list ]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$DOSSIER_ROOT/scripts/sanitizer/lsan.supp:print_suppressions=0"

# Runs one target for $2 seconds. New inputs go to $3 (first corpus dir, written by libFuzzer);
# the checked-in seeds are read only. Per-input limits: 20 s and 2 GiB, so a hang or a runaway
# allocation is a finding too.
run_target() {
    local target="$1" seconds="$2" work_corpus="$3"
    local seeds="$DOSSIER_ROOT/fuzz/corpus/$target" artifacts="$build_dir/artifacts/$target/"
    mkdir -p "$work_corpus" "$artifacts" "$seeds"
    echo "fuzz: $target for ${seconds}s (seeds: $(find "$seeds" -type f | wc -l))"
    "$build_dir/fuzz/$target" "$work_corpus" "$seeds" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2048 -max_len=1048576 -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$build_dir/artifacts/$target.log" 2>&1 || {
        echo "fuzz: $target FAILED; log: $build_dir/artifacts/$target.log" >&2
        grep -E "ERROR|SUMMARY|contract broken|Test unit written" "$build_dir/artifacts/$target.log" | head -20 >&2
        return 1
    }
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build_dir/artifacts/$target.log" |
        sed "s/^/fuzz: $target /"
}

if [ "$mode" = --smoke ]; then
    cmake --build "$build_dir" -j2 --target fuzz_all
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    failed=()
    for target in "${targets[@]}"; do
        run_target "$target" "$2" "$scratch/$target" || failed+=("$target")
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz: crashes in ${failed[*]}" >&2
        exit 1
    fi
    echo "fuzz: ${#targets[@]} targets, ${2}s each, no crash"
    exit 0
fi

target="$mode"
printf '%s\n' "${targets[@]}" | grep -qx "$target" || {
    echo "fuzz: unknown target '$target'; targets: ${targets[*]}" >&2
    exit 1
}
cmake --build "$build_dir" -j2 --target "$target"
run_target "$target" "$(($2 * 60))" "$build_dir/corpus/$target"
