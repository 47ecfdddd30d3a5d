#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs them on their seed corpora. They live in
# the sanitizer tree build-asan/ (scripts/sanitizer/configure.sh), so CI compiles once for the
# sanitizer tests and the fuzzers; DOSSIER_FUZZ_BUILD_DIR picks another tree (e.g. build-fuzz/ for a
# long campaign that must not see rebuilds).
# Usage: scripts/fuzz.sh TARGET MINUTES     one long run; new inputs kept in BUILD/fuzz-corpus/TARGET
#        scripts/fuzz.sh --smoke SECONDS    every target for SECONDS each; fails on any crash
#        scripts/fuzz.sh --list             the targets this tree builds
# A crash leaves its input in BUILD/fuzz-artifacts/TARGET/; it becomes a regression test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$DOSSIER_ROOT/scripts/sanitizer/configure.sh"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$DOSSIER_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"

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

build_dir="${DOSSIER_FUZZ_BUILD_DIR:-$DOSSIER_ROOT/build-asan}"
dossier_install_dependencies >&2
dossier_configure_sanitized "$build_dir"
mapfile -t targets < <(grep -v '^$' "$build_dir/fuzz/fuzz_targets.txt")

if [ "$mode" = --list ]; then
    printf '%s\n' "${targets[@]}"
    exit 0
fi

dossier_sanitizer_environment

# Structure-aware fuzzing of the XML and JSON readers: a dictionary of the format's markup
# (fuzz/dict/) lets libFuzzer insert whole tags, attributes and keys, so mutations keep building
# well-formed documents that reach the readers' logic instead of dying in the parser.
dictionary_for() {
    case "$1" in
    fuzz_tei_importer | fuzz_authority_file) echo "$DOSSIER_ROOT/fuzz/dict/tei.dict" ;;
    fuzz_html_importer) echo "$DOSSIER_ROOT/fuzz/dict/html.dict" ;;
    fuzz_view_spec) echo "$DOSSIER_ROOT/fuzz/dict/view_spec.dict" ;;
    esac
}

# Runs one target for $2 seconds. New inputs go to $3 (first corpus dir, written by libFuzzer);
# the checked-in seeds are read only. Per-input limits: 20 s and 2 GiB, so a hang or a runaway
# allocation is a finding too.
run_target() {
    local target="$1" seconds="$2" work_corpus="$3"
    local seeds="$DOSSIER_ROOT/fuzz/corpus/$target" artifacts="$build_dir/fuzz-artifacts/$target/"
    mkdir -p "$work_corpus" "$artifacts" "$seeds"
    local dictionary options=()
    dictionary="$(dictionary_for "$target")"
    [ -z "$dictionary" ] || options+=(-dict="$dictionary")
    echo "fuzz: $target for ${seconds}s (seeds: $(find "$seeds" -type f | wc -l))${dictionary:+, dictionary $(basename "$dictionary")}"
    "$build_dir/fuzz/$target" "$work_corpus" "$seeds" "${options[@]}" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2048 -max_len=1048576 -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$build_dir/fuzz-artifacts/$target.log" 2>&1 || {
        echo "fuzz: $target FAILED; log: $build_dir/fuzz-artifacts/$target.log" >&2
        grep -E "ERROR|SUMMARY|contract broken|Test unit written" "$build_dir/fuzz-artifacts/$target.log" | head -20 >&2
        return 1
    }
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build_dir/fuzz-artifacts/$target.log" |
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
run_target "$target" "$(($2 * 60))" "$build_dir/fuzz-corpus/$target"
