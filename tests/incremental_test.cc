#include "app/incremental.h"

#include <sqlite3.h>

#include <chrono>

#include <catch2/catch.hpp>

#include "store/case_reader.h"
#include "store/store_internal.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

const fs::path kTestdata = AUDITOR_SOURCE_DIR "/testdata";

Checklist general_checklist() {
  Result<Checklist> c = load_checklist(AUDITOR_SOURCE_DIR "/checklists/general");
  REQUIRE(c.ok());
  return std::move(*c);
}

// Archives of testdata (two by default) copied into a temp folder, audited
// in full into a database.
struct Audited {
  TempDir dir;
  Checklist checklist = general_checklist();
  std::vector<fs::path> archives;
  std::vector<CaseResult> full;  // results of the full audit, in order
  std::unique_ptr<Store> store;

  explicit Audited(const std::vector<std::string>& names = {"01-complete-structured.zip",
                                                            "03-missing-notice-bare.zip"}) {
    for (const std::string& name : names) {
      archives.push_back(dir.path / fs::path(name).filename());
      fs::copy_file(kTestdata / name, archives.back());
    }
    Result<std::unique_ptr<Store>> s = Store::open(dir.path / "audit.db");
    REQUIRE(s.ok());
    store = std::move(*s);
    run([&](long long run) {
      full.resize(archives.size());
      audit_batch(archives, checklist, ImportOptions{}, 2, [&](std::size_t i, CaseResult&& r) {
        REQUIRE(store->save_case(run, r.c, r.audit).ok());
        full[i] = std::move(r);
      });
    });
  }

  // Calls `body` inside a run of round "第一轮" with the current checklist.
  template <typename Body>
  void run(Body body) {
    RunInfo info{"test", checklist.id, checklist.version, checklist.sha256,
                 "",     "第一轮",     "inspection",      ""};
    Result<long long> run = store->begin_run(info);
    REQUIRE(run.ok());
    body(*run);
    REQUIRE(store->end_run(*run).ok());
  }

  // The incremental audit of the archives: results and how each was obtained.
  std::vector<std::pair<CaseResult, Reuse>> again(const Checklist& with,
                                                  const std::string& round = "第一轮",
                                                  Load unchanged = Load::summary) {
    std::vector<std::pair<CaseResult, Reuse>> out(archives.size());
    audit_batch_incremental(*store, archives, with, ImportOptions{}, 2, round, unchanged,
                            [&](std::size_t i, CaseResult&& r, Reuse u) {
                              out[i] = {std::move(r), u};
                            });
    return out;
  }
};

std::vector<std::string> finding_lines(const Audit& a) {
  std::vector<std::string> out;
  for (const Finding& f : a.findings) out.push_back(f.rule + " " + f.severity + " " + f.message);
  return out;
}

TEST_CASE("unchanged archive is not parsed again and keeps its stored findings", "[perf]") {
  Audited a;
  auto again = a.again(a.checklist);
  REQUIRE(again.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(again[i].second == Reuse::unchanged);
    CHECK(again[i].first.c.archive == a.archives[i].string());
    CHECK(again[i].first.c.sha256 == a.full[i].c.sha256);
    CHECK(again[i].first.audit.score == Approx(a.full[i].audit.score));
    CHECK(again[i].first.audit.grade == a.full[i].audit.grade);
    CHECK(finding_lines(again[i].first.audit) == finding_lines(a.full[i].audit));
    CHECK(again[i].first.audit.checks.size() == a.full[i].audit.checks.size());
    CHECK(again[i].first.c.documents.size() == a.full[i].c.documents.size());
    CHECK(again[i].first.c.documents[0].facts.empty());  // reported, not re-checked
  }
}

TEST_CASE(
    "an unchanged archive reported on the console alone comes back with its findings' rule,"
    " kind and severity",
    "[perf]") {
  Audited a;
  auto again = a.again(a.checklist, "第一轮", Load::findings);
  REQUIRE(again.size() == 2);
  const auto severities = [](const Audit& audit) {
    std::vector<std::string> out;
    for (const Finding& f : audit.findings) out.push_back(f.rule + " " + f.kind + " " + f.severity);
    return out;
  };
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(again[i].second == Reuse::unchanged);
    CHECK(again[i].first.audit.score == Approx(a.full[i].audit.score));
    REQUIRE_FALSE(a.full[i].audit.findings.empty());
    CHECK(severities(again[i].first.audit) == severities(a.full[i].audit));
    CHECK(again[i].first.c.info.case_number == a.full[i].c.info.case_number);
    CHECK(again[i].first.c.documents.empty());
    CHECK(again[i].first.audit.checks.empty());
  }
}

TEST_CASE("unchanged archive audited in another round is carried over, not parsed", "[perf]") {
  Audited a;
  for (const auto& [r, reuse] : a.again(a.checklist, "第二轮")) {
    CHECK(reuse == Reuse::carried);
    CHECK(r.audit.checks.size() == a.checklist.rules.size());
  }
}

TEST_CASE("archive whose bytes changed is parsed again, the others are reused", "[perf]") {
  Audited a;
  fs::copy_file(kTestdata / "02-complete-bare-gbk.zip", a.archives[0],
                fs::copy_options::overwrite_existing);
  auto again = a.again(a.checklist);
  REQUIRE(again.size() == 2);
  CHECK(again[0].second == Reuse::parsed);
  CHECK(again[0].first.c.sha256 != a.full[0].c.sha256);
  CHECK(again[1].second == Reuse::unchanged);
}

TEST_CASE("an archive with its stored size and mtime is taken as unchanged without reading",
          "[perf]") {
  Audited a;
  // Same size, other bytes, the old mtime put back: only a read would notice.
  const auto mtime = fs::last_write_time(a.archives[1]);
  std::string bytes = test::read_file(a.archives[1]);
  bytes[bytes.size() / 2] ^= 0x55;
  test::write_file(a.archives[1], bytes);
  fs::last_write_time(a.archives[1], mtime);
  auto again = a.again(a.checklist);
  CHECK(again[1].second == Reuse::unchanged);
  CHECK(again[1].first.c.sha256 == a.full[1].c.sha256);
}

TEST_CASE("a touched archive is hashed, reused when its bytes are the same, and restamped",
          "[perf]") {
  Audited a;
  fs::last_write_time(a.archives[0], fs::last_write_time(a.archives[0]) + std::chrono::hours(1));
  auto again = a.again(a.checklist, "第二轮");
  REQUIRE(again[0].second == Reuse::carried);
  REQUIRE(again[0].first.c.stamp.has_value());
  CHECK(again[0].first.c.stamp == stamp_of(a.archives[0]));
  CHECK(again[1].first.c.stamp == stamp_of(a.archives[1]));
}

TEST_CASE("after a checklist change the rules re-run on stored facts, as on parsed ones",
          "[perf]") {
  Audited a;
  Checklist changed = a.checklist;  // every rule, those reading full text too
  changed.sha256 = "changed";
  auto again = a.again(changed);
  REQUIRE(again.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(again[i].second == Reuse::rechecked);
    // The same checklist over freshly parsed archives gives the same findings.
    CaseResult parsed = audit_archive(a.archives[i], changed, ImportOptions{});
    CHECK(finding_lines(again[i].first.audit) == finding_lines(parsed.audit));
    CHECK(again[i].first.audit.score == Approx(parsed.audit.score));
  }
}

TEST_CASE("a re-check of a case with image-only PDFs asks to read them, as a first audit does",
          "[perf]") {
  // The no-text finding is not read back as an import issue (which would
  // count against the case).
  Audited a({"variants/n18-receipts-scanned.zip"});
  Checklist changed = a.checklist;
  changed.sha256 = "changed";
  auto again = a.again(changed);
  REQUIRE(again.size() == 1);
  CHECK(again[0].second == Reuse::rechecked);
  CHECK(finding_lines(again[0].first.audit) == finding_lines(a.full[0].audit));
  CHECK(again[0].first.audit.score == Approx(a.full[0].audit.score));
  bool no_text = false;
  for (const Finding& f : again[0].first.audit.findings) {
    CHECK(f.rule != "IMP-document");
    no_text = no_text || f.rule == "IMP-no_text";
  }
  CHECK(no_text);
}

TEST_CASE("a re-check saved into its round keeps the stored documents and stores new findings",
          "[perf]") {
  Audited a;
  sqlite3* db = StoreAccess::db(*a.store);
  const std::string documents = test::query(db, "SELECT group_concat(id) FROM documents");
  const std::string facts = test::query(db, "SELECT count(*) FROM facts");
  a.checklist.sha256 = "changed";
  a.run([&](long long run) {
    audit_batch_incremental(*a.store, a.archives, a.checklist, ImportOptions{}, 2, "第一轮",
                            Load::summary, [&](std::size_t, CaseResult&& r, Reuse reuse) {
                              CHECK(reuse == Reuse::rechecked);
                              REQUIRE(a.store->save_case(run, r.c, r.audit).ok());
                            });
  });
  CHECK(test::query(db, "SELECT group_concat(id) FROM documents") == documents);
  CHECK(test::query(db, "SELECT count(*) FROM facts") == facts);
  CaseLoader loader(*a.store);
  for (const fs::path& archive : a.archives) {
    const std::string id =
        test::query(db, "SELECT id FROM cases WHERE archive = '" + archive.string() + "'");
    Result<CaseResult> stored = loader.load(std::stoll(id));
    REQUIRE(stored.ok());
    // What a fresh audit with the same checklist finds.
    CaseResult parsed = audit_archive(archive, a.checklist, ImportOptions{});
    CHECK(finding_lines(stored->audit) == finding_lines(parsed.audit));
    CHECK(stored->audit.score == Approx(parsed.audit.score));
    CHECK(stored->audit.checks.size() == parsed.audit.checks.size());
  }
}

TEST_CASE("checklist change on a case stored without its texts parses the archive again",
          "[perf]") {
  Audited a;
  // As stored by schema 2, before texts were kept.
  REQUIRE(sqlite3_exec(StoreAccess::db(*a.store), "UPDATE cases SET declared = NULL", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  Checklist changed = a.checklist;
  changed.sha256 = "changed";
  for (const auto& [r, reuse] : a.again(changed)) CHECK(reuse == Reuse::parsed);
}

TEST_CASE("a manifest's declared dates and flags come back from the store", "[perf]") {
  Audited a;
  REQUIRE(a.full[0].c.has_manifest);
  REQUIRE_FALSE(a.full[0].c.info.flags.empty());
  Result<std::map<std::string, StoredAudit>> index = load_stored_index(*a.store);
  REQUIRE(index.ok());
  Result<CaseResult> loaded = CaseLoader(*a.store).load(index->at(a.archives[0].string()).case_id);
  REQUIRE(loaded.ok());
  CHECK(loaded->c.has_manifest);
  CHECK(loaded->c.info.flags == a.full[0].c.info.flags);
  CHECK(loaded->c.info.dates == a.full[0].c.info.dates);
  REQUIRE(loaded->c.documents.size() == a.full[0].c.documents.size());
  CHECK(loaded->c.documents[0].text == a.full[0].c.documents[0].text);
}

TEST_CASE("stored index names the latest audit of each archive", "[perf]") {
  Audited a;
  Result<std::map<std::string, StoredAudit>> index = load_stored_index(*a.store);
  REQUIRE(index.ok());
  REQUIRE(index->size() == 2);
  const StoredAudit& s = index->at(a.archives[0].string());
  CHECK(s.sha256 == a.full[0].c.sha256);
  CHECK(s.checklist_sha256 == a.checklist.sha256);
  CHECK(s.round == "第一轮");
}

TEST_CASE("a re-check reads the facts of the stored texts again", "[perf]") {
  Audited a;
  // Facts stored by an older reader: without the dates read today.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((a.dir.path / "audit.db").string().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "DELETE FROM facts WHERE kind LIKE '%date'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);
  Checklist changed = a.checklist;  // e.g. the date labels changed (checklist hash)
  changed.sha256 = "changed";
  auto again = a.again(changed);
  REQUIRE(again.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(again[i].second == Reuse::rechecked);
    CaseResult parsed = audit_archive(a.archives[i], changed, ImportOptions{});
    REQUIRE(again[i].first.c.documents.size() == parsed.c.documents.size());
    for (std::size_t k = 0; k < parsed.c.documents.size(); ++k)
      CHECK(again[i].first.c.documents[k].facts.size() == parsed.c.documents[k].facts.size());
    CHECK(finding_lines(again[i].first.audit) == finding_lines(parsed.audit));
  }
  // Saved into its round in place, the case keeps the facts read again.
  a.run([&](long long run) {
    for (auto& [r, reuse] : again) REQUIRE(a.store->save_case(run, r.c, r.audit).ok());
  });
  CaseLoader loader(*a.store);
  for (auto& [r, reuse] : again) {
    Result<CaseResult> back = loader.load(r.c.stored_id);
    REQUIRE(back.ok());
    REQUIRE(back->c.documents.size() == r.c.documents.size());
    for (std::size_t k = 0; k < r.c.documents.size(); ++k) {
      CHECK(back->c.documents[k].facts.size() == r.c.documents[k].facts.size());
      CHECK(back->c.documents[k].date == r.c.documents[k].date);
    }
  }
}

}  // namespace
}  // namespace auditor
