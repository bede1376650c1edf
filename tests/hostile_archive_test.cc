// Hostile and damaged case archives, end to end: one batch folder holding an
// archive per attack plus good archives, audited by the real binary. Each
// attack must end as a rejected archive or an import finding with a precise
// Chinese reason, the good archives must still be audited, nothing may be
// written outside the database and JSON paths, and memory stays bounded.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "importers/import.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;
using testing::make_raw_zip;
using testing::make_zip;
using testing::Member;
using testing::RawMember;

const fs::path kSource = AUDITOR_SOURCE_DIR;
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxRssKb = 1024 * 1024;  // ASan's shadow memory and quarantine
#else
constexpr long kMaxRssKb = 512 * 1024;
#endif

struct Measured {
  int status = -1;
  long max_rss_kb = 0;  // peak resident set of the child, from wait4()
};

// Runs the binary with `args` (no shell) in `cwd`, output to `log`, and
// measures the child's own peak RSS.
Measured run_measured(const std::vector<std::string>& args, const fs::path& cwd,
                      const fs::path& log) {
  std::vector<std::string> argv{AUDITOR_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (std::string& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  std::fflush(nullptr);  // the child must not repeat buffered test output
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || chdir(cwd.c_str()) != 0) _exit(127);
    dup2(fd, 1);
    dup2(fd, 2);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  Measured m;
  int raw = 0;
  rusage usage{};
  if (pid > 0 && wait4(pid, &raw, 0, &usage) == pid) {
    m.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    m.max_rss_kb = usage.ru_maxrss;
  }
  return m;
}

// Every regular file below `dir`, relative.
std::set<std::string> files_below(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).generic_string());
  return out;
}

std::string fixture(const char* name) {
  const std::string bytes = read_file(kSource / "testdata" / "fixtures" / name);
  REQUIRE_FALSE(bytes.empty());
  return bytes;
}

// A small good case archive: the DOCX and PDF decision fixtures.
std::string good_archive() {
  return make_zip({Member("05决定/行政处罚决定书.docx", fixture("decision.docx")),
                   Member("05决定/行政处罚决定书.pdf", fixture("decision.pdf"))});
}

// 100,000 empty stored members, written directly (no libzip): fast. More
// than 65,535 entries need the zip64 end records.
std::string hundred_thousand_entries() {
  std::vector<RawMember> members;
  members.reserve(100000);
  for (int i = 0; i < 100000; ++i) members.emplace_back("e" + std::to_string(i));
  testing::RawArchive zip64;
  zip64.zip64 = true;
  return make_raw_zip(members, zip64);
}

// One archive per attack, with what the JSON must say about it.
struct Attack {
  std::string file;
  std::string bytes;
  bool rejected;                       // else audited with import findings
  std::vector<std::string> reasons;    // each in the error or some import finding
  std::vector<std::string> documents;  // members that must still be read
};

std::vector<Attack> attacks(const std::string& evil) {
  const std::string docx = fixture("decision.docx");
  const std::string good = good_archive();
  std::vector<Attack> out;
  out.push_back({"traversal.zip",
                 make_zip({Member("../../" + evil, "owned"), Member("/tmp/" + evil, "owned"),
                           Member("..\\..\\" + evil, "owned"), Member("决定书.docx", docx)}),
                 false,
                 {"文件名含“..”路径", "文件名是绝对路径"},
                 {"决定书.docx"}});
  Member link("link-to-passwd", "/etc/passwd");
  link.symlink = true;
  out.push_back({"symlink.zip",
                 make_zip({link, Member("决定书.docx", docx)}),
                 false,
                 {"成员是符号链接"},
                 {"决定书.docx"}});
  out.push_back(
      {"ratio-bomb.zip",
       make_zip({Member("bomb.xml", std::string(20 << 20, '\0')), Member("决定书.docx", docx)}),
       false,
       {"疑似压缩炸弹"},
       {"决定书.docx"}});
  RawMember alias("alias.docx");
  alias.alias_of = 0;
  out.push_back(
      {"overlap.zip", make_raw_zip({RawMember("a.docx", docx), alias}), true, {"相互重叠"}, {}});
  RawMember shrunk("shrunk.txt", std::string(4096, 'x'));
  shrunk.declared_size = 10;
  RawMember inflated("inflated.txt", "short");
  inflated.declared_size = 100000;
  out.push_back({"lying-sizes.zip",
                 make_raw_zip({shrunk, inflated, RawMember("决定书.docx", docx)}),
                 false,
                 {"声明大小不实", "少于声明的"},
                 {"决定书.docx"}});
  const std::string level2 = make_zip({Member("深层.docx", docx)});
  const std::string level1 = make_zip({Member("inner.zip", level2), Member("中层.docx", docx)});
  out.push_back({"nested.zip",
                 make_zip({Member("outer.zip", level1), Member("决定书.docx", docx)}),
                 false,
                 {"嵌套层数超过上限"},
                 {"决定书.docx", "outer.zip/中层.docx"}});
  out.push_back({"100k-entries.zip",
                 hundred_thousand_entries(),
                 true,
                 {"包含 100000 个条目，超过上限 20000 个"},
                 {}});
  out.push_back({"duplicates.zip",
                 make_raw_zip({RawMember("决定书.docx", docx), RawMember("决定书.docx", "second"),
                               RawMember("other.txt", "x")}),
                 false,
                 {"同名"},
                 {"决定书.docx"}});
  Member locked("告知书.docx", docx);
  locked.password = "secret";
  out.push_back({"encrypted.zip",
                 make_zip({locked, Member("决定书.docx", docx)}),
                 false,
                 {"成员已加密"},
                 {"决定书.docx"}});
  out.push_back(
      {"truncated.zip", good.substr(0, good.size() / 2), true, {"压缩包已截断或损坏"}, {}});
  out.push_back({"empty.zip", "", true, {"文件为空"}, {}});
  out.push_back(
      {"no-entries.zip", make_raw_zip({}), true, {"压缩包中没有可识别的文书，不是案卷"}, {}});
  out.push_back({"system-files-only.zip",
                 make_raw_zip({RawMember("__MACOSX/._决定书.docx", "x"),
                               RawMember("Thumbs.db", "x"), RawMember("案卷/.DS_Store", "x")}),
                 true,
                 {"压缩包中没有可识别的文书，不是案卷"},
                 {}});
  out.push_back(
      {"not-a-zip.zip", "这不是压缩包，只是一段文字。\n", true, {"不是有效的 ZIP 压缩包"}, {}});
  out.push_back(
      {"undecodable-name.zip",
       make_raw_zip({RawMember("\xff\xfe\xff.docx", docx), RawMember("决定书.docx", docx)}),
       false,
       {"文件名既不是 UTF-8 也不是 GBK/GB18030 编码"},
       {"决定书.docx"}});
  return out;
}

const nlohmann::json* case_for(const nlohmann::json& result, const std::string& file) {
  for (const auto& c : result["cases"])
    if (fs::path(c["archive"].get<std::string>()).filename() == file) return &c;
  return nullptr;
}

// The error of a rejected case, or its import findings, joined.
std::string reasons_of(const nlohmann::json& c) {
  std::string all = c["error"].is_string() ? c["error"].get<std::string>() : "";
  for (const auto& f : c["findings"])
    if (f["kind"] == "import") all += "\n" + f["message"].get<std::string>();
  return all;
}

bool has_document(const nlohmann::json& c, const std::string& path) {
  for (const auto& d : c["documents"])
    if (d["path"] == path) return true;
  return false;
}

TEST_CASE(
    "a batch of hostile archives is audited: each attack rejected or reported, the rest "
    "audited, nothing written outside, memory bounded",
    "[hostile]") {
  TempDir dir;
  const fs::path batch = dir.path / "batch", work = dir.path / "work";
  fs::create_directories(batch);
  fs::create_directories(work);
  std::mt19937_64 rng(std::random_device{}());
  const std::string evil = "evil-" + std::to_string(rng()) + ".txt";
  const std::vector<Attack> all = attacks(evil);
  for (const Attack& a : all) write_file(batch / a.file, a.bytes);
  write_file(batch / "good-small.zip", good_archive());
  std::vector<std::string> good{"good-small.zip"};
  for (const char* name : {"01-complete-structured.zip", "02-complete-bare-gbk.zip"}) {
    if (!fs::exists(kSource / "testdata" / name)) continue;
    fs::copy_file(kSource / "testdata" / name, batch / name);
    good.push_back(name);
  }
  const std::set<std::string> before = files_below(dir.path);

  const Measured run = run_measured({"audit", batch.string(), "--db", "x.db", "--json", "r.json"},
                                    work, dir.path / "log.txt");
  INFO(read_file(dir.path / "log.txt"));
  CHECK(run.status == 1);  // some archives were rejected
  INFO("peak RSS " << run.max_rss_kb << " KB");
  CHECK(run.max_rss_kb > 0);
  CHECK(run.max_rss_kb < kMaxRssKb);

  const nlohmann::json result = nlohmann::json::parse(read_file(work / "r.json"));
  CHECK(result["summary"]["archives"] == all.size() + good.size());
  for (const Attack& a : all) {
    INFO(a.file);
    const nlohmann::json* c = case_for(result, a.file);
    REQUIRE(c != nullptr);
    CHECK((*c)["status"] == (a.rejected ? "rejected" : "audited"));
    const std::string reasons = reasons_of(*c);
    INFO(reasons);
    for (const std::string& why : a.reasons) CHECK(reasons.find(why) != std::string::npos);
    for (const std::string& doc : a.documents) CHECK(has_document(*c, doc));
  }
  for (const std::string& name : good) {
    INFO(name);
    const nlohmann::json* c = case_for(result, name);
    REQUIRE(c != nullptr);
    CHECK((*c)["status"] == "audited");
    CHECK_FALSE((*c)["documents"].empty());
    CHECK((*c)["score"].is_number());
  }

  // Only the database (with its WAL side files and lock) and the JSON appeared.
  std::set<std::string> added;
  for (const std::string& f : files_below(dir.path))
    if (!before.count(f)) added.insert(f);
  added.erase("log.txt");
  for (const std::string& f : added) {
    INFO(f);
    CHECK((f == "work/r.json" || f.rfind("work/x.db", 0) == 0));
  }
  for (const fs::path& p :
       {dir.path / evil, dir.path.parent_path() / evil, batch / evil,
        work.parent_path().parent_path() / evil, fs::path("/tmp") / evil, fs::path("/") / evil})
    CHECK_FALSE(fs::exists(p));
}

TEST_CASE("an archive with no document is rejected as not a case file", "[hostile]") {
  Member folder("案卷/");
  folder.directory = true;
  Member stage("案卷/03告知/");
  stage.directory = true;
  const std::vector<std::pair<std::string, std::string>> empty = {
      {"no entries", make_raw_zip({})},
      {"folders only", make_zip({folder, stage})},
      {"system files only",
       make_zip({Member("__MACOSX/案卷/._告知书.docx", "mac"), Member("案卷/Thumbs.db", "thumbs"),
                 Member(".DS_Store", "ds"), Member("案卷/desktop.ini", "[.ShellClassInfo]")})},
      {"a manifest only", make_zip({Member("manifest.xml", "<manifest/>")})}};
  for (const auto& [what, zip] : empty) {
    INFO(what);
    const Case c = import_archive_bytes("x.zip", zip, ImportOptions{});
    CHECK(c.rejected);
    CHECK_THAT(c.error, Catch::StartsWith("压缩包中没有可识别的文书，不是案卷"));
    CHECK(c.documents.empty());
  }
  // A real document beside the system files is a case file.
  const Case ok = import_archive_bytes("ok.zip",
                                       make_zip({Member("__MACOSX/._决定书.docx", "mac"),
                                                 Member("决定书.docx", fixture("decision.docx"))}),
                                       ImportOptions{});
  CHECK_FALSE(ok.rejected);
  CHECK(ok.documents.size() == 2);
}

TEST_CASE("a second member with the same name is reported, never merged into the first",
          "[hostile]") {
  const std::string docx = fixture("decision.docx");
  const std::string zip =
      make_raw_zip({RawMember("决定书.docx", docx), RawMember("决定书.docx", "another body")});
  const Case c = import_archive_bytes("dup.zip", zip, ImportOptions{});
  REQUIRE_FALSE(c.rejected);
  REQUIRE(c.documents.size() == 1);
  CHECK(c.documents[0].format == "docx");
  REQUIRE(c.issues.size() == 1);
  CHECK(c.issues[0].member == "决定书.docx");
  CHECK(c.issues[0].reason.find("与第 1 个成员同名") != std::string::npos);
}

TEST_CASE("names equal only after decoding (UTF-8 flagged and GBK) count as duplicates",
          "[hostile]") {
  RawMember flagged("告知书.pdf", "a");
  flagged.flags = 1u << 11;
  const std::string zip =
      make_raw_zip({flagged, RawMember(testing::to_gb18030("告知书.pdf"), "b")});
  const Case c = import_archive_bytes("dup.zip", zip, ImportOptions{});
  REQUIRE(c.issues.size() >= 1);
  CHECK(c.issues.back().reason.find("同名") != std::string::npos);
}

TEST_CASE("a zip nested deeper than max_nesting is reported and its content not read",
          "[hostile]") {
  const std::string inner = make_zip({Member("a.txt", "x")});
  const std::string zip = make_zip({Member("level1.zip", make_zip({Member("level2.zip", inner)}))});
  ImportOptions opt;
  opt.max_nesting = 1;
  Case c = import_archive_bytes("n.zip", zip, opt);
  REQUIRE(c.issues.size() == 1);
  CHECK(c.issues[0].member == "level1.zip/level2.zip");
  CHECK(c.issues[0].reason.find("嵌套层数超过上限（1 层）") != std::string::npos);
  opt.max_nesting = 0;
  c = import_archive_bytes("n.zip", zip, opt);
  REQUIRE(c.issues.size() == 1);
  CHECK(c.issues[0].member == "level1.zip");
}

TEST_CASE("nested zips share the archive's inflation budget", "[hostile]") {
  using testing::Member;
  const std::string text(600 << 10, 'a');  // compresses to almost nothing
  const std::string outer = make_zip({Member("一.zip", make_zip({Member("a.txt", text)})),
                                      Member("二.zip", make_zip({Member("b.txt", text)}))});
  ImportOptions opt;
  opt.limits.max_total_bytes = 1 << 20;  // each inner zip alone stays under it
  opt.limits.max_ratio = 100000;
  const Case c = import_archive_bytes("nested.zip", outer, opt);
  REQUIRE_FALSE(c.rejected);
  std::string reasons;
  for (const ImportIssue& i : c.issues) reasons += i.member + "：" + i.reason + "\n";
  INFO(reasons);
  const std::size_t over = reasons.find("本压缩包累计解压");
  REQUIRE(over != std::string::npos);
  CHECK(reasons.rfind("二.zip/b.txt：", over) != std::string::npos);
  CHECK(reasons.find("本压缩包累计解压", over + 1) == std::string::npos);  // a.txt was read
}

TEST_CASE("an archive over max_archive_bytes is rejected before it is read", "[hostile]") {
  TempDir dir;
  write_file(dir.path / "big.zip", std::string(3 << 20, 'x'));
  ImportOptions opt;
  opt.max_archive_bytes = 1 << 20;
  const Case c = import_archive(dir.path / "big.zip", opt);
  CHECK(c.rejected);
  CHECK(c.error.find("压缩包超过大小上限（1 MB）") != std::string::npos);
}

TEST_CASE("audit --max-entries and --max-nesting tighten the import limits", "[hostile]") {
  TempDir dir;
  write_file(dir.path / "many.zip",
             make_zip({Member("a.txt", "a"), Member("b.txt", "b"), Member("c.txt", "c")}));
  write_file(dir.path / "nested.zip",
             make_zip({Member("inner.zip", make_zip({Member("a.txt", "a")}))}));
  const test::CliRun run = test::run_cli(
      "audit many.zip nested.zip --db x.db --json - --max-entries 2 --max-nesting 0", dir.path);
  INFO(run.err);
  const nlohmann::json result = nlohmann::json::parse(run.out);
  const nlohmann::json* many = case_for(result, "many.zip");
  const nlohmann::json* nested = case_for(result, "nested.zip");
  REQUIRE(many != nullptr);
  REQUIRE(nested != nullptr);
  CHECK((*many)["error"].get<std::string>().find("超过上限 2 个") != std::string::npos);
  CHECK(reasons_of(*nested).find("嵌套层数超过上限（0 层）") != std::string::npos);
  CHECK(test::run_cli("audit many.zip --max-ratio 0", dir.path).err.find("--max-ratio 必须是") !=
        std::string::npos);
}

}  // namespace
}  // namespace auditor
