#!/usr/bin/env bash
# One clang tree for the sanitizer test run and the fuzz targets, so CI compiles the project once
# for both (sourced by scripts/test.sh --sanitize and scripts/fuzz.sh; needs scripts/setup.sh first).
#   dossier_configure_sanitized BUILD_DIR    configure BUILD_DIR (build-asan/ by default in the scripts)
#   dossier_sanitizer_environment            export the ASan/UBSan/LSan options both scripts run with
# Every object gets ASan + UBSan (DOSSIER_SANITIZE) and libFuzzer's coverage hooks
# (-fsanitize=fuzzer-no-link): the test executables link only the sanitizer runtimes, which carry
# no-op coverage callbacks, and the fuzz executables link libFuzzer's main (fuzz/CMakeLists.txt) and
# so see coverage of the libraries they call, not only of their own file.
# -O1 -gline-tables-only: the optimisation level sanitizer runs are usually made at, and line
# tables are all a report's stack needs; full -O2 -g costs much more compile time on a 2-core box.
# DOSSIER_WERROR: a clang warning fails the build, as a g++ one fails scripts/test.sh's build.

dossier_configure_sanitized() {
    local build_dir="$1"
    shift
    CC=clang CXX=clang++ cmake -S "$DOSSIER_ROOT" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DDOSSIER_SANITIZE=ON -DDOSSIER_FUZZ=ON -DDOSSIER_BUILD_BENCH=OFF -DDOSSIER_WERROR=ON \
        -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" "$@" >/dev/null
}

dossier_sanitizer_environment() {
    local sanitizer_dir="$DOSSIER_ROOT/scripts/sanitizer"
    # Any report fails the program that produced it: leaks included, UB stops at the first finding.
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export LSAN_OPTIONS="suppressions=$sanitizer_dir/lsan.supp:print_suppressions=0"
}
