// The front door (app/): auditing a batch into a round through an observer,
// failures told apart by their code, reports read beside a writer.
#include <catch2/catch.hpp>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/round_reports.h"
#include "store/round_reader.h"
#include "store/run_lock.h"
#include "store/store.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

const fs::path kTestdata = fs::path(AUDITOR_SOURCE_DIR) / "testdata";

const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

AuditRequest request_for(const fs::path& db, std::vector<std::string> inputs) {
  AuditRequest r;
  r.inputs = std::move(inputs);
  r.db = db;
  r.round = "第一轮";
  r.tool_version = "test";
  r.full = true;
  r.keep_results = true;
  return r;
}

TEST_CASE("auditing a batch reports each case to the observer in input order", "[app]") {
  TempDir dir;
  const std::vector<std::string> inputs = {(kTestdata / "03-missing-notice-bare.zip").string(),
                                           (kTestdata / "01-complete-structured.zip").string()};
  std::size_t announced = 0;
  std::vector<std::string> seen;
  AuditObserver o;
  o.started = [&](std::size_t n) { announced = n; };
  o.case_done = [&](const CaseResult& r, Reuse reuse) {
    CHECK(reuse == Reuse::parsed);
    seen.push_back(fs::path(r.c.archive).filename().string());
  };
  Result<AuditOutcome> out = audit_round(request_for(dir.path / "a.db", inputs), bundled(), o);
  REQUIRE(out.ok());
  CHECK(announced == 2);
  CHECK(seen ==
        std::vector<std::string>{"03-missing-notice-bare.zip", "01-complete-structured.zip"});
  CHECK(out->totals.audited == 2);
  CHECK(out->results.size() == 2);
  CHECK(out->round == "第一轮");
  CHECK_FALSE(out->store_failed);
}

TEST_CASE("a missing input is not_found and leaves no database behind", "[app]") {
  TempDir dir;
  Result<AuditOutcome> out = audit_round(
      request_for(dir.path / "a.db", {(dir.path / "nowhere.zip").string()}), bundled(), {});
  REQUIRE_FALSE(out.ok());
  CHECK(out.code() == Code::not_found);
  CHECK_THAT(out.error(), Catch::Contains("找不到输入路径"));
  CHECK_FALSE(fs::exists(dir.path / "a.db"));
}

TEST_CASE("a database another run holds is busy, not broken", "[app]") {
  TempDir dir;
  Result<RunLock> held = RunLock::acquire(dir.path / "a.db");
  REQUIRE(held.ok());
  Result<AuditOutcome> out = audit_round(
      request_for(dir.path / "a.db", {(kTestdata / "01-complete-structured.zip").string()}),
      bundled(), {});
  REQUIRE_FALSE(out.ok());
  CHECK(out.code() == Code::busy);
}

TEST_CASE("reports of an unknown round or database are not_found and create nothing", "[app]") {
  TempDir dir;
  ReportRequest request;
  request.dir = dir.path / "out";
  request.formats.json = true;
  Status missing_db = write_round_reports(dir.path / "none.db", request);
  CHECK(missing_db.code == Code::not_found);
  CHECK_FALSE(fs::exists(dir.path / "none.db"));

  REQUIRE(audit_round(
              request_for(dir.path / "a.db", {(kTestdata / "01-complete-structured.zip").string()}),
              bundled(), {})
              .ok());
  request.round = "第九轮";
  Status missing_round = write_round_reports(dir.path / "a.db", request);
  CHECK(missing_round.code == Code::not_found);
  CHECK_THAT(missing_round.reason, Catch::Contains("第九轮"));
  request.round = "第一轮";
  CHECK(write_round_reports(dir.path / "a.db", request).ok());
  CHECK(fs::exists(dir.path / "out" / "report.json"));
}

TEST_CASE("a read-only store reads committed rounds while a writer holds a batch open", "[app]") {
  TempDir dir;
  const fs::path db = dir.path / "a.db";
  REQUIRE(audit_round(request_for(db, {(kTestdata / "01-complete-structured.zip").string()}),
                      bundled(), {})
              .ok());
  Result<std::unique_ptr<Store>> writer = Store::open(db);
  REQUIRE(writer.ok());
  Result<long long> run =
      (*writer)->begin_run({"test", "c", "1", "x", "", "第二轮", "inspection", ""});
  REQUIRE(run.ok());
  REQUIRE((*writer)->begin_batch().ok());
  Case c;
  c.archive = "second.zip";
  REQUIRE((*writer)->save_case(*run, c, Audit{}).ok());

  Result<std::unique_ptr<Store>> reader = Store::open_read_only(db);
  REQUIRE(reader.ok());
  Result<std::optional<RoundInfo>> first = find_round(**reader, "第一轮");
  REQUIRE(first.ok());
  REQUIRE(first->has_value());
  Result<std::size_t> cases = case_count(**reader, **first);
  REQUIRE(cases.ok());
  CHECK(*cases == 1);
  // The writer's batch is not committed: its round has no cases yet for a reader.
  Result<std::optional<RoundInfo>> second = find_round(**reader, "第二轮");
  REQUIRE(second.ok());
  REQUIRE(second->has_value());
  CHECK(*case_count(**reader, **second) == 0);

  REQUIRE((*writer)->commit_batch().ok());  // the reader does not block the writer
  CHECK(*case_count(**reader, **second) == 1);
}

TEST_CASE("a read-only open of a missing file is not_found and creates nothing", "[app]") {
  TempDir dir;
  Result<std::unique_ptr<Store>> store = Store::open_read_only(dir.path / "none.db");
  REQUIRE_FALSE(store.ok());
  CHECK(store.code() == Code::not_found);
  CHECK_FALSE(fs::exists(dir.path / "none.db"));
}

}  // namespace
}  // namespace auditor
