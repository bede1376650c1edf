#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
  cmake g++ make pkg-config ca-certificates \
  libboost-program-options-dev libpugixml-dev \
  libzip-dev zipcmp zipmerge ziptool libdeflate-dev \
  libsqlite3-dev sqlite3 libssl-dev libpoppler-cpp-dev nlohmann-json3-dev libseccomp-dev libargon2-dev libcpp-httplib-dev \
  catch2 libxlsxwriter-dev libreoffice-writer-nogui help2man dpkg-dev clang-format \
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim libgsf-1-dev imagemagick \
  chromium >/dev/null
# The browser tests (tests/browser/): playwright-core from npm, pinned by its
# package-lock, driving Debian's chromium. Node.js from Debian when missing.
if ! command -v npm >/dev/null; then
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
browser="$(dirname "$0")/../tests/browser"
if [ -f "$browser/package-lock.json" ]; then
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
