// Cross-case uniqueness of serials: the batch post-pass against a real
// temporary SQLite database filled through Store::save_case.
#include "auditor/held_numbers.h"
#include "store/number_uniqueness.h"

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace fs = std::filesystem;
using namespace auditor;

namespace {

// The bundled checklist with only its numbering rules, so that a case's
// score moves by the numbering deductions alone.
const Checklist& bundled() {
  static const Checklist cl = [] {
    Result<Checklist> r = load_checklist(fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "general");
    if (!r) FAIL(r.error());
    std::erase_if(r->rules, [](const Rule& rule) { return rule.kind != "numbering"; });
    return std::move(*r);
  }();
  return cl;
}

struct TempDatabase {
  fs::path path;
  std::unique_ptr<Store> store;
  TempDatabase() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("auditor-numbers-" + std::to_string(getpid()) + "-" + std::to_string(rd()) + ".db");
    Result<std::unique_ptr<Store>> s = Store::open(path);
    REQUIRE(s.ok());
    store = std::move(*s);
  }
  ~TempDatabase() {
    store.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      fs::remove(path.string() + suffix, ec);
  }
  long long begin(const std::string& round) {
    const Checklist& cl = bundled();
    Result<long long> run = store->begin_run(
        {"test", cl.id, cl.version, cl.sha256, "2024-12-01T08:00:00Z", round, "inspection", ""});
    REQUIRE(run.ok());
    return *run;
  }
  // The single integer `sql` yields.
  long long integer(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(StoreAccess::db(*store), sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(s) == SQLITE_ROW);
    const long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
  }
  // NUM-serial-unique findings stored for the latest version of `archive`.
  long long duplicates_stored(const std::string& archive) {
    return integer(
        "SELECT count(*) FROM findings f JOIN cases c ON c.id = f.case_id WHERE c.archive = '" +
        archive +
        "' AND f.rule = 'NUM-serial-unique' AND c.id = (SELECT MAX(id) FROM cases"
        " WHERE archive = c.archive)");
  }
};

Document numbered(const std::string& type, const std::string& number, const std::string& date) {
  Document d;
  d.path = type + ".docx";
  d.format = "docx";
  d.type = type;
  d.type_source = Source::manifest;
  d.stage = bundled().doc_type(type)->stage;
  d.has_text = true;
  d.text = number + "\n正文";
  d.number = number;
  d.date = date;
  return d;
}

// An audited case of `street` (a code) with case serial `case_serial` and a
// decision numbered 罚决〔2024〕`decision_serial`.
CaseResult audited(const std::string& archive, const std::string& street, int case_serial,
                   int decision_serial) {
  CaseResult r;
  r.c.archive = archive;
  r.c.sha256 = "sha-" + archive;
  r.c.info.case_number = "穗海" + street + "综执立〔2024〕" + std::to_string(case_serial) + "号";
  r.c.documents = {numbered(
      "penalty_decision",
      "穗海" + street + "综执罚决〔2024〕" + std::to_string(decision_serial) + "号", "2024-05-10")};
  r.audit = check_case(r.c, bundled());
  return r;
}

std::vector<CaseResult> save_all(TempDatabase& db, long long run, std::vector<CaseResult> batch) {
  for (const CaseResult& r : batch) REQUIRE(db.store->save_case(run, r.c, r.audit).ok());
  return batch;
}

// Runs the post-pass of `run`; each case it changed replaces the case of the
// same archive in `batch`.
void post_pass(TempDatabase& db, long long run, std::vector<CaseResult>& batch) {
  REQUIRE(apply_number_uniqueness(*db.store, run, bundled(), [&](const CaseResult& changed) {
            for (CaseResult& r : batch)
              if (r.c.archive == changed.c.archive) r = changed;
          }).ok());
}

std::vector<Finding> duplicates(const CaseResult& r) {
  std::vector<Finding> out;
  for (const Finding& f : r.audit.findings)
    if (f.rule == "NUM-serial-unique") out.push_back(f);
  return out;
}

Outcome unique_check(const CaseResult& r) {
  for (const Check& k : r.audit.checks)
    if (k.rule == "NUM-serial-unique") return k.outcome;
  FAIL("no NUM-serial-unique check");
  return Outcome::not_checkable;
}

}  // namespace

TEST_CASE("two cases of one street with 罚决〔2024〕31号 both get a finding naming the other",
          "[numbering]") {
  TempDatabase db;
  const long long run = db.begin("第一轮");
  std::vector<CaseResult> batch =
      save_all(db, run, {audited("a.zip", "赤岗", 12, 31), audited("b.zip", "赤岗", 13, 31)});
  REQUIRE(batch[0].audit.score == 100);
  REQUIRE(unique_check(batch[0]) == Outcome::passed);

  post_pass(db, run, batch);

  const std::vector<Finding> a = duplicates(batch[0]), b = duplicates(batch[1]);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0].kind == "numbering");
  CHECK(a[0].document == "penalty_decision");
  CHECK(a[0].message ==
        "《行政处罚决定书》文号 穗海赤岗综执罚决〔2024〕31号 与案卷 b.zip（案号 "
        "穗海赤岗综执立〔2024〕13号）中的《行政处罚决定书》文号 穗海赤岗综执罚决〔2024〕31号 "
        "重复：同一街道、文书简称、年份的序号只能使用一次");
  CHECK(b[0].message.find("案卷 a.zip（案号 穗海赤岗综执立〔2024〕12号）") != std::string::npos);
  CHECK(a[0].evidence[0].find("a.zip") != std::string::npos);
  CHECK(a[0].evidence[1].find("b.zip") != std::string::npos);
  CHECK(unique_check(batch[0]) == Outcome::failed);
  CHECK(batch[0].audit.score == 97);
  CHECK(batch[1].audit.score == 97);

  // The database agrees with the JSON: findings and the new score are stored.
  CHECK(db.duplicates_stored("a.zip") == 1);
  CHECK(db.duplicates_stored("b.zip") == 1);
  CHECK(db.integer("SELECT score FROM cases WHERE archive = 'a.zip'") ==
        static_cast<long long>(batch[0].audit.score));
  // Running the post-pass again changes nothing.
  post_pass(db, run, batch);
  CHECK(duplicates(batch[0]).size() == 1);
  CHECK(db.duplicates_stored("a.zip") == 1);
  CHECK(db.integer("SELECT count(*) FROM checks k JOIN cases c ON c.id = k.case_id WHERE"
                   " c.archive = 'a.zip' AND k.rule = 'NUM-serial-unique' AND"
                   " k.outcome = 'failed'") == 1);
}

TEST_CASE("a number shared by several cases is one finding listing them all", "[numbering]") {
  TempDatabase db;
  const long long run = db.begin("第一轮");
  std::vector<CaseResult> batch =
      save_all(db, run,
               {audited("a.zip", "赤岗", 12, 31), audited("b.zip", "赤岗", 13, 31),
                audited("c.zip", "赤岗", 14, 31)});
  post_pass(db, run, batch);
  const std::vector<Finding> a = duplicates(batch[0]);
  REQUIRE(a.size() == 1);
  CHECK(a[0].message.find("与案卷 b.zip") != std::string::npos);
  CHECK(a[0].message.ends_with("（共有 2 个其他案卷使用）"));
  CHECK(a[0].evidence[1].find("b.zip") != std::string::npos);
  CHECK(a[0].evidence[2].find("c.zip") != std::string::npos);
  CHECK(batch[0].audit.score == 97);
}

TEST_CASE("the same serial in two different streets is no duplicate", "[numbering]") {
  TempDatabase db;
  const long long run = db.begin("第一轮");
  std::vector<CaseResult> batch =
      save_all(db, run, {audited("a.zip", "赤岗", 12, 31), audited("b.zip", "新港", 12, 31)});
  post_pass(db, run, batch);
  CHECK(duplicates(batch[0]).empty());
  CHECK(duplicates(batch[1]).empty());
  CHECK(unique_check(batch[0]) == Outcome::passed);
  CHECK(db.duplicates_stored("a.zip") == 0);
}

TEST_CASE("a case number used twice in one street is a duplicate too", "[numbering]") {
  TempDatabase db;
  const long long run = db.begin("第一轮");
  std::vector<CaseResult> batch =
      save_all(db, run, {audited("a.zip", "琶洲", 33, 1), audited("b.zip", "琶洲", 33, 2)});
  post_pass(db, run, batch);
  const std::vector<Finding> a = duplicates(batch[0]);
  REQUIRE(a.size() == 1);
  CHECK(a[0].document == "filing_approval");
  CHECK(a[0].message.rfind("案号 穗海琶洲综执立〔2024〕33号 与案卷 b.zip", 0) == 0);
}

TEST_CASE("a case stored by an earlier run is named, but only the batch case is rewritten",
          "[numbering]") {
  TempDatabase db;
  const long long first = db.begin("第一轮");
  save_all(db, first, {audited("old.zip", "赤岗", 12, 31)});
  const long long second = db.begin("第二轮");
  std::vector<CaseResult> batch = save_all(db, second, {audited("new.zip", "赤岗", 14, 31)});
  post_pass(db, second, batch);
  const std::vector<Finding> f = duplicates(batch[0]);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("old.zip") != std::string::npos);
  CHECK(db.duplicates_stored("new.zip") == 1);
  CHECK(db.duplicates_stored("old.zip") == 0);
}

TEST_CASE("each archive counts once, by its latest stored version", "[numbering]") {
  TempDatabase db;
  const long long first = db.begin("第一轮");
  save_all(db, first, {audited("a.zip", "赤岗", 12, 31)});
  // Round two: a.zip was renumbered 32, b.zip takes the freed 31.
  const long long second = db.begin("第二轮");
  std::vector<CaseResult> batch =
      save_all(db, second, {audited("a.zip", "赤岗", 12, 32), audited("b.zip", "赤岗", 13, 31)});
  post_pass(db, second, batch);
  CHECK(duplicates(batch[0]).empty());
  CHECK(duplicates(batch[1]).empty());
}

TEST_CASE("the same file stored under another name is no duplicate", "[numbering]") {
  TempDatabase db;
  const long long run = db.begin("第一轮");
  CaseResult copy = audited("copy.zip", "赤岗", 12, 31);
  copy.c.sha256 = "sha-a.zip";
  std::vector<CaseResult> batch = save_all(db, run, {audited("a.zip", "赤岗", 12, 31), copy});
  post_pass(db, run, batch);
  CHECK(duplicates(batch[0]).empty());
  CHECK(duplicates(batch[1]).empty());
}

TEST_CASE("a case holds its case number and the own numbers of its outgoing documents",
          "[numbering]") {
  CaseResult r = audited("a.zip", "赤岗", 12, 31);
  // A closing form citing the decision's number does not hold it.
  r.c.documents.push_back(
      numbered("closing_approval", "穗海赤岗综执罚决〔2024〕31号", "2024-06-01"));
  // A decision numbered with another type's abbreviation holds nothing.
  r.c.documents.push_back(numbered("penalty_notice", "穗海赤岗综执罚决〔2024〕40号", "2024-05-01"));
  const std::vector<HeldNumber> held = held_numbers(r.c, bundled());
  REQUIRE(held.size() == 2);
  CHECK(held[0].key == "赤岗|立|2024|12");
  CHECK(held[0].type.empty());
  CHECK(held[1].key == "赤岗|罚决|2024|31");
  CHECK(held[1].type == "penalty_decision");
}
