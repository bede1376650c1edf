#include "testdata/generator/archives.h"

#include "testdata/generator/docs.h"
#include "testdata/generator/pack.h"
#include "testdata/generator/specs.h"

namespace testdata {
namespace {

const std::map<int, std::string> kLongFolders = {{1, "01立案/"}, {2, "02调查取证/"}, {3, "03告知/"},
                                                 {4, "04审核/"}, {5, "05决定/"},     {6, "06送达/"},
                                                 {7, "07执行/"}, {8, "08结案/"}};

// Conditions of a manifest: every condition name, false unless listed.
std::map<std::string, std::string> flags(const std::vector<std::string>& true_ones) {
  std::map<std::string, std::string> out;
  for (const char* name :
       {"source_complaint", "withdrawn", "correction_ordered", "preservation_taken",
        "seizure_taken", "hearing_eligible", "hearing_requested", "statements_made",
        "major_decision", "complex_case", "fine_imposed", "no_penalty", "transferred",
        "disclosure_required", "unpaid_after_due"})
    out[name] = "false";
  for (const std::string& name : true_ones) out[name] = "true";
  return out;
}

// Appends the catalogue and the file notes over everything before them.
void close_file(const CaseSpec& c, std::vector<Entry>& e, bool with_notes = true) {
  const std::vector<Entry> listed = e;
  e.push_back(catalogue(c, listed));
  if (with_notes) e.push_back(file_notes(c, listed));
}

std::string complete_structured(const CaseSpec& c) {
  std::vector<Entry> e = {filing_approval(c),      case_source(c),
                          inspection_record(c),    correction_order(c),
                          inquiry_record(c),       photo("现场照片1.png", c.day("inspection"), 1),
                          investigation_report(c), penalty_notice(c)};
  e.push_back(service_receipt(c, e.back(), c.day("notice_served")));
  e.push_back(penalty_approval(c));
  e.push_back(penalty_decision(c));
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  for (Entry x :
       {publication_record(c), payment_proof(c), correction_proof(c), closing_approval(c)})
    e.push_back(std::move(x));
  close_file(c, e);
  Layout l;
  l.manifest = true;
  l.folders = kLongFolders;
  l.flags =
      flags({"source_complaint", "correction_ordered", "fine_imposed", "disclosure_required"});
  return pack(c, e, l);
}

std::string complete_bare_gbk(const CaseSpec& c) {
  std::vector<Entry> e = {case_source(c),
                          filing_approval(c),
                          inspection_record(c),
                          inquiry_record(c),
                          photo("现场照片1.png", c.day("inspection"), 2),
                          investigation_report(c),
                          penalty_notice(c)};
  e[4].numbered = false;
  e.push_back(service_receipt(c, e.back(), c.day("notice_served")));
  for (Entry x : {statement_record(c), review_record(c), penalty_approval(c), penalty_decision(c)})
    e.push_back(std::move(x));
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  for (Entry x : {publication_record(c), payment_proof(c), closing_approval(c)})
    e.push_back(std::move(x));
  close_file(c, e);
  Layout l;
  l.gbk = true;
  l.directory_entries = true;
  l.outer = "陈建华占用人行道摆卖水果案（" + c.case_number() + "）/";
  l.folders = {{1, "01立案/"}, {2, "02调查/"}, {3, "03告知/"}, {4, "04审核/"},
               {5, "05决定/"}, {6, "06送达/"}, {7, "07执行/"}, {8, "08结案/"}};
  return pack(c, e, l);
}

std::string missing_notice_bare(const CaseSpec& c) {
  std::vector<Entry> e = {filing_approval(c),      inspection_record(c),
                          inquiry_record(c),       photo("现场照片.png", c.day("inspection"), 3),
                          investigation_report(c), penalty_approval(c),
                          penalty_decision(c)};
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  for (Entry x : {publication_record(c), payment_proof(c), closing_approval(c)})
    e.push_back(std::move(x));
  close_file(c, e);
  return pack(c, e, Layout{});
}

// 03 as the street resubmits it after rectification: the missing notice
// and its receipt added, dated after the investigation report. The notice
// is served six days before the decision, inside the five-working-day
// statement period, so the re-check has a new finding as well.
std::string missing_notice_corrected(CaseSpec c) {
  c.dates["notice"] = c.day("report");
  c.dates["notice_served"] = c.day("report");
  c.numbers["罚告"] = 22;
  std::vector<Entry> e = {filing_approval(c),      inspection_record(c),
                          inquiry_record(c),       photo("现场照片.png", c.day("inspection"), 3),
                          investigation_report(c), penalty_notice(c)};
  e.push_back(service_receipt(c, e.back(), c.day("notice_served")));
  for (Entry x : {penalty_approval(c), penalty_decision(c)}) e.push_back(std::move(x));
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  for (Entry x : {publication_record(c), payment_proof(c), closing_approval(c)})
    e.push_back(std::move(x));
  close_file(c, e);
  return pack(c, e, Layout{});
}

std::string structured_hearing_missing_review(const CaseSpec& c) {
  std::vector<Entry> e = {filing_approval(c),      inspection_record(c),
                          inquiry_record(c),       photo("现场照片.png", c.day("inspection"), 4),
                          investigation_report(c), penalty_notice(c),
                          hearing_rights_notice(c)};
  e.push_back(service_receipt(c, e[5], c.day("notice_served")));
  e.push_back(service_receipt(c, e[6], c.day("notice_served")));
  e.push_back(hearing_request(c));
  e.push_back(hearing_notification(c));
  e.push_back(service_receipt(c, e.back(), c.day("hearing_notification")));
  for (Entry x :
       {hearing_report(c), collective_discussion(c), penalty_approval(c), penalty_decision(c)})
    e.push_back(std::move(x));
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  for (Entry x : {publication_record(c), payment_proof(c), closing_approval(c)})
    e.push_back(std::move(x));
  close_file(c, e);
  Layout l;
  l.manifest = true;
  l.folders = kLongFolders;
  l.flags = flags({"hearing_eligible", "hearing_requested", "major_decision", "complex_case",
                   "fine_imposed", "disclosure_required"});
  return pack(c, e, l);
}

std::string unsupported_and_scan(const CaseSpec& c) {
  std::vector<Entry> e = {
      filing_approval(c),
      inspection_record(c),
      legacy_binary("inquiry_record", 2, "询问笔录.wps", "询问笔录", c.day("inquiry")),
      photo("现场照片.png", c.day("inspection"), 5),
      legacy_binary("investigation_report", 2, "案件调查终结报告.doc", "案件调查终结报告",
                    c.day("report")),
      penalty_notice(c)};
  e.push_back(service_receipt(c, e.back(), c.day("notice_served")));
  e.push_back(penalty_approval(c));
  e.push_back(penalty_decision(c));
  e.push_back(service_receipt(c, e.back(), c.day("decision_served")));
  e.push_back(publication_record(c));
  e.push_back(payment_scan(c));
  close_file(c, e, /*with_notes=*/false);
  return pack(c, e, Layout{});
}

// What a user gets when a RAR archive is renamed to .zip.
std::string not_a_zip() {
  std::string bytes("Rar!\x1a\x07\x01\x00", 8);
  for (int i = 0; i < 248; ++i) bytes += static_cast<char>((i * 37 + 11) & 0xFF);
  return bytes;
}

// `c` with its case serial and every document serial raised by `offset`.
CaseSpec renumbered(CaseSpec c, int offset) {
  c.serial += offset;
  for (auto& [abbreviation, serial] : c.numbers) serial += offset;
  return c;
}

}  // namespace

std::vector<Archive> build_archives(int serial_offset) {
  auto spec = [&](CaseSpec c) { return renumbered(std::move(c), serial_offset); };
  return {{"01-complete-structured.zip", complete_structured(spec(chigang_dining()))},
          {"02-complete-bare-gbk.zip", complete_bare_gbk(spec(xingang_fruit_stall()))},
          {"03-missing-notice-bare.zip", missing_notice_bare(spec(nanshi_hardware()))},
          {"04-structured-hearing-missing-review.zip",
           structured_hearing_missing_review(spec(pazhou_construction()))},
          {"05-unsupported-and-scan.zip", unsupported_and_scan(spec(changgang_recycling()))},
          {"06-not-a-zip.zip", not_a_zip()}};
}

std::vector<Archive> build_resubmissions() {
  return {{"resubmitted/03-missing-notice-bare.zip", missing_notice_corrected(nanshi_hardware())}};
}

}  // namespace testdata
