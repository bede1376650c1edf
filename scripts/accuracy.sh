#!/bin/sh
# Audits the variation corpus (testdata/variants) with build/auditor and writes precision
# and recall per rule kind to docs/accuracy.md (method: that file, section "Method").
# usage: scripts/accuracy.sh [auditor binary]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/auditor}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" audit "$root/testdata/variants" --db "$tmp/a.db" --json "$tmp/result.json" >/dev/null 2>"$tmp/err" || {
  status=$?
  # 1 = an archive was rejected: still a result to measure; anything else is an error.
  [ "$status" -eq 1 ] || { cat "$tmp/err" >&2; exit "$status"; }
}
python3 "$root/testdata/variants/generator/accuracy.py" "$tmp/result.json" \
  "$root/testdata/variants/expected.json" "$root/checklists/general" >"$root/docs/accuracy.md"
echo "docs/accuracy.md written" >&2
