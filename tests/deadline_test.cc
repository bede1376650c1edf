// The deadline rules of the bundled checklist, each with a case that must
// fire and one that must stay quiet, counted with the real calendar
// (checklists/calendar/cn-holidays.xml).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/deadline_fixtures.h"

using namespace auditor;
using namespace deadline_fixtures;

namespace {

Audit audit(const Case& c) { return check_case(c, bundled()); }

bool has_evidence(const Finding& f, const std::string& text) {
  for (const std::string& e : f.evidence)
    if (e.find(text) != std::string::npos) return true;
  return false;
}

// Keeps the stage order intact when a test moves the decision's service.
void serve_decision(Case& c, const std::string& date) {
  set_fact(receipt_of(c, "penalty_decision"), "service_date", date);
}

}  // namespace

TEST_CASE("complete dated case has no scored deadline or order finding", "[deadline]") {
  const Audit a = audit(dated_case());
  for (const Finding& f : a.findings) {
    INFO(f.rule << " " << f.message);
    if (f.kind == "deadline" || f.kind == "order") CHECK_FALSE(scored(f));
  }
  for (const char* rule : {"DL-defence-period", "DL-decision-served-7wd", "DL-publication",
                           "DL-decision-90d", "DL-payment-15d", "ORD-stage-sequence"}) {
    INFO(rule);
    CHECK(outcome(a, rule) == Outcome::passed);
  }
  CHECK(outcome(a, "DL-decision-served-7d-2017") == Outcome::not_applicable);
  CHECK(outcome(a, "DL-preservation-7wd") == Outcome::not_applicable);
  CHECK(outcome(a, "DL-limitation-2y") == Outcome::not_checkable);
}

TEST_CASE("decision served on the 7th working day after National Day is in time", "[deadline]") {
  // Decided Friday 2024-09-27; Sunday 09-29 and Saturday 10-12 are make-up
  // workdays, 10-01..07 are off: 10-12 is the 7th working day.
  Case c = dated_case();
  serve_decision(c, "2024-10-12");
  CHECK(outcome(audit(c), "DL-decision-served-7wd") == Outcome::passed);
}

TEST_CASE("decision served on the 8th working day after National Day is late", "[deadline]") {
  Case c = dated_case();
  serve_decision(c, "2024-10-14");
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-decision-served-7wd") == Outcome::failed);
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f);
  CHECK(f->kind == "deadline");
  CHECK(f->severity == "minor");
  CHECK(f->deduction == 3);
  CHECK(f->stage == 6);
  CHECK(f->document == "penalty_decision");
  CHECK(f->message ==
        "《行政处罚决定书》（穗海昌岗综执罚决〔2024〕22号，2024-09-"
        "27）于决定后第 8 个工作日"
        "（2024-10-14）送达，超过 7 个工作日的送达期限（最迟 2024-10-12）");
  CHECK_THAT(f->basis, Catch::Contains("第六十一条"));
  REQUIRE(f->evidence.size() >= 3);
  CHECK_THAT(f->evidence[0], Catch::Contains("penalty_decision.docx"));
  CHECK_THAT(f->evidence[1], Catch::Contains("送达回证-penalty_decision.docx"));
  CHECK_THAT(f->evidence[2], Catch::Contains("第 7 个工作日为 2024-10-12"));
}

TEST_CASE("Spring Festival 2024: Sunday 02-18 is the 7th working day, 02-19 the 8th",
          "[deadline]") {
  // Preservation notice Friday 2024-02-02: make-up Sunday 02-04, then
  // 02-05..09, holidays 02-10..17, make-up Sunday 02-18.
  Case c = dated_case();
  c.documents.push_back(dated("preservation_notice", "2024-02-02"));
  c.documents.push_back(dated("preservation_decision", "2024-02-18"));
  CHECK(outcome(audit(c), "DL-preservation-7wd") == Outcome::passed);
  set_fact(doc_of(c, "preservation_decision"), "doc_date", "2024-02-19");
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-preservation-7wd") == Outcome::failed);
  const Finding* f = finding(a, "DL-preservation-7wd");
  REQUIRE(f);
  CHECK(f->severity == "major");
  CHECK_THAT(f->message, Catch::Contains("后第 8 个工作日"));
  CHECK_THAT(f->message, Catch::Contains("最迟 2024-02-18"));
}

TEST_CASE(
    "decision before the defence period ends is a veto, the make-up "
    "Saturday counts",
    "[deadline]") {
  // Notice served Tuesday 2024-10-08: 10-09, 10-10, 10-11, Saturday 10-12
  // (make-up), 10-14: the period ends on 10-14.
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_notice"), "service_date", "2024-10-08");
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2024-10-14");
  set_fact(doc_of(c, "penalty_approval"), "doc_date", "2024-10-14");
  serve_decision(c, "2024-10-15");
  set_fact(doc_of(c, "publication_record"), "doc_date", "2024-10-16");
  set_fact(doc_of(c, "payment_proof"), "doc_date", "2024-10-18");
  Audit a = audit(c);
  CHECK(outcome(a, "DL-defence-period") == Outcome::failed);
  const Finding* f = finding(a, "DL-defence-period");
  REQUIRE(f);
  CHECK(f->severity == "veto");
  CHECK_THAT(f->message, Catch::Contains("后第 5 个工作日"));
  CHECK_THAT(f->message, Catch::Contains("至 2024-10-14"));
  CHECK(has_evidence(*f, "五个工作日内"));
  CHECK(a.score == 0);

  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2024-10-15");
  CHECK(outcome(audit(c), "DL-defence-period") == Outcome::passed);
}

TEST_CASE("the defence period stated in the notice replaces the default", "[deadline]") {
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_notice"), "service_date", "2024-10-08");
  set_fact(doc_of(c, "penalty_approval"), "doc_date", "2024-10-12");
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2024-10-12");
  serve_decision(c, "2024-10-14");
  set_fact(doc_of(c, "publication_record"), "doc_date", "2024-10-14");
  doc_of(c, "penalty_notice").text =
      "如有陈述、申辩意见，可在收到本告知书之日起三个工作日内向本机关提出。";
  CHECK(outcome(audit(c), "DL-defence-period") == Outcome::passed);
  doc_of(c, "penalty_notice").text =
      "如有陈述、申辩意见，可在收到本告知书之日起7个工作日内向本机关提出。";
  CHECK(outcome(audit(c), "DL-defence-period") == Outcome::failed);
}

TEST_CASE("a written waiver turns the defence period rule off", "[deadline]") {
  Case c = dated_case();
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2024-09-10");
  set_fact(doc_of(c, "penalty_approval"), "doc_date", "2024-09-10");
  CHECK(outcome(audit(c), "DL-defence-period") == Outcome::failed);
  Document s = dated("statement_record", "2024-09-09");
  s.text = "本人自愿放弃陈述、申辩权利。";
  c.documents.push_back(s);
  CHECK(outcome(audit(c), "DL-defence-period") == Outcome::not_applicable);
}

TEST_CASE(
    "hearing request: 3 calendar days before 15 Jul 2021, 5 working days "
    "from it",
    "[deadline]") {
  // Notice served Monday 2021-07-05, hearing requested Friday 07-09: 4
  // calendar days, 4 working days.
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_notice"), "service_date", "2021-07-05");
  c.documents.push_back(dated("hearing_request", "2021-07-09"));
  for (const char* type : {"filing_approval", "inspection_record", "investigation_report"})
    set_fact(doc_of(c, type), "doc_date", "2021-07-01");
  set_fact(doc_of(c, "penalty_approval"), "doc_date", "2021-07-13");
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2021-07-14");
  serve_decision(c, "2021-07-14");
  for (const char* type : {"publication_record", "payment_proof", "closing_approval"})
    set_fact(doc_of(c, type), "doc_date", "2021-07-20");
  Audit old_law = audit(c);
  CHECK(outcome(old_law, "DL-hearing-request-3d-2017") == Outcome::failed);
  CHECK(outcome(old_law, "DL-hearing-request-5wd") == Outcome::not_applicable);
  const Finding* f = finding(old_law, "DL-hearing-request-3d-2017");
  REQUIRE(f);
  CHECK(f->severity == "info");
  CHECK_THAT(f->message, Catch::Contains("后第 4 日（2021-07-09）"));

  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2021-07-15");
  Audit new_law = audit(c);
  CHECK(outcome(new_law, "DL-hearing-request-5wd") == Outcome::passed);
  CHECK(outcome(new_law, "DL-hearing-request-3d-2017") == Outcome::not_applicable);
}

TEST_CASE("hearing notice served fewer than 7 working days before the hearing", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("hearing_request", "2024-09-10"));
  c.documents.push_back(dated("hearing_notification", "2024-09-11"));
  c.documents.push_back(receipt("hearing_notification", "2024-09-11"));
  Document record = dated("hearing_record", "");
  record.facts.push_back({"hearing_date", "2024-09-19", "听证时间：2024年9月19日"});
  c.documents.push_back(record);
  // Served Wednesday 09-11; 09-16 and 09-17 are the Mid-Autumn holiday and
  // Saturday 09-14 a make-up workday: 09-12, 13, 14, 18, 19 = 5 working days.
  Audit a = audit(c);
  CHECK(outcome(a, "DL-hearing-notice-7wd") == Outcome::failed);
  const Finding* f = finding(a, "DL-hearing-notice-7wd");
  REQUIRE(f);
  CHECK(f->document == "hearing_notification");
  CHECK_THAT(f->message, Catch::Contains("后第 5 个工作日（2024-09-19）"));
  CHECK_THAT(f->message, Catch::Contains("最早应为 2024-09-23"));
  set_fact(c.documents.back(), "hearing_date", "2024-09-23");
  CHECK(outcome(audit(c), "DL-hearing-notice-7wd") == Outcome::passed);
}

TEST_CASE("decision more than 90 days after filing, unless extended", "[deadline]") {
  Case c = dated_case();
  set_fact(doc_of(c, "filing_approval"), "doc_date",
           "2024-06-29");  // +90 = 09-27
  CHECK(outcome(audit(c), "DL-decision-90d") == Outcome::passed);
  set_fact(doc_of(c, "filing_approval"), "doc_date", "2024-06-28");
  Audit a = audit(c);
  CHECK(outcome(a, "DL-decision-90d") == Outcome::failed);
  const Finding* f = finding(a, "DL-decision-90d");
  REQUIRE(f);
  CHECK(f->severity == "major");
  CHECK_THAT(f->message, Catch::Contains("后第 91 日"));
  c.documents.push_back(dated("extension_approval", "2024-09-20"));
  CHECK(outcome(audit(c), "DL-decision-90d") == Outcome::passed);
  set_fact(doc_of(c, "filing_approval"), "doc_date", "2024-05-29");  // 121 days
  CHECK(outcome(audit(c), "DL-decision-90d") == Outcome::failed);
}

TEST_CASE("seizure longer than 30 days, or 60 with an extension", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("seizure_decision", "2024-03-01"));
  c.documents.push_back(dated("seizure_list", "2024-03-01"));
  c.documents.push_back(dated("seizure_release", "2024-03-31"));
  CHECK(outcome(audit(c), "DL-seizure-30d") == Outcome::passed);
  set_fact(doc_of(c, "seizure_release"), "doc_date", "2024-04-01");
  CHECK(outcome(audit(c), "DL-seizure-30d") == Outcome::failed);
  c.documents.push_back(dated("seizure_extension", "2024-03-28"));
  CHECK(outcome(audit(c), "DL-seizure-30d") == Outcome::passed);
  set_fact(doc_of(c, "seizure_release"), "doc_date", "2024-05-01");
  CHECK(outcome(audit(c), "DL-seizure-30d") == Outcome::failed);
}

TEST_CASE("publication period is the district setting, in working days", "[deadline]") {
  Case c = dated_case();
  set_fact(doc_of(c, "publication_record"), "doc_date", "2024-10-12");
  CHECK(outcome(audit(c), "DL-publication") == Outcome::passed);
  set_fact(doc_of(c, "publication_record"), "doc_date", "2024-10-14");
  CHECK(outcome(audit(c), "DL-publication") == Outcome::failed);
  Checklist twenty = bundled();
  twenty.settings["publication_working_days"] = "20";
  const Audit a = check_case(c, twenty);
  CHECK(outcome(a, "DL-publication") == Outcome::passed);
}

TEST_CASE("late payment is an info item unless deferred or surcharged", "[deadline]") {
  Case c = dated_case();  // served 09-30: due 10-15
  set_fact(doc_of(c, "payment_proof"), "doc_date", "2024-10-15");
  CHECK(outcome(audit(c), "DL-payment-15d") == Outcome::passed);
  set_fact(doc_of(c, "payment_proof"), "doc_date", "2024-10-16");
  const Audit a = audit(c);
  REQUIRE(finding(a, "DL-payment-15d"));
  CHECK(finding(a, "DL-payment-15d")->severity == "info");
  c.documents.push_back(dated("payment_deferral_approval", "2024-10-10"));
  CHECK(outcome(audit(c), "DL-payment-15d") == Outcome::passed);
}

TEST_CASE("court application at least 10 working days after the reminder was served",
          "[deadline]") {
  Case c = dated_case();
  std::erase_if(c.documents, [](const Document& d) { return d.type == "payment_proof"; });
  c.documents.push_back(dated("reminder", "2024-11-01"));
  c.documents.push_back(receipt("reminder", "2024-11-01"));
  c.documents.push_back(dated("enforcement_application", "2024-11-14"));
  set_fact(doc_of(c, "closing_approval"), "doc_date", "2024-11-20");
  CHECK(outcome(audit(c), "DL-reminder-10wd") == Outcome::failed);  // 9th working day
  set_fact(doc_of(c, "enforcement_application"), "doc_date", "2024-11-15");
  CHECK(outcome(audit(c), "DL-reminder-10wd") == Outcome::passed);
}

TEST_CASE(
    "court application after the 6-month lawsuit period and within 3 "
    "months of it",
    "[deadline]") {
  Case c = dated_case();  // decision served 2024-09-30
  std::erase_if(c.documents, [](const Document& d) { return d.type == "payment_proof"; });
  c.documents.push_back(dated("enforcement_application", "2025-03-30"));
  set_fact(doc_of(c, "closing_approval"), "doc_date", "2025-07-30");
  Audit a = audit(c);
  CHECK(outcome(a, "DL-enforcement-after-remedy") == Outcome::failed);
  CHECK(outcome(a, "DL-enforcement-3m") == Outcome::passed);
  set_fact(doc_of(c, "enforcement_application"), "doc_date", "2025-03-31");
  CHECK(outcome(audit(c), "DL-enforcement-after-remedy") == Outcome::passed);
  set_fact(doc_of(c, "enforcement_application"), "doc_date", "2025-07-01");
  a = audit(c);
  CHECK(outcome(a, "DL-enforcement-3m") == Outcome::failed);
  CHECK_THAT(finding(a, "DL-enforcement-3m")->message, Catch::Contains("最迟 2025-06-30"));
}

TEST_CASE("limitation: discovered more than two years after the act is a veto", "[deadline]") {
  Case c = dated_case();
  c.has_manifest = true;
  c.info.dates["violation"] = "2022-03-01";
  c.info.dates["discovered"] = "2024-03-01";
  CHECK(outcome(audit(c), "DL-limitation-2y") == Outcome::passed);
  c.info.dates["discovered"] = "2024-03-02";
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-limitation-2y") == Outcome::failed);
  REQUIRE(finding(a, "DL-limitation-2y"));
  CHECK(finding(a, "DL-limitation-2y")->severity == "veto");
}

TEST_CASE("a date outside the calendar's years is not checkable, never scored", "[deadline]") {
  Case c = dated_case();
  set_fact(doc_of(c, "penalty_decision"), "doc_date", "2027-03-01");
  serve_decision(c, "2027-03-15");
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-decision-served-7wd") == Outcome::not_checkable);
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(f->severity == "info");
  CHECK(f->deduction == 0);
  CHECK_THAT(f->message, Catch::Contains("2019—2026"));
}

TEST_CASE("a date unreadable on a document on file becomes a manual check naming it",
          "[deadline]") {
  Case c = dated_case();
  for (Document& d : c.documents)
    if (d.type == "service_receipt")
      std::erase_if(d.facts, [](const Fact& f) { return f.kind == "service_date"; });
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-decision-served-7wd") == Outcome::not_checkable);
  CHECK(outcome(a, "DL-defence-period") == Outcome::not_checkable);
  for (const char* rule : {"DL-decision-served-7wd", "DL-defence-period"}) {
    INFO(rule);
    const Finding* f = finding(a, rule);
    REQUIRE(f);
    CHECK(f->kind == "manual_check");
    CHECK(f->severity == "info");
    CHECK(f->deduction == 0);
    CHECK_THAT(f->message, Catch::Contains("送达日期"));
    CHECK(has_evidence(*f, "送达回证"));
  }
}

TEST_CASE("a receipt whose date field was left blank is named as blank", "[deadline]") {
  Case c = dated_case();
  Document& r = receipt_of(c, "penalty_decision");
  std::erase_if(r.facts, [](const Fact& f) { return f.kind == "service_date"; });
  r.facts.push_back({"blank_date", "service_date", "送达时间：    年  月  日"});
  const Audit a = audit(c);
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(has_evidence(*f, "送达日期栏留空"));
}

TEST_CASE("a date whose document is not on file gives no manual check", "[deadline]") {
  Case c = dated_case();
  std::erase_if(c.documents, [](const Document& d) { return d.type == "payment_proof"; });
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-payment-15d") == Outcome::not_checkable);
  CHECK_FALSE(finding(a, "DL-payment-15d"));
}

TEST_CASE("an unstated violation date asks for a manual limitation check", "[deadline]") {
  const Audit a = audit(dated_case());
  CHECK(outcome(a, "DL-limitation-2y") == Outcome::not_checkable);
  const Finding* f = finding(a, "DL-limitation-2y");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK_THAT(f->message, Catch::Contains("违法行为发生日期"));
}

TEST_CASE("a case with no decision or filing date cannot pick the law version", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("hearing_request", "2024-09-10"));
  CHECK(outcome(audit(c), "DL-hearing-request-5wd") == Outcome::passed);
  for (const char* type : {"penalty_decision", "filing_approval"})
    std::erase_if(doc_of(c, type).facts, [](const Fact& f) { return f.kind == "doc_date"; });
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-hearing-request-5wd") == Outcome::not_checkable);
  CHECK(outcome(a, "DL-hearing-request-3d-2017") == Outcome::not_checkable);
}

namespace {

struct TempChecklist {
  std::filesystem::path dir;
  // A copy of the bundled general/, calendar/, profiles/ and scope/ folders
  // plus a rules-test.xml holding `rule` on its 2nd line.
  explicit TempChecklist(const std::string& rule) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "deadline-test-XXXXXX").string();
    dir = mkdtemp(tmpl.data());
    for (const char* sub : {"general", "calendar", "profiles", "scope"})
      fs::copy(fs::path(AUDITOR_SOURCE_DIR) / "checklists" / sub, dir / sub,
               fs::copy_options::recursive);
    std::ofstream(dir / "general" / "rules-test.xml") << "<rules>\n" << rule << "\n</rules>\n";
  }
  ~TempChecklist() { std::filesystem::remove_all(dir); }
  std::string error() const {
    Result<Checklist> r = load_checklist(dir / "general");
    return r ? "" : r.error();
  }
};

// The load error of a checklist with one more rule: `attrs` on <rule>,
// `params` inside it; "" when it loads.
std::string rule_error(const std::string& attrs, const std::string& params) {
  return TempChecklist("<rule id=\"T\" severity=\"minor\" " + attrs + ">" + params +
                       "<basis>b</basis><message>m</message><description>d</"
                       "description></rule>")
      .error();
}

std::string deadline_params(const std::string& to, const std::string& unit) {
  return "<param name=\"from\" value=\"decided\"/><param name=\"to\" value=\"" + to +
         "\"/><param name=\"limit\" value=\"7\"/><param name=\"unit\" "
         "value=\"" +
         unit + "\"/>";
}

}  // namespace

TEST_CASE("deadline and order rules are validated when the checklist loads", "[deadline]") {
  CHECK(rule_error("kind=\"deadline\"", deadline_params("decision_served", "working")) == "");
  CHECK_THAT(rule_error("kind=\"deadline\" since=\"2021-13-01\"",
                        deadline_params("decision_served", "working")),
             Catch::Contains("rules-test.xml:2") && Catch::Contains("since"));
  CHECK_THAT(rule_error("kind=\"deadline\" since=\"2022-01-01\" until=\"2021-07-15\"",
                        deadline_params("decision_served", "working")),
             Catch::Contains("since 日期应早于 until"));
  CHECK_THAT(rule_error("kind=\"deadline\"", deadline_params("served", "working")),
             Catch::Contains("未知的事件名 served"));
  CHECK_THAT(rule_error("kind=\"deadline\"", deadline_params("decision_served", "weeks")),
             Catch::Contains("unit 参数"));
  CHECK_THAT(rule_error("kind=\"order\"", "<param name=\"sequence\" value=\"decided\"/>"),
             Catch::Contains("至少两个事件名"));
  CHECK(rule_error("kind=\"order\"", "<param name=\"sequence\" value=\"filed,decided\"/>") == "");
}

TEST_CASE("working-day rules need the checklist's calendar", "[deadline]") {
  TempChecklist t("");
  const std::filesystem::path header = t.dir / "general" / "checklist.xml";
  std::ifstream in(header);
  std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  const std::string line = "<calendar file=\"../calendar/cn-holidays.xml\"/>";
  REQUIRE(xml.find(line) != std::string::npos);
  std::ofstream(header) << std::string(xml).replace(xml.find(line), line.size(),
                                                    "<calendar file=\"../calendar/none.xml\"/>");
  CHECK_THAT(t.error(), Catch::Contains("checklist.xml") && Catch::Contains("无法读取工作日历"));
  std::ofstream(header) << std::string(xml).replace(xml.find(line), line.size(), "");
  CHECK_THAT(t.error(), Catch::Contains("<calendar>"));
}

namespace {

// The dated case moved to June 2021, under the 2017 law: filed 06-01,
// report 06-04, notice served Monday 06-07, approved and decided `decided`,
// served, published, paid and closed on 06-30.
Case case_of_june_2021(const std::string& decided) {
  Case c = dated_case();
  for (const char* type : {"filing_approval", "inspection_record", "investigation_report"})
    set_fact(doc_of(c, type), "doc_date", "2021-06-01");
  set_fact(doc_of(c, "investigation_report"), "doc_date", "2021-06-04");
  set_fact(receipt_of(c, "penalty_notice"), "service_date", "2021-06-07");
  set_fact(doc_of(c, "penalty_approval"), "doc_date", decided);
  set_fact(doc_of(c, "penalty_decision"), "doc_date", decided);
  serve_decision(c, "2021-06-30");
  for (const char* type : {"publication_record", "payment_proof", "closing_approval"})
    set_fact(doc_of(c, type), "doc_date", "2021-06-30");
  return c;
}

}  // namespace

TEST_CASE("before 15 Jul 2021 the defence period is 3 calendar days", "[deadline]") {
  // Served Monday 06-07; decided Wednesday 06-09 is the 2nd calendar day.
  const Audit early = audit(case_of_june_2021("2021-06-09"));
  CHECK(outcome(early, "DL-defence-period-2017") == Outcome::failed);
  CHECK(outcome(early, "DL-defence-period") == Outcome::not_applicable);
  const Finding* f = finding(early, "DL-defence-period-2017");
  REQUIRE(f);
  CHECK(f->severity == "veto");
  CHECK(outcome(audit(case_of_june_2021("2021-06-21")), "DL-defence-period-2017") ==
        Outcome::passed);
}

TEST_CASE("before 15 Jul 2021 the hearing notice is due 7 calendar days ahead", "[deadline]") {
  Case c = case_of_june_2021("2021-06-21");
  c.documents.push_back(dated("hearing_request", "2021-06-08"));
  c.documents.push_back(dated("hearing_notification", "2021-06-09"));
  c.documents.push_back(receipt("hearing_notification", "2021-06-09"));
  Document record = dated("hearing_record", "");
  record.facts.push_back({"hearing_date", "2021-06-15", "听证时间：2021年6月15日"});
  c.documents.push_back(record);
  // Served Wednesday 06-09, heard Tuesday 06-15: 6 calendar days.
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-hearing-notice-7d-2017") == Outcome::failed);
  CHECK(outcome(a, "DL-hearing-notice-7wd") == Outcome::not_applicable);
  set_fact(c.documents.back(), "hearing_date", "2021-06-16");
  CHECK(outcome(audit(c), "DL-hearing-notice-7d-2017") == Outcome::passed);
}

TEST_CASE("before 15 Jul 2021 preserved evidence is handled within 7 calendar days", "[deadline]") {
  Case c = case_of_june_2021("2021-06-21");
  c.documents.push_back(dated("preservation_notice", "2021-06-02"));
  c.documents.push_back(dated("preservation_decision", "2021-06-09"));
  CHECK(outcome(audit(c), "DL-preservation-7d-2017") == Outcome::passed);
  set_fact(doc_of(c, "preservation_decision"), "doc_date", "2021-06-10");
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-preservation-7d-2017") == Outcome::failed);
  CHECK(outcome(a, "DL-preservation-7wd") == Outcome::not_applicable);
}

TEST_CASE("an act going on since long before filing is within the limitation period",
          "[deadline]") {
  Case c = dated_case();
  doc_of(c, "filing_approval")
      .facts.push_back({"violation_continuing", "2021-05-10",
                        "当事人自2021年5月10日起在店外占道经营，持续至今"});
  const Audit a = audit(c);
  CHECK(outcome(a, "DL-limitation-2y") == Outcome::passed);

  Case ended = dated_case();
  doc_of(ended, "filing_approval")
      .facts.push_back(
          {"violation_date", "2021-05-10", "当事人于2021年5月10日将建筑垃圾倾倒在绿化带内"});
  CHECK(outcome(audit(ended), "DL-limitation-2y") == Outcome::failed);
}
