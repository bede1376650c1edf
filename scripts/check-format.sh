#!/usr/bin/env bash
# Fails when a C++ file of the project is not as .clang-format formats it
# (clang-format 14, Debian 12's). To fix: clang-format -i FILE...
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard '*.cc' '*.h')
if ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "format: the files above differ from .clang-format (clang-format -i FILE)" >&2
  exit 1
fi
echo "format: ${#files[@]} files as .clang-format formats them"
