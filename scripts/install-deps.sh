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
  catch2 libxlsxwriter-dev libreoffice-writer-nogui help2man dpkg-dev clang-format >/dev/null
