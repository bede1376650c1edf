#!/bin/sh
# Makes testdata/fixtures/whole-case/*.zip: complete variant cases whose
# per-document PDFs (testdata/variants/*-c.zip) are joined into one PDF,
# as case platforms export a case (docs/whole-case-files.md). Needs
# `pdfunite` (Debian package poppler-utils). Outputs are committed.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/testdata/fixtures/whole-case"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

for name in g3-hearing-c g5-withdrawn-c; do
  src="$root/testdata/variants/$name.zip"
  mkdir -p "$work/$name"
  # Members in archive order; every member of these archives is a PDF.
  unzip -Z1 "$src" | grep -v '/$' >"$work/$name.list"
  (cd "$work/$name" && unzip -q "$src")
  set --
  while IFS= read -r member; do set -- "$@" "$work/$name/$member"; done <"$work/$name.list"
  pdfunite "$@" "$work/案卷.pdf"
  rm -f "$out/$name-whole.zip"
  (cd "$work" && zip -q -X "$out/$name-whole.zip" 案卷.pdf)
  rm "$work/案卷.pdf"
done
ls -l "$out"
