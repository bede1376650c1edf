// Implausible dates (before 1990-01-01, or more than a year after the run
// date) never enter arithmetic: each rule that needs one asks for a manual
// check naming it, and the dates at the bounds are used as usual. Also the
// checked calendar arithmetic behind deadlines, total at the ends of the
// years 0001-9999 even for a date that slips past the bound.
#include <zip.h>

#include <catch2/catch.hpp>
#include <climits>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/pipeline.h"
#include "auditor/deadline_period.h"
#include "auditor/events.h"
#include "auditor/settings.h"
#include "tests/deadline_fixtures.h"
#include "tests/zip_fixtures.h"
#include "util/date.h"

using namespace auditor;
using namespace deadline_fixtures;

namespace {

constexpr const char* kRunDate = "2025-06-30";
constexpr const char* kWhy = "不合理（早于 1990 年或晚于审查日 2025-06-30 一年以上）";

// The bundled checklist, run as of kRunDate.
const Checklist& as_of_run() {
  static const Checklist cl = [] {
    Checklist c = bundled();
    c.settings["run_date"] = kRunDate;
    return c;
  }();
  return cl;
}

Audit audit(const Case& c) { return check_case(c, as_of_run()); }

Date day(const char* iso) {
  const std::optional<Date> d = Date::parse(iso);
  INFO(iso);
  REQUIRE(d);
  return *d;
}

std::string iso(const std::optional<Date>& d) { return d ? d->iso() : "nullopt"; }

// No finding of `a` computes a period or an order (so no veto comes from
// one), and every finding of a date rule is a manual check.
void check_nothing_computed(const Audit& a) {
  for (const Finding& f : a.findings) {
    INFO(f.rule << " " << f.message);
    CHECK(f.kind != "deadline");
    CHECK(f.kind != "order");
    if (f.rule.rfind("DL-", 0) == 0 || f.rule.rfind("ORD-", 0) == 0) {
      CHECK(f.kind == "manual_check");
      CHECK(f.deduction == 0);
    }
  }
}

// The manual check of `rule`, which must be its outcome.
const Finding& manual_check_of(const Audit& a, const std::string& rule) {
  INFO(rule);
  CHECK(outcome(a, rule) == Outcome::not_checkable);
  const Finding* f = finding(a, rule);
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(f->severity == "info");
  CHECK(f->deduction == 0);
  return *f;
}

}  // namespace

TEST_CASE("months added near the ends of the years 0001-9999 give nullopt, never garbage",
          "[plausible-dates]") {
  CHECK(iso(add_months(day("9999-12-31"), 24)) == "nullopt");
  CHECK(iso(add_months(day("9999-12-31"), 1)) == "nullopt");
  CHECK(iso(add_months(day("9999-12-31"), 0)) == "9999-12-31");
  CHECK(iso(add_months(day("9999-12-31"), -1)) == "9999-11-30");
  CHECK(iso(add_months(day("9999-01-31"), 11)) == "9999-12-31");
  CHECK(iso(add_months(day("0001-01-01"), -1)) == "nullopt");
  CHECK(iso(add_months(day("0001-01-01"), 24)) == "0003-01-01");
  CHECK(iso(add_months(day("0001-03-31"), -1)) == "0001-02-28");
  CHECK(iso(add_months(day("2024-01-31"), 1)) == "2024-02-29");
  CHECK(iso(add_months(day("2024-02-29"), 12)) == "2025-02-28");
  CHECK(iso(add_months(day("2024-05-10"), LLONG_MAX)) == "nullopt");
  CHECK(iso(add_months(day("2024-05-10"), LLONG_MIN)) == "nullopt");
  CHECK(iso(add_months(Date::from_day_number(INT_MAX), 1)) == "nullopt");
  CHECK(iso(add_months(Date::from_day_number(INT_MIN), 0)) == "nullopt");
}

TEST_CASE("days added past the years 0001-9999 give nullopt, never overflow", "[plausible-dates]") {
  CHECK(Date::earliest().iso() == "0001-01-01");
  CHECK(Date::latest().iso() == "9999-12-31");
  CHECK(iso(add_days_checked(day("9999-12-31"), 1)) == "nullopt");
  CHECK(iso(add_days_checked(day("9999-12-31"), 0)) == "9999-12-31");
  CHECK(iso(add_days_checked(day("0001-01-01"), -1)) == "nullopt");
  CHECK(iso(add_days_checked(day("0001-01-01"), 730)) == "0003-01-01");
  CHECK(iso(add_days_checked(day("2024-02-28"), 1)) == "2024-02-29");
  CHECK(iso(add_days_checked(day("2024-05-10"), LLONG_MAX)) == "nullopt");
  CHECK(iso(add_days_checked(day("2024-05-10"), LLONG_MIN)) == "nullopt");
  CHECK(iso(add_days_checked(Date::from_day_number(INT_MAX), -1)) == "nullopt");
}

TEST_CASE("a deadline past the year 9999 or before the year 1 is not measured",
          "[plausible-dates]") {
  const Date end = day("9999-12-31"), start = day("0001-01-01");
  CHECK_FALSE(measure({24, Unit::months}, end, end, nullptr));
  CHECK_FALSE(measure({1, Unit::calendar}, end, end, nullptr));
  CHECK_FALSE(measure({INT_MAX, Unit::calendar}, day("2024-05-10"), end, nullptr));
  CHECK_FALSE(measure({INT_MAX, Unit::months}, day("2024-05-10"), end, nullptr));
  CHECK_FALSE(measure({7, Unit::working}, end, end, bundled().calendar.get()));
  const std::optional<Span> months = measure({24, Unit::months}, start, start, nullptr);
  REQUIRE(months);
  CHECK(iso(months->deadline) == "0003-01-01");
  const std::optional<Span> days = measure({0, Unit::calendar}, end, end, nullptr);
  REQUIRE(days);
  CHECK(iso(days->deadline) == "9999-12-31");
}

TEST_CASE("plausible dates run from 1990-01-01 to one year after the run date",
          "[plausible-dates]") {
  const PlausibleDates p = plausible_dates(as_of_run());
  CHECK(p.run.iso() == kRunDate);
  CHECK(p.first.iso() == "1990-01-01");
  CHECK(p.last.iso() == "2026-06-30");
  CHECK(p.contains(day("1990-01-01")));
  CHECK(p.contains(day("2026-06-30")));
  CHECK_FALSE(p.contains(day("1989-12-31")));
  CHECK_FALSE(p.contains(day("2026-07-01")));

  Checklist leap = bundled();
  leap.settings["run_date"] = "2024-02-29";
  CHECK(plausible_dates(leap).last.iso() == "2025-02-28");
  Checklist last = bundled();
  last.settings["run_date"] = "9999-06-30";
  CHECK(plausible_dates(last).last.iso() == "9999-12-31");
}

TEST_CASE("the run date is today unless the run_date setting fixes it", "[plausible-dates]") {
  CHECK(run_date(bundled()) == Date::today());
  CHECK(run_date(as_of_run()).iso() == kRunDate);
  CHECK(Date::today() >= day("2024-01-01"));
  CHECK(validate_settings({{"run_date", "2025-06-30"}}).empty());
  CHECK_FALSE(validate_settings({{"run_date", "2025-13-01"}}).empty());
  CHECK_FALSE(validate_settings({{"run_date", "today"}}).empty());
}

TEST_CASE("a manifest date 9999-12-31 is a manual check naming it, never a period",
          "[plausible-dates]") {
  for (const char* bad : {"9999-12-31", "0001-01-01"}) {
    INFO(bad);
    Case c = dated_case();
    c.has_manifest = true;
    c.info.dates["violation"] = bad;
    const Audit a = audit(c);
    check_nothing_computed(a);
    const Finding& f = manual_check_of(a, "DL-limitation-2y");
    CHECK_THAT(f.message, Catch::StartsWith(std::string("卷内清单（manifest.xml）登记的违法行为"
                                                        "发生日期 ") +
                                            bad + " " + kWhy + "，无法计算期限，请人工核对"));
    CHECK(f.document == "filing_approval");
    CHECK_FALSE(find_event(c, as_of_run(), "violation"));
    REQUIRE(date_event(c, as_of_run(), "violation").implausible.size() == 1);
  }
}

TEST_CASE("a manifest decision date 9999-12-31 stops every period and order that needs it",
          "[plausible-dates]") {
  Case c = dated_case();
  c.has_manifest = true;
  c.info.dates["decided"] = "9999-12-31";
  const Audit a = audit(c);
  check_nothing_computed(a);
  // The filing date still picks the law version (since=2021-07-15).
  for (const char* rule : {"DL-defence-period", "DL-decision-90d", "DL-decision-served-7wd",
                           "ORD-stage-sequence", "ORD-approval-before-decision"}) {
    const Finding& f = manual_check_of(a, rule);
    CHECK_THAT(f.message,
               Catch::Contains("卷内清单（manifest.xml）登记的作出行政处罚决定日期 9999-12-31 " +
                               std::string(kWhy)));
  }
  // The documents' own decision date is not taken in its stead.
  CHECK_FALSE(find_event(c, as_of_run(), "decided"));
  // Quiet where the other step is not on file at all (no hearing, no
  // publication): as for an unreadable date, nothing to compare it with.
  CHECK(outcome(a, "ORD-hearing-before-decision") == Outcome::not_checkable);
  CHECK_FALSE(finding(a, "ORD-hearing-before-decision"));
  Case unpublished = c;
  unpublished.info.flags["disclosure_required"] = "true";
  std::erase_if(unpublished.documents,
                [](const Document& d) { return d.type == "publication_record"; });
  const Audit without = audit(unpublished);
  CHECK(outcome(without, "DL-publication") == Outcome::not_checkable);
  CHECK_FALSE(finding(without, "DL-publication"));
  unpublished.documents.push_back(dated("publication_record", "2024-10-08"));
  CHECK_THAT(manual_check_of(audit(unpublished), "DL-publication").message,
             Catch::Contains("9999-12-31 不合理"));
  // Quiet: the same case without the manifest date.
  c.info.dates.erase("decided");
  const Audit quiet = audit(c);
  for (const char* rule : {"DL-defence-period", "DL-decision-90d", "DL-decision-served-7wd",
                           "ORD-stage-sequence", "ORD-approval-before-decision"}) {
    INFO(rule);
    CHECK(outcome(quiet, rule) == Outcome::passed);
  }
}

TEST_CASE("a document dated 1985-01-01 is a manual check naming the document",
          "[plausible-dates]") {
  Case c = dated_case();
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "1985-01-01");
  const Audit a = audit(c);
  check_nothing_computed(a);
  const Finding& f = manual_check_of(a, "DL-decision-90d");
  CHECK_THAT(f.message, Catch::StartsWith("《行政处罚决定书》（penalty_decision.docx）的落款日期 "
                                          "1985-01-01 " +
                                          std::string(kWhy)));
  bool named = false;
  for (const std::string& e : f.evidence)
    named = named || e.find("的落款日期 1985-01-01 不合理") != std::string::npos;
  CHECK(named);
}

TEST_CASE("a document date a manifest declares as 1985-01-01 is a manual check",
          "[plausible-dates]") {
  Case c = dated_case();
  c.has_manifest = true;
  doc_of(c, "penalty_decision").date = "1985-01-01";
  const Audit a = audit(c);
  check_nothing_computed(a);
  CHECK_THAT(manual_check_of(a, "DL-decision-90d").message,
             Catch::StartsWith("卷内清单（manifest.xml）登记的《行政处罚决定书》"
                               "（penalty_decision.docx）文书日期 1985-01-01 " +
                               std::string(kWhy)));
}

TEST_CASE("a date two years after the run date is a manual check", "[plausible-dates]") {
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_decision"), "service_date", "2027-06-30");
  const Audit a = audit(c);
  check_nothing_computed(a);
  CHECK_THAT(manual_check_of(a, "DL-decision-served-7wd").message,
             Catch::StartsWith("《送达回证》（送达回证-penalty_decision.docx）的送达日期 "
                               "2027-06-30 " +
                               std::string(kWhy)));
  // One day past the bound is already implausible.
  set_fact(receipt_of(c, "penalty_decision"), "service_date", "2026-07-01");
  CHECK_THAT(manual_check_of(audit(c), "DL-decision-served-7wd").message,
             Catch::Contains("2026-07-01 不合理"));
}

TEST_CASE("dates exactly at the bounds are used as usual", "[plausible-dates]") {
  SECTION("a year after the run date: the 90-day limit is computed") {
    Case c = dated_case();
    set_fact(doc_of(c, "penalty_decision"), "doc_date", "2026-06-30");
    const Audit a = audit(c);
    CHECK(outcome(a, "DL-decision-90d") == Outcome::failed);
    const Finding* f = finding(a, "DL-decision-90d");
    REQUIRE(f);
    CHECK(f->kind == "deadline");
    CHECK_THAT(f->message, Catch::Contains("2026-06-30"));
  }
  SECTION("1990-01-01: the limitation period is computed, and is a veto") {
    Case c = dated_case();
    c.has_manifest = true;
    c.info.dates["violation"] = "1990-01-01";
    const Audit a = audit(c);
    CHECK(outcome(a, "DL-limitation-2y") == Outcome::failed);
    const Finding* f = finding(a, "DL-limitation-2y");
    REQUIRE(f);
    CHECK(f->kind == "deadline");
    CHECK(f->severity == "veto");
    CHECK_THAT(f->message, Catch::Contains("期限至 1992-01-01"));
    c.info.dates["violation"] = "1989-12-31";
    CHECK_THAT(manual_check_of(audit(c), "DL-limitation-2y").message,
               Catch::Contains("1989-12-31 不合理"));
  }
  SECTION("a normal date: within the limitation period") {
    Case c = dated_case();
    c.has_manifest = true;
    c.info.dates["violation"] = "2024-08-01";
    CHECK(outcome(audit(c), "DL-limitation-2y") == Outcome::passed);
  }
}

TEST_CASE("implausible decision and filing dates leave the law version to a manual check",
          "[plausible-dates]") {
  Case c = dated_case();
  c.documents.push_back(dated("hearing_request", "2024-09-10"));
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "9999-12-31");
  set_fact(doc_of(c, "filing_approval"), "doc_date", "1985-01-01");
  const Audit a = audit(c);
  check_nothing_computed(a);
  const Finding& f = manual_check_of(a, "DL-defence-period");
  CHECK_THAT(f.message, Catch::Contains("（penalty_decision.docx）的落款日期 9999-12-31、"));
  CHECK_THAT(f.message, Catch::Contains("（filing_approval.docx）的落款日期 1985-01-01 不合理"));
  CHECK_THAT(f.message, Catch::Contains("无法确定适用的法律版本"));
  CHECK(outcome(a, "DL-hearing-request-5wd") == Outcome::not_checkable);
  CHECK(outcome(a, "DL-hearing-request-3d-2017") == Outcome::not_checkable);
  // Quiet: a plausible filing date picks the law again.
  set_fact(doc_of(c, "filing_approval"), "doc_date", "2024-09-02");
  CHECK(outcome(audit(c), "DL-hearing-request-5wd") == Outcome::passed);
}

TEST_CASE("an implausible closing date is named by the stage order and not computed",
          "[plausible-dates]") {
  Case c = dated_case();
  set_fact(doc_of(c, "closing_approval"), "doc_date", "9999-12-31");
  const Audit a = audit(c);
  check_nothing_computed(a);
  CHECK_THAT(manual_check_of(a, "ORD-stage-sequence").message,
             Catch::StartsWith("《结案审批表》（closing_approval.docx）的落款日期 9999-12-31 " +
                               std::string(kWhy) + "，无法据以核对先后顺序"));
  // An inversion among the plausible dates is still reported beside it.
  set_fact(receipt_of(c, "penalty_decision"), "service_date", "2024-09-20");
  const Audit inverted = audit(c);
  CHECK(outcome(inverted, "ORD-stage-sequence") == Outcome::failed);
  bool order = false, manual = false;
  for (const Finding& f : inverted.findings)
    if (f.rule == "ORD-stage-sequence") {
      order = order || f.kind == "order";
      manual = manual || (f.kind == "manual_check" &&
                          f.message.find("9999-12-31 不合理") != std::string::npos);
    }
  CHECK(order);
  CHECK(manual);
}

namespace {

// The members of a zip, in order.
std::vector<testing::Member> members_of(const std::filesystem::path& archive) {
  int err = 0;
  zip_t* za = zip_open(archive.c_str(), ZIP_RDONLY, &err);
  REQUIRE(za);
  std::vector<testing::Member> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(za, i, 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(za, i, 0);
    REQUIRE(f);
    std::string data(st.size, '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    out.emplace_back(st.name, std::move(data));
  }
  zip_discard(za);
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("an archive whose manifest declares 9999-12-31 is audited without a period from it",
          "[plausible-dates]") {
  namespace fs = std::filesystem;
  std::vector<testing::Member> members =
      members_of(AUDITOR_SOURCE_DIR "/testdata/01-complete-structured.zip");
  bool edited = false;
  for (testing::Member& m : members)
    if (m.name == "manifest.xml") {
      // Every declared case date, a violation and a discovery date, and the
      // decision's own date.
      const std::string dates =
          "<dates filed=\"2024-03-01\" notice-served=\"2024-03-12\" "
          "decided=\"2024-03-21\" decision-served=\"2024-03-22\" "
          "closed=\"2024-04-08\"/>";
      REQUIRE(m.data.find(dates) != std::string::npos);
      replace_all(m.data, dates,
                  "<dates filed=\"9999-12-31\" notice-served=\"9999-12-31\" "
                  "decided=\"9999-12-31\" decision-served=\"9999-12-31\" closed=\"9999-12-31\" "
                  "violation=\"9999-12-31\" discovered=\"0001-01-01\"/>");
      replace_all(m.data, "number=\"穗海赤岗综执罚决〔2024〕31号\" date=\"2024-03-21\"",
                  "number=\"穗海赤岗综执罚决〔2024〕31号\" date=\"9999-12-31\"");
      edited = true;
    }
  REQUIRE(edited);
  const fs::path dir = fs::temp_directory_path() / "date-plausibility-test";
  fs::create_directories(dir);
  const fs::path archive = dir / "manifest-9999.zip";
  {
    std::ofstream out(archive, std::ios::binary);
    out << testing::make_zip(members);
  }
  Result<Checklist> loaded = load_checklist(AUDITOR_SOURCE_DIR "/checklists/general");
  REQUIRE(loaded.ok());
  loaded->settings["run_date"] = kRunDate;
  const CaseResult r = audit_archive(archive, *loaded, ImportOptions{});
  fs::remove_all(dir);
  REQUIRE_FALSE(r.c.rejected);
  REQUIRE(r.c.has_manifest);
  check_nothing_computed(r.audit);
  bool limitation_named = false, decision_named = false;
  for (const Finding& f : r.audit.findings) {
    INFO(f.rule << " " << f.message);
    CHECK(f.message.find("10001") == std::string::npos);  // no year past 9999 in any message
    if (f.kind != "manual_check") continue;
    const bool implausible = f.message.find(" 不合理（") != std::string::npos;
    limitation_named =
        limitation_named || (f.rule == "DL-limitation-2y" && implausible &&
                             f.message.find("违法行为发生日期 9999-12-31") != std::string::npos &&
                             f.message.find("发现违法行为日期 0001-01-01") != std::string::npos);
    decision_named =
        decision_named || (f.rule == "DL-decision-90d" && implausible &&
                           f.message.find("作出行政处罚决定日期 9999-12-31") != std::string::npos);
  }
  CHECK(limitation_named);
  CHECK(decision_named);
}
