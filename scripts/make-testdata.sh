#!/usr/bin/env bash
# Rebuilds the generated case archives testdata/*.zip from the generator in
# testdata/generator/ (what each archive carries: testdata/README.md). The
# output is byte-for-byte reproducible, so after a run `git status testdata/`
# shows a change only when the generator changed. The archives are committed:
# tests never run the generator.
# Environment: BUILD_DIR (default build), JOBS (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${JOBS:-$(nproc)}" --target make_testdata
"$build/make_testdata" testdata
