#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang and runs them one at a time,
# niced, one job each. See fuzz/README.md.
#
#   scripts/fuzz.sh                 build, then run every target 600 s
#   scripts/fuzz.sh docx ofd        only these targets
#   FUZZ_SECONDS=60 scripts/fuzz.sh build and run each for 60 s
#   FUZZ_SECONDS=0 scripts/fuzz.sh  build and seed only
#
# Prerequisites (Debian 12, as root): clang-14 and libclang-rt-14-dev (the
# libFuzzer runtime). They are installed here when missing, not by
# scripts/install-deps.sh: the normal build does not need them.
# Output: build-fuzz/corpus/<target>/ (the grown corpus), build-fuzz/logs/
# <target>.log (libFuzzer's log with the final stats), crashes in
# build-fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build-fuzz
SECONDS_PER_TARGET=${FUZZ_SECONDS:-600}
ALL_TARGETS=(zip_reader manifest docx ofd pdf checklist facts doc)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")

if ! command -v clang++ >/dev/null ||
   ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends clang-14 libclang-rt-14-dev >/dev/null
fi
CXX=$(command -v clang++ || command -v clang++-14)

CXX=$CXX cmake -S fuzz -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
nice -n 19 cmake --build "$BUILD" -j1 --target "${TARGETS[@]/%/_fuzzer}" >/dev/null

# Seeds: the project's own fixtures and the real OFD samples, read in place.
seed() {  # target files...
  local dir=$BUILD/corpus/$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -n "$f" "$dir/" || true; done
}
REALDATA=$ROOT/../shared/realdata
shopt -s nullglob
seed zip_reader testdata/*.zip testdata/fixtures/*.docx "$REALDATA"/ofd/*.ofd
seed manifest fuzz/seeds/manifest/*
seed docx testdata/fixtures/*.docx
seed ofd "$REALDATA"/ofd/*.ofd
# Stored (uncompressed) copies of the package seeds let mutations reach the XML.
stored_copies() {  # target seeds...
  command -v python3 >/dev/null || return 0
  python3 - "$BUILD/corpus/$1" "${@:2}" <<'PY'
import pathlib, sys, zipfile
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    src = pathlib.Path(name)
    try:
        with zipfile.ZipFile(src) as z, zipfile.ZipFile(out / ("stored-" + src.name), "w") as dst:
            for info in z.infolist():
                dst.writestr(info.filename, z.read(info), zipfile.ZIP_STORED)
    except (OSError, zipfile.BadZipFile):
        pass
PY
}
stored_copies docx testdata/fixtures/*.docx
stored_copies ofd "$REALDATA"/ofd/*.ofd
seed pdf testdata/fixtures/*.pdf
seed facts fuzz/seeds/facts/*
# Legacy Word seeds: the fixtures saved as .doc by LibreOffice, when it is there.
if command -v soffice >/dev/null; then
  mkdir -p "$BUILD/corpus/doc"
  HOME=$BUILD/lo-home soffice --headless --convert-to doc --outdir "$BUILD/corpus/doc" \
    testdata/fixtures/*.docx >/dev/null 2>&1 || true
fi
mkdir -p "$BUILD/corpus/checklist"
# One input = the data files of a checklist folder joined by NUL bytes.
( for f in checklists/general/*.xml; do cat "$f"; printf '\0'; done ) \
  >"$BUILD/corpus/checklist/general.bin"

for t in "${TARGETS[@]}"; do
  [ "$SECONDS_PER_TARGET" -gt 0 ] || break
  dict=()
  case $t in manifest | checklist) dict=(-dict="$ROOT/fuzz/xml.dict") ;; esac
  mkdir -p "$BUILD/artifacts/$t" "$BUILD/logs"
  echo "fuzzing $t for $SECONDS_PER_TARGET s (log: $BUILD/logs/$t.log)"
  # With -jobs the job's output goes to fuzz-0.log in its working dir; the
  # launcher copies it into the log when the job ends.
  work=$BUILD/work/$t
  rm -rf "$work" && mkdir -p "$work"
  status=0
  (cd "$work" && nice -n 19 "$BUILD/${t}_fuzzer" "$BUILD/corpus/$t" "${dict[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -jobs=1 -workers=1 \
    -artifact_prefix="$BUILD/artifacts/$t/") >"$BUILD/logs/$t.log" 2>&1 || status=$?
  grep -aE '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|ERROR:|SUMMARY:' \
    "$BUILD/logs/$t.log" | tail -4 || true
  [ "$status" -eq 0 ] || echo "$t: fuzzer stopped with status $status (see the log)"
done
