// Runs the real build/auditor binary for end-to-end tests.
#pragma once

#include <filesystem>
#include <string>

struct sqlite3;

namespace auditor::test {

struct CliRun {
  int status = -1;  // exit status
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `build/auditor <args>` (args already shell-quoted) in `cwd`.
CliRun run_cli(const std::string& args, const std::filesystem::path& cwd = ".");

// Quotes one argument for /bin/sh.
std::string sh_quote(const std::string& arg);

// A fresh empty directory, removed when the object goes away.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};

std::string read_file(const std::filesystem::path& p);
// The bytes of testdata/fixtures/<name>; fails the test when it cannot be read.
std::string fixture(const std::string& name);
// The single value `sql` yields on `db` as text; "NULL" for an SQL NULL.
// Fails the test when the query yields no row.
std::string query(sqlite3* db, const std::string& sql);
void write_file(const std::filesystem::path& p, const std::string& bytes);

// LibreOffice (soffice on PATH, its own profile) converts dir/file to
// `format` ("pdf", "txt:Text") and returns the converted file's bytes; empty
// when it could not (soffice exits 0 even when it cannot load the file).
std::string libreoffice_convert(const std::filesystem::path& dir, const std::string& file,
                                const std::string& format);

}  // namespace auditor::test
