#include "tests/cli_support.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include <unistd.h>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace auditor::test {

std::string sh_quote(const std::string& arg) {
  std::string out = "'";
  for (char ch : arg) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string fixture(const std::string& name) {
  const std::filesystem::path p =
      std::filesystem::path(AUDITOR_SOURCE_DIR) / "testdata/fixtures" / name;
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path = std::filesystem::temp_directory_path() /
         ("auditor-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

CliRun run_cli(const std::string& args, const std::filesystem::path& cwd) {
  TempDir capture;
  auto out = capture.path / "out", err = capture.path / "err";
  std::string cmd = "cd " + sh_quote(cwd.string()) + " && " + sh_quote(AUDITOR_BINARY) + " " +
                    args + " >" + sh_quote(out.string()) + " 2>" + sh_quote(err.string()) +
                    " </dev/null";
  int raw = std::system(cmd.c_str());
  CliRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

std::string query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  std::string value = sqlite3_column_type(stmt, 0) == SQLITE_NULL
                          ? "NULL"
                          : reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return value;
}

std::string libreoffice_convert(const std::filesystem::path& dir, const std::string& file,
                                const std::string& format) {
  TempDir home, out;
  const std::string cmd = "cd " + sh_quote(dir.string()) +
                          " && HOME=" + sh_quote(home.path.string()) +
                          " soffice --headless --convert-to " + sh_quote(format) + " --outdir " +
                          sh_quote(out.path.string()) + " " + sh_quote(file) + " >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return "";
  const std::string extension = "." + format.substr(0, format.find(':'));
  const std::filesystem::path made =
      out.path / std::filesystem::path(file).replace_extension(extension);
  std::error_code ec;
  return std::filesystem::exists(made, ec) ? read_file(made) : "";
}

}  // namespace auditor::test
