#!/usr/bin/env bash
# After a build in build/: installs it into a temporary prefix and builds the
# .deb (cpack), then runs the installed and the unpacked packaged binary from
# another folder on testdata/, checking that each uses its own checklists,
# parse process and PDF module (cmake/install.cmake).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d) work=$(mktemp -d) deb=$(mktemp -d)
trap 'rm -rf "$tmp" "$work" "$deb"' EXIT

ok() { echo "check-install: ok: $*"; }
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }

# audit_with PREFIX: PREFIX/bin/auditor, run from $work, audits testdata/.
audit_with() {
  local p=$1 rc=0
  rm -f "$work/x.db" "$work/r.json"
  (cd "$work" && LD_DEBUG=files "$p/bin/auditor" audit "$repo/testdata" --db "$work/x.db" \
    --json "$work/r.json" --full >"$work/out" 2>"$work/err") || rc=$?
  # 1: testdata holds one rejected archive on purpose.
  [ "$rc" -le 1 ] || fail "$p/bin/auditor audit exited $rc"
  grep -q '"archive":' "$work/r.json" || fail "$p: no cases in the JSON"
  grep -q '"format": "pdf"' "$work/r.json" || fail "$p: no PDF document read"
  if grep -q 'PDF 读取组件无法加载' "$work/r.json"; then fail "$p: PDF module did not load"; fi
  if grep -q '文档解析进程无法启动' "$work/r.json"; then fail "$p: parse process did not start"; fi
  # The parse process (its loader's messages reach our stderr) is the
  # installed one, and it loads the installed PDF module.
  grep -q "needed by $p/lib/auditor/auditor_parse " "$work/err" ||
    fail "$p: parse process not started from $p/lib/auditor"
  grep -q "file=$p/lib/auditor/libauditor_pdf.so " "$work/err" ||
    fail "$p: PDF module not loaded from $p/lib/auditor"
  "$p/lib/auditor/auditor_parse" --probe "$repo/testdata/fixtures/decision.pdf" >"$work/probe" ||
    fail "$p/lib/auditor/auditor_parse --probe failed: $(cat "$work/probe")"
  grep -q 'format=pdf outcome=0 ok=1' "$work/probe" || fail "$p: probe read no PDF"
  (cd "$work" && "$p/bin/auditor" audit --help >"$work/help")
  grep -q "$p/share/auditor/checklists/general" "$work/help" ||
    fail "$p: default checklist not in $p/share/auditor"
  (cd "$work" && "$p/bin/auditor" rules >"$work/rules")
  grep -q '检查清单' <(head -3 "$work/rules") || fail "$p: rules printed no checklist"
  ok "$p/bin/auditor audited testdata (exit $rc) with its own checklists, parse process and PDF module"
}

cmake --install build --prefix "$tmp" >/dev/null
for f in bin/auditor lib/auditor/libauditor_pdf.so lib/auditor/auditor_parse share/auditor/checklists/general; do
  [ -e "$tmp/$f" ] || fail "$f not installed"
done
ls "$tmp"/share/man/man1/auditor.1* >/dev/null || fail "manpage not installed"
ok "cmake --install: bin/auditor, lib/auditor/{libauditor_pdf.so,auditor_parse}, share/auditor/checklists, man1/auditor.1"
audit_with "$tmp"

(cd build && cpack -G DEB >/dev/null)
pkg=$(ls -t build/auditor_*.deb | head -1)
dpkg-deb -c "$pkg" | awk '{print $6}' >"$work/list"
for f in ./usr/bin/auditor ./usr/lib/auditor/libauditor_pdf.so ./usr/lib/auditor/auditor_parse \
  ./usr/share/auditor/checklists/general/; do
  grep -qxF "$f" "$work/list" || fail "$pkg lacks $f"
done
ok "$pkg ($(stat -c %s "$pkg") bytes) holds the binary, the parse process, the PDF module and the checklists"
depends=$(dpkg-deb -I "$pkg" | grep '^ Depends:') || fail "$pkg has no Depends line"
ok "$pkg$depends"
dpkg-deb -x "$pkg" "$deb"
audit_with "$deb/usr"
