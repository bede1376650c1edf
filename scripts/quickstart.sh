#!/usr/bin/env bash
# Fresh Debian 12 machine, as root: install, build, and audit the bundled
# testdata/ (prints the summary, writes build/testdata-result.json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# Exit status 1 means some archive was rejected: testdata has one on purpose.
rc=0
build/auditor audit testdata --db build/testdata.db --json build/testdata-result.json || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
echo "结果已写入 build/testdata-result.json"
