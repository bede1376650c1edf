#!/usr/bin/env bash
# Fails when a project include runs against the layer edges
# (docs/architecture.md). Each layer may include itself and the layers listed
# for it; tests/, bench/, fuzz/ and testdata/generator/ may include anything.
#
#   layer           may include
#   util            (nothing of the project)
#   auditor         util                                   (the domain)
#   importers       util auditor
#   store           util auditor
#   reports         util auditor
#   app             util auditor importers store reports
#   server          util auditor reports app server   (auditor serve: HTTP)
#   auditor/cli     util auditor reports app server
#
# Also: <sqlite3.h> only in store/; store/store_internal.h and
# store/statement.h only in store/ (and tests/, bench/).
set -uo pipefail
cd "$(dirname "$0")/.."

allowed() {  # layer -> allowed include prefixes
  case "$1" in
    util) echo "util/" ;;
    auditor) echo "util/ auditor/" ;;
    importers) echo "util/ auditor/ importers/" ;;
    store) echo "util/ auditor/ store/" ;;
    reports) echo "util/ auditor/ reports/" ;;
    app) echo "util/ auditor/ importers/ store/ reports/ app/" ;;
    server) echo "util/ auditor/ reports/ app/ server/" ;;
    cli) echo "util/ auditor/ reports/ app/ server/" ;;
  esac
}

layer_of() {  # file -> layer
  case "$1" in
    auditor/cli/*) echo cli ;;
    util/* | auditor/* | importers/* | store/* | reports/* | app/* | server/*) echo "${1%%/*}" ;;
  esac
}

bad=0
while IFS= read -r file; do
  layer=$(layer_of "$file")
  [ -n "$layer" ] || continue
  while IFS=: read -r line inc; do
    target=${inc#*\"}
    target=${target%%\"*}
    # Only project headers: a path with a folder of the project.
    case "$target" in
      util/* | auditor/* | importers/* | store/* | reports/* | app/* | server/*) ;;
      *) continue ;;
    esac
    ok=0
    for prefix in $(allowed "$layer"); do
      case "$target" in "$prefix"*) ok=1 ;; esac
    done
    # The domain must not reach the command line, which lives under auditor/.
    if [ "$layer" != cli ] && [[ "$target" == auditor/cli/* ]]; then ok=0; fi
    if [ "$layer" != store ] && [[ "$target" == store/store_internal.h || "$target" == store/statement.h ]]; then ok=0; fi
    if [ "$ok" = 0 ]; then
      echo "$file:$line: layer '$layer' may not include \"$target\"" >&2
      bad=1
    fi
  done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" | sed 's/:/:/')
  if [ "$layer" != store ] && grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<sqlite3\.h>' "$file"; then
    echo "$file: <sqlite3.h> belongs to store/ only" >&2
    bad=1
  fi
done < <(git ls-files -co --exclude-standard -- 'util/*' 'auditor/*' 'importers/*' 'store/*' 'reports/*' 'app/*' 'server/*' | grep -E '\.(h|cc|in)$')

if [ "$bad" = 0 ]; then echo "layers: every include follows the edges (docs/architecture.md)"; fi
exit "$bad"
