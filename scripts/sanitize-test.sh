#!/usr/bin/env bash
# Builds the project with AddressSanitizer + UBSan (-DAUDITOR_SANITIZE=ON) in
# build-asan/ and runs the whole test suite there; any sanitizer report fails
# the run. The end-to-end tests run the sanitized binary too.
#   scripts/sanitize-test.sh            build with nproc jobs, then ctest
#   JOBS=1 scripts/sanitize-test.sh     on a shared machine
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
start=$(date +%s)
# -O1 -g1: the sanitizers need no more, and it halves the build time.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  -DAUDITOR_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$JOBS"
built=$(date +%s)
# halt_on_error makes every UBSan report fatal (the build lets them recover).
export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
(cd build-asan && ctest --output-on-failure -j"$JOBS") || status=$?
end=$(date +%s)
echo "sanitize-test: build $((built - start)) s, tests $((end - built)) s, status $status"
exit "$status"
