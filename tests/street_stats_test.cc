// Street statistics (各街道案件办理情况统计): the field map's loader, the
// figures of a stored round checked against plain SQL written here (not the
// store's reader), the 通报's section in HTML, DOCX and XLSX, and the
// workbench's round page values.
#include <sqlite3.h>
#include <catch2/catch.hpp>
#include <fstream>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/round_reports.h"
#include "app/serve_rounds.h"
#include "app/street_stats.h"
#include "auditor/fields.h"
#include "auditor/street_stats.h"
#include "reports/report_content.h"
#include "store/store.h"
#include "tests/cli_support.h"
#include "tests/report_fixture.h"
#include "tests/serve_support.h"
#include "util/date.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

const fs::path kTestdata = fs::path(AUDITOR_SOURCE_DIR) / "testdata";

const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

// The tests' own map (a part of the sample in checklists/fields/), so that
// the district replacing the sample changes no expected figure.
const char kTestMap[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<fields id="test-fields" version="1" default="其他">
  <field name="城市管理"/>
  <field name="市场监管"/>
  <field name="生态环境"/>
  <field name="自然资源"/>
  <field name="其他"/>
  <ignore pattern="行政处罚法"/>
  <ignore pattern="行政强制法"/>
  <law pattern="市容" field="城市管理"/>
  <law pattern="环境卫生" field="城市管理"/>
  <law pattern="城乡规划" field="城市管理"/>
  <law pattern="食品安全" field="市场监管"/>
  <law pattern="大气污染" field="生态环境"/>
  <law pattern="环境保护" field="生态环境"/>
  <law pattern="土地管理" field="自然资源"/>
</fields>
)";

const FieldMap& test_fields() {
  static const FieldMap m = [] {
    Result<FieldMap> parsed = parse_field_map("test-fields.xml", kTestMap);
    INFO((parsed ? std::string() : parsed.error()));
    REQUIRE(parsed.ok());
    return *parsed;
  }();
  return m;
}

// ---- Independent SQL --------------------------------------------------------

// Rows of `sql` (one ?1 parameter: the round's name), every column as text
// ("" for NULL), through sqlite3 itself.
std::vector<std::vector<std::string>> query(const fs::path& db, const std::string& sql,
                                            const std::string& round) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  const int rc = sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr);
  INFO(sqlite3_errmsg(h));
  REQUIRE(rc == SQLITE_OK);
  sqlite3_bind_text(st, 1, round.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::vector<std::string>> out;
  while (sqlite3_step(st) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      row.push_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// One row per case of the round (not rejected): street, procedure, filing,
// decision and closing dates, whether it has a filing form or fact, a
// decision, a closing form, an extension, and its first outcome. Written
// from docs/formats/database.md and docs/reports.md, not from the reader.
const char kCaseRows[] = R"(
  SELECT COALESCE(NULLIF(c.street, ''),
           (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id
             WHERE d.case_id = c.id AND f.kind = 'street' ORDER BY d.ord, f.rowid LIMIT 1),
           '（街道未知）') AS street,
         COALESCE(c.procedure, '') AS procedure,
         COALESCE(
           (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id
             WHERE d.case_id = c.id AND d.type = 'filing_approval' AND f.kind = 'filing_date'
             ORDER BY d.ord, f.rowid LIMIT 1),
           (SELECT d.date FROM documents d WHERE d.case_id = c.id AND d.type = 'filing_approval'
             AND d.date IS NOT NULL ORDER BY d.ord LIMIT 1),
           (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id
             WHERE d.case_id = c.id AND f.kind = 'filing_date' AND d.type IN
             ('penalty_decision', 'no_penalty_decision', 'on_spot_decision')
             ORDER BY d.ord, f.rowid LIMIT 1)) AS filed,
         (SELECT d.date FROM documents d WHERE d.case_id = c.id AND d.date IS NOT NULL
           AND d.type IN ('penalty_decision', 'no_penalty_decision', 'on_spot_decision')
           ORDER BY d.ord LIMIT 1) AS decided,
         (SELECT d.date FROM documents d WHERE d.case_id = c.id AND d.date IS NOT NULL
           AND d.type = 'closing_approval' ORDER BY d.ord LIMIT 1) AS closed,
         EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id AND d.type = 'filing_approval')
           OR EXISTS (SELECT 1 FROM documents d JOIN facts f ON f.document_id = d.id
             WHERE d.case_id = c.id AND f.kind = 'filing_date') AS has_filing,
         EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id
           AND d.type IN ('penalty_decision', 'no_penalty_decision', 'on_spot_decision'))
           AS has_decision,
         EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id
           AND d.type = 'closing_approval') AS has_closing,
         EXISTS (SELECT 1 FROM documents d WHERE d.case_id = c.id
           AND d.type = 'extension_approval') AS extended,
         COALESCE((SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id
             WHERE d.case_id = c.id AND f.kind = 'appeal_outcome' ORDER BY d.ord, f.rowid
             LIMIT 1), '') AS outcome
    FROM cases c JOIN rounds r ON r.id = c.round_id
   WHERE r.name = ?1 AND c.status = 'audited'
)";

struct Expected {
  int filed = 0, closed = 0, overdue = 0, reconsideration = 0, litigation = 0;
  int with_outcome = 0, corrected = 0;
  std::vector<int> to_decision, to_closing;
};

int day_gap(const std::string& from, const std::string& to) {
  return Date::parse(to)->day_number() - Date::parse(from)->day_number();
}

// The figures per street from kCaseRows, counted here by the definitions of
// docs/reports.md; `from`/`to` empty: the whole round.
std::map<std::string, Expected> expected(const fs::path& db, const std::string& round,
                                         const std::string& from, const std::string& to,
                                         const std::string& reference) {
  std::map<std::string, Expected> out;
  const bool open = from.empty() && to.empty();
  auto in = [&](const std::string& d) {
    return !d.empty() && (from.empty() || d >= from) && (to.empty() || d <= to);
  };
  for (const auto& r : query(db, kCaseRows, round)) {
    Expected& e = out[r[0]];
    const std::string &procedure = r[1], &filed = r[2], &decided = r[3], &closed = r[4];
    if (procedure == "reconsideration" || procedure == "litigation") {
      ++(procedure == "reconsideration" ? e.reconsideration : e.litigation);
      if (!r[9].empty()) {
        ++e.with_outcome;
        for (const char* c : {"撤销", "确认违法", "变更", "责令履行"}) e.corrected += r[9] == c;
      }
      continue;
    }
    const bool is_filed = open ? r[5] == "1" : in(filed);
    e.filed += is_filed;
    e.closed += open ? r[7] == "1" : in(closed);
    if (!filed.empty() && !decided.empty() && (open || in(decided)) && decided >= filed)
      e.to_decision.push_back(day_gap(filed, decided));
    if (!filed.empty() && !closed.empty() && (open || in(closed)) && closed >= filed)
      e.to_closing.push_back(day_gap(filed, closed));
    if (is_filed && r[6] == "0" && r[7] == "0" && !filed.empty() &&
        day_gap(filed, reference) > 90 + (r[8] == "1" ? 30 : 0))
      ++e.overdue;
  }
  return out;
}

std::optional<double> middle(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

void compare(const StatsRow& row, const Expected& e) {
  INFO("row " << row.name);
  CHECK(row.filed == e.filed);
  CHECK(row.closed == e.closed);
  CHECK(row.overdue == e.overdue);
  CHECK(row.reconsideration == e.reconsideration);
  CHECK(row.litigation == e.litigation);
  CHECK(row.with_outcome == e.with_outcome);
  CHECK(row.corrected == e.corrected);
  CHECK(row.days_to_decision == middle(e.to_decision));
  CHECK(row.days_to_closing == middle(e.to_closing));
  if (e.filed > 0)
    CHECK(row.closure_rate == Approx(static_cast<double>(e.closed) / e.filed));
  else
    CHECK_FALSE(row.closure_rate);
}

// ---- A stored round written through the store API ----------------------------

Document doc(const std::string& type, int stage, const std::string& date,
             std::vector<Fact> facts = {}) {
  Document d;
  d.path = type + ".docx";
  d.format = "docx";
  d.type = type;
  d.stage = stage;
  if (!date.empty()) d.date = date;
  d.has_text = true;
  d.facts = std::move(facts);
  return d;
}

Fact provision(const std::string& value) { return {"provision", value, "依据" + value}; }

Case stored_case(const std::string& archive, const std::string& street,
                 const std::string& procedure, std::vector<Document> docs) {
  Case c;
  c.archive = archive;
  c.sha256 = std::string(64, 'a');
  if (!street.empty()) c.info.street = street;
  c.info.procedure = procedure;
  c.documents = std::move(docs);
  return c;
}

// Round 统计轮: 赤岗 A1–A3 and C1, 新港 B1–B4 (none closed), one case without
// a street, and four answer files with their outcomes.
void save_stats_round(const fs::path& db) {
  {
    Result<std::unique_ptr<Store>> opened = Store::open(db);
    REQUIRE(opened.ok());
    Store& s = **opened;
    RunInfo info{"0.1.0",  "general-penalty", "2025.1", "abc", "2025-01-02T08:00:00Z",
                 "统计轮", "inspection",      "张三"};
    Result<long long> run = s.begin_run(info);
    REQUIRE(run.ok());
    const std::string law = "《中华人民共和国行政处罚法》第五十一条";
    std::vector<Case> cases = {
        stored_case("A1.zip", "赤岗", "general",
                    {doc("filing_approval", 1, "2024-03-01"),
                     doc("penalty_decision", 5, "2024-04-02",
                         {provision(law), provision("《广州市市容环境卫生管理规定》第十条")}),
                     doc("closing_approval", 8, "2024-05-01")}),
        // Dated by the filing_date fact on its undated 立案审批表.
        stored_case("A2.zip", "赤岗", "general",
                    {doc("filing_approval", 1, "",
                         {{"filing_date", "2024-06-01", "立案日期：2024年6月1日"}}),
                     doc("penalty_decision", 5, "2024-06-11",
                         {provision("《中华人民共和国食品安全法》第一百二十二条")}),
                     doc("closing_approval", 8, "2024-07-01")}),
        // Open since January: past the 90 days at the period's end.
        stored_case("A3.zip", "赤岗", "general",
                    {doc("filing_approval", 1, "2024-01-10",
                         {provision("《中华人民共和国慈善法》第九十九条")})}),
        // Filed and decided before the period, closed after it: in no figure.
        stored_case(
            "C1.zip", "赤岗", "general",
            {doc("filing_approval", 1, "2023-11-01"), doc("penalty_decision", 5, "2023-12-01"),
             doc("closing_approval", 8, "2025-01-10")}),
        stored_case(
            "B1.zip", "新港", "general",
            {doc("filing_approval", 1, "2024-02-01"), doc("penalty_decision", 5, "2024-02-21")}),
        // Open 41 days at the period's end: not past the deadline.
        stored_case("B2.zip", "新港", "general", {doc("filing_approval", 1, "2024-11-20")}),
        stored_case(
            "B3.zip", "新港", "general",
            {doc("filing_approval", 1, "2024-03-01"),
             doc("penalty_decision", 5, "2024-03-11",
                 {provision(law), provision("《中华人民共和国大气污染防治法》第一百一十七条")})}),
        stored_case(
            "B4.zip", "新港", "general",
            {doc("filing_approval", 1, "2024-04-01"), doc("penalty_decision", 5, "2024-05-01")}),
        // Open 150 days with an extension (90 + 30): past it.
        stored_case(
            "B5.zip", "新港", "general",
            {doc("filing_approval", 1, "2024-08-03"), doc("extension_approval", 5, "2024-10-20")}),
        stored_case("U1.zip", "", "general", {doc("filing_approval", 1, "2024-05-05")}),
        stored_case("R1.zip", "赤岗", "reconsideration",
                    {doc("reconsideration_decision", 8, "2024-08-01",
                         {{"appeal_outcome", "撤销", "决定撤销"}})}),
        stored_case("R2.zip", "赤岗", "reconsideration",
                    {doc("reconsideration_decision", 8, "2024-08-02",
                         {{"appeal_outcome", "维持", "决定维持"}})}),
        stored_case(
            "L1.zip", "新港", "litigation",
            {doc("judgment", 8, "2024-09-01", {{"appeal_outcome", "确认违法", "确认违法"}})}),
        stored_case("L2.zip", "新港", "litigation", {doc("answer", 2, "2024-09-05")}),
    };
    for (const Case& c : cases) {
      Status saved = s.save_case(*run, c, Audit{});
      INFO(saved.reason);
      REQUIRE(saved.ok());
    }
    REQUIRE(s.end_run(*run).ok());
  }
}

struct StatsFixture {
  TempDir dir;
  fs::path db = dir.path / "统计.db";
  StatsFixture() { save_stats_round(db); }

  // The round's report values with the statistics of `period`.
  std::unique_ptr<RoundReport> report(const StatsPeriod& period) {
    Result<std::unique_ptr<Store>> store = Store::open_read_only(db);
    REQUIRE(store.ok());
    ReportRequest request;
    request.round = "统计轮";
    request.compare = false;
    Result<std::unique_ptr<RoundReport>> r = read_round_report(**store, request);
    REQUIRE(r.ok());
    Status s = add_street_stats(**store, **r, test_fields(), &bundled(), period);
    INFO(s.reason);
    REQUIRE(s.ok());
    return std::move(*r);
  }
};

const StatsRow& row(const std::vector<StatsRow>& rows, const std::string& name) {
  for (const StatsRow& r : rows)
    if (r.name == name) return r;
  FAIL("no row " << name);
  return rows.front();
}

const StatsPeriod k2024{std::string("2024-01-01"), std::string("2024-12-31")};

TEST_CASE("the street figures of a period equal a count made with plain SQL", "[street-stats]") {
  StatsFixture f;
  std::unique_ptr<RoundReport> r = f.report(k2024);
  const StreetStats& st = *r->summary.street_stats;
  CHECK(st.options.reference == "2024-12-31");  // the period ends before the data's date
  CHECK(st.options.decision_limit == 90);
  CHECK(st.options.extension_days == 30);
  const auto want = expected(f.db, "统计轮", "2024-01-01", "2024-12-31", "2024-12-31");
  REQUIRE(st.streets.size() == want.size());
  for (const StatsRow& got : st.streets) compare(got, want.at(got.name));
  CHECK(st.streets.back().name == kUnknownStreet);  // unknown last

  // The hand count, as docs/reports.md defines it.
  const StatsRow& chigang = row(st.streets, "赤岗");
  CHECK(chigang.filed == 3);
  CHECK(chigang.closed == 2);
  CHECK(*chigang.closure_rate == Approx(2.0 / 3));
  CHECK(*chigang.days_to_decision == 21);   // even: (32 + 10) / 2
  CHECK(*chigang.days_to_closing == 45.5);  // even: (61 + 30) / 2
  CHECK(chigang.overdue == 1);              // A3
  CHECK(chigang.reconsideration == 2);
  CHECK(chigang.corrected == 1);
  CHECK(*chigang.correction_rate == 0.5);
  const StatsRow& xingang = row(st.streets, "新港");
  CHECK(xingang.filed == 5);
  CHECK(xingang.closed == 0);
  CHECK(*xingang.closure_rate == 0);       // nothing closed: 0, not missing
  CHECK_FALSE(xingang.days_to_closing);    // and no median
  CHECK(*xingang.days_to_decision == 20);  // odd: 10, 20, 30
  CHECK(xingang.overdue == 1);             // B5 past 90 + 30 days; B2 not yet
  CHECK(xingang.litigation == 2);
  CHECK(xingang.with_outcome == 1);
  CHECK(*xingang.correction_rate == 1);
  CHECK(st.total.filed == 9);
}

TEST_CASE("without a period every case counts by its documents, as plain SQL counts them",
          "[street-stats]") {
  StatsFixture f;
  std::unique_ptr<RoundReport> r = f.report({});
  const StreetStats& st = *r->summary.street_stats;
  const auto want = expected(f.db, "统计轮", "", "", st.options.reference);
  for (const StatsRow& got : st.streets) compare(got, want.at(got.name));
  CHECK(row(st.streets, "赤岗").filed == 4);  // C1 too
  CHECK(row(st.streets, "赤岗").closed == 3);
}

TEST_CASE("a case's field comes from its decision's laws through the map, else the default",
          "[street-stats]") {
  StatsFixture f;
  std::unique_ptr<RoundReport> r = f.report(k2024);
  const StreetStats& st = *r->summary.street_stats;
  // 《行政处罚法》 is skipped; the 市容 rule places A1.
  CHECK(row(st.fields, "城市管理").filed == 1);
  CHECK(row(st.fields, "市场监管").filed == 1);  // A2: 食品安全法
  CHECK(row(st.fields, "生态环境").filed == 1);  // B3: 大气污染防治法
  // A3 (慈善法, no pattern), the cases without provisions, U1: the default.
  CHECK(row(st.fields, "其他").filed == 6);
  for (const StatsRow& field : st.fields) CHECK(field.name != "自然资源");  // no case: no row
  CHECK(test_fields().field_of({"《广州市城乡规划条例》第六十条"}) == "城市管理");
  CHECK(test_fields().field_of({"《中华人民共和国行政强制法》第九条"}) == "其他");
}

TEST_CASE("the 通报 carries the section with both tables and its chart in HTML, DOCX and XLSX",
          "[street-stats]") {
  StatsFixture f;
  std::unique_ptr<RoundReport> r = f.report(k2024);
  Vocabulary names;
  const fs::path out = f.dir.path / "报告";
  ReportFormats formats;
  formats.html = formats.docx = formats.xlsx = true;
  Status written = write_report_files(r->input(names), formats, out);
  INFO(written.reason);
  REQUIRE(written.ok());
  std::ifstream html_in(out / "report.html", std::ios::binary);
  const std::string html((std::istreambuf_iterator<char>(html_in)), {});
  CHECK(html.find(kStreetStatsTitle) != std::string::npos);
  CHECK(html.find("各执法领域") != std::string::npos);
  CHECK(html.find("data-series=\"结案\"") != std::string::npos);
  CHECK(html.find("2024-01-01 至 2024-12-31") != std::string::npos);
  std::ifstream docx_in(out / "report.docx", std::ios::binary);
  const std::string docx =
      test::docx_text(std::string((std::istreambuf_iterator<char>(docx_in)), {}));
  CHECK(docx.find(kStreetStatsTitle) != std::string::npos);
  CHECK(docx.find("66.7%") != std::string::npos);  // 赤岗's closure rate
  std::ifstream xlsx_in(out / "report.xlsx", std::ios::binary);
  const auto cells =
      test::xlsx_cells(std::string((std::istreambuf_iterator<char>(xlsx_in)), {}), 8);
  CHECK(cells.at("A1") == "分组");
  CHECK(cells.at("B2") == "新港");  // streets by name (UTF-8 bytes): 新港 before 赤岗
}

TEST_CASE("a round's report has the statistics section unless asked without it", "[street-stats]") {
  StatsFixture f;
  Result<std::unique_ptr<Store>> store = Store::open_read_only(f.db);
  REQUIRE(store.ok());
  ReportRequest request;
  request.round = "统计轮";
  request.compare = false;
  Vocabulary names;
  Result<std::unique_ptr<RoundReport>> with = read_round_report(**store, request);
  REQUIRE(with.ok());
  CHECK(html_report((*with)->input(names)).find(kStreetStatsTitle) != std::string::npos);
  request.street_stats = false;
  Result<std::unique_ptr<RoundReport>> without = read_round_report(**store, request);
  REQUIRE(without.ok());
  CHECK(html_report((*without)->input(names)).find(kStreetStatsTitle) == std::string::npos);
}

TEST_CASE("the statistics of audited real archives equal a count made with plain SQL",
          "[street-stats]") {
  TempDir dir;
  AuditRequest request;
  for (const char* name : {"01-complete-structured.zip", "02-complete-bare-gbk.zip",
                           "03-missing-notice-bare.zip", "04-structured-hearing-missing-review.zip",
                           "05-unsupported-and-scan.zip", "06-not-a-zip.zip"})
    request.inputs.push_back((kTestdata / name).string());
  request.db = dir.path / "a.db";
  request.round = "真实轮";
  request.tool_version = "test";
  request.full = true;
  Result<AuditOutcome> audited = audit_round(request, bundled(), AuditObserver{});
  INFO((audited ? std::string() : audited.error()));
  REQUIRE(audited.ok());
  Result<std::unique_ptr<Store>> store = Store::open_read_only(request.db);
  REQUIRE(store.ok());
  ReportRequest rr;
  rr.round = "真实轮";
  rr.compare = false;
  Result<std::unique_ptr<RoundReport>> r = read_round_report(**store, rr);
  REQUIRE(r.ok());
  REQUIRE(add_street_stats(**store, **r, test_fields(), &bundled()).ok());
  const StreetStats& st = *(*r)->summary.street_stats;
  const auto want = expected(request.db, "真实轮", "", "", st.options.reference);
  REQUIRE(st.streets.size() == want.size());
  int filed = 0, decided = 0;
  for (const StatsRow& got : st.streets) {
    compare(got, want.at(got.name));
    filed += got.filed;
    decided += got.days_to_decision ? 1 : 0;
  }
  CHECK(filed >= 3);    // the bundled archives are filed cases
  CHECK(decided >= 1);  // and decided ones: the medians are exercised
  // The street rows add up to the total.
  int closed = 0;
  for (const StatsRow& got : st.streets) closed += got.closed;
  CHECK(st.total.filed == filed);
  CHECK(st.total.closed == closed);
}

TEST_CASE("the workbench's round values carry the same tables, computed once per stamp",
          "[street-stats]") {
  StatsFixture f;
  Result<std::unique_ptr<Store>> store = Store::open_read_only(f.db);
  REQUIRE(store.ok());
  User admin;
  admin.id = 1;
  admin.name = "管理员";
  admin.role = UserRole::admin;
  Result<std::optional<RoundCharts>> charts = round_charts(f.db, 1, admin, bundled());
  INFO((charts ? std::string() : charts.error()));
  REQUIRE(charts.ok());
  REQUIRE(*charts);
  REQUIRE((*charts)->street_stats);
  const StreetStatsView& v = *(*charts)->street_stats;
  // The same view the 通报 renders, from the whole round (no period).
  std::unique_ptr<RoundReport> r = f.report({});
  const StreetStatsView want = street_stats_view(*r->summary.street_stats);
  CHECK(v.streets == want.streets);
  // The page reads the bundled map; without it every case counts as 其他.
  if (fs::exists(default_field_map_file()))
    CHECK((*charts)->field_map_problem.empty());
  else
    CHECK(v.fields.at(1).at(0) == "其他");
  bool chart = false;
  for (const std::string& svg : (*charts)->svgs)
    chart = chart || svg.find("各街道立案、结案数") != std::string::npos;
  CHECK(chart);
}

TEST_CASE("the round page shows the tables to an inspector, not to a street user",
          "[street-stats]") {
  test::TestServer srv({{"admin1", UserRole::admin, "", test::kServePassword},
                        {"chigang", UserRole::street, "赤岗", test::kServePassword}});
  save_stats_round(srv.db);
  for (const char* u : {"admin1", "chigang"}) srv.cookies[u] = srv.sign_in(u).cookie;
  auto r = srv.get("admin1", "/rounds/1");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->body.find("<section class=\"street-stats\" id=\"street-stats\">") != std::string::npos);
  CHECK(r->body.find("<table id=\"street-stats-streets\"><thead><tr><th>街道</th>") !=
        std::string::npos);
  CHECK(r->body.find("<table id=\"street-stats-fields\">") != std::string::npos);
  CHECK(r->body.find("<td>新港</td>") != std::string::npos);
  CHECK(r->body.find("aria-label=\"各街道立案、结案数（宗）\"") != std::string::npos);
  auto street = srv.get("chigang", "/rounds/1");
  REQUIRE(street);
  CHECK(street->body.find("id=\"street-stats\"") == std::string::npos);
}

// ---- The field map's loader -------------------------------------------------

TEST_CASE("the first matching pattern wins, a skipped law passes to the next", "[street-stats]") {
  const FieldMap& m = test_fields();
  CHECK(m.default_field == "其他");
  CHECK(m.field_of_law("中华人民共和国行政处罚法").empty());  // skipped
  CHECK(m.field_of({"《中华人民共和国行政处罚法》第五十一条",
                    "《广州市市容环境卫生管理规定》第十条"}) == "城市管理");
  CHECK(m.field_of({"《广东省环境保护条例》第二十条"}) == "生态环境");
  CHECK(m.field_of({}) == "其他");
  CHECK(law_of_provision("《中华人民共和国食品安全法》第一百二十二条第一款") ==
        "中华人民共和国食品安全法");
}

TEST_CASE("the bundled sample map loads and places the district's common laws", "[street-stats]") {
  if (!fs::exists(default_field_map_file())) {
    WARN("no bundled field map at " << default_field_map_file());
    return;
  }
  Result<FieldMap> m = load_field_map(default_field_map_file());
  INFO((m ? std::string() : m.error()));
  REQUIRE(m.ok());
  CHECK(m->default_field == "其他");
  CHECK(m->fields.size() == 7);
  CHECK(m->field_of({"《中华人民共和国行政处罚法》第五十一条",
                     "《广州市市容环境卫生管理规定》第十条"}) == "城市管理");
  CHECK(m->field_of({"《中华人民共和国食品安全法》第一百二十二条"}) == "市场监管");
  CHECK(m->field_of({"《广州市社会生活噪声污染防治规定》第十条"}) == "生态环境");
  CHECK(m->field_of({"《中华人民共和国土地管理法》第七十七条"}) == "自然资源");
  CHECK(m->field_of({"《物业管理条例》第五十条"}) == "住房城乡建设");
  CHECK(m->field_of({"《广州市控制吸烟条例》第十条"}) == "卫生健康");
  CHECK(m->field_of({"《中华人民共和国慈善法》第九十九条"}) == "其他");
}

TEST_CASE("a bad field map fails with its file and line", "[street-stats]") {
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<fields id=\"t\" version=\"1\" default=\"其他\">\n"
      "  <field name=\"其他\"/>\n"
      "  <field name=\"城市管理\"/>\n";
  auto fails = [](const std::string& xml) {
    Result<FieldMap> m = parse_field_map("/x/fields.xml", xml);
    REQUIRE_FALSE(m.ok());
    return m.error();
  };
  CHECK(fails(head + "  <law pattern=\"市容\" field=\"城管\"/>\n</fields>\n")
            .rfind("/x/fields.xml:5: 领域「城管」未在 <field> 中声明", 0) == 0);
  CHECK(fails(head + "  <law pattern=\"市容\" field=\"城市管理\"/>\n"
                     "  <ignore pattern=\"市容\"/>\n</fields>\n")
            .rfind("/x/fields.xml:6: pattern「市容」重复", 0) == 0);
  CHECK(fails(head + "  <law pattern=\" \" field=\"城市管理\"/>\n</fields>\n")
            .rfind("/x/fields.xml:5: pattern 不能为空", 0) == 0);
  CHECK(fails(head + "  <rule pattern=\"a\"/>\n</fields>\n").find("/x/fields.xml:5:") == 0);
  CHECK(fails(head + "  <law pattern=\"a\" field=\"其他\" extra=\"1\"/>\n</fields>\n")
            .find("/x/fields.xml:5:") == 0);
  CHECK(fails("<fields id=\"t\" version=\"1\" default=\"无\">\n<field name=\"其他\"/>\n</fields>")
            .find("/x/fields.xml:1: default=\"无\"") == 0);
  CHECK(fails("<fields id=\"t\">\n<field name=\"其他\"\n</fields>").find("/x/fields.xml:") == 0);
  CHECK(fails("<scope id=\"t\"/>").find("根元素应为 <fields>") != std::string::npos);
  TempDir dir;
  std::ofstream(dir.path / "f.xml") << head << "  <law pattern=\"市容\" field=\"城市管理\"/>\n"
                                    << "</fields>\n";
  Result<FieldMap> ok = load_field_map(dir.path / "f.xml");
  REQUIRE(ok.ok());
  CHECK(ok->patterns.at(0).line == 5);
  CHECK_FALSE(load_field_map(dir.path / "missing.xml").ok());
}

TEST_CASE("a median is the middle value or the mean of the two middle ones", "[street-stats]") {
  CHECK_FALSE(median({}));
  CHECK(*median({7}) == 7);
  CHECK(*median({30, 10, 20}) == 20);
  CHECK(*median({10, 31}) == 20.5);
}

TEST_CASE(
    "auditor report --from/--to counts the statistics over that period, a bad date is refused",
    "[street-stats]") {
  TempDir dir;
  const std::string db = sh_quote((dir.path / "a.db").string());
  auto run = run_cli("audit --db " + db + " --round 期间轮 " +
                     sh_quote((kTestdata / "01-complete-structured.zip").string()) + " " +
                     sh_quote((kTestdata / "03-missing-notice-bare.zip").string()));
  REQUIRE(run.status <= 1);
  const fs::path out = dir.path / "报告";
  run = run_cli("report --db " + db + " --format html --sheets none --from 2024-01-01 --to " +
                "2024-12-31 --out " + sh_quote(out.string()));
  INFO(run.err);
  REQUIRE(run.status == 0);
  std::string html;
  for (const auto& e : fs::directory_iterator(out))
    if (e.path().extension() == ".html") {
      std::ifstream in(e.path());
      html.assign(std::istreambuf_iterator<char>(in), {});
    }
  CHECK_THAT(html, Catch::Contains("统计范围：2024-01-01 至 2024-12-31"));

  for (const char* bad :
       {"--from 2024-13-01", "--to 2024/12/31", "--from 2024-06-01 --to 2024-01-01"}) {
    run = run_cli("report --db " + db + " --out " + sh_quote(out.string()) + " " + bad);
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("参数错误"));
  }
}

}  // namespace
}  // namespace auditor
