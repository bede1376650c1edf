// The dated events of a case (filed, notice_served, decided, ...), each
// resolved from the strongest evidence on file and remembering where its date
// came from, so a deadline or order finding can name both dates and the
// documents behind them. Evidence, strongest first: CaseInfo::dates when a
// manifest declared them; then, per event, its document sources in a fixed
// order (the date a manifest declared for the document, the document's own
// facts); then CaseInfo::dates derived from the text (no manifest). An event
// nothing dates is absent, never guessed. The event names and their
// sources are listed in docs/formats/checklist.md ("Events").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/conditions.h"
#include "auditor/model.h"
#include "util/date.h"

namespace auditor {

struct Event {
  std::string name;  // e.g. "decision_served"
  Date date;
  const Document* source = nullptr;   // the document the date was read from; nullptr: CaseInfo
  const Document* subject = nullptr;  // the document the event is about (the served decision)
  std::string origin;                 // Chinese, for evidence: where the date was read
};

bool is_event_name(std::string_view name);
// Chinese label, e.g. "决定书送达"; empty for an unknown name.
std::string event_label(std::string_view name);
// The document type an event is about, e.g. "penalty_decision" for
// decision_served; empty when it has none (violation).
std::string event_subject_type(std::string_view name);

// The dates a case file can plausibly hold: from 1990-01-01 (the district's
// case files start after 1990) to one year after the run date (审查日,
// run_date in settings.h; a scheduled 履行期限 may lie ahead of it). A date
// read outside them is implausible: it never enters arithmetic (deadlines,
// periods, limitation, order, working days); the rules that need it ask for
// a manual check naming it.
struct PlausibleDates {
  Date run;
  Date first;
  Date last;
  bool contains(Date d) const { return d >= first && d <= last; }
  // "早于 1990 年或晚于审查日 2026-12-06 一年以上"
  std::string why() const;
};
PlausibleDates plausible_dates(const Checklist& cl);

// A date read for an event that is not used, and where it was read: one
// outside the plausible dates, or one OCR read from a scan with a line
// confidence under kMinOcrDateConfidence (docs/formats/ocr.md), which a
// person must read on the original.
struct ImplausibleDate {
  // "《行政处罚决定书》（03-决定书.docx）的落款日期", "卷内清单（manifest.xml）
  // 登记的作出行政处罚决定日期"
  std::string where;
  std::string value;  // ISO, as read
  // Empty: outside the plausible dates (PlausibleDates::why says how).
  // Else why it is not used, e.g. "为扫描件第 1 页的识别文字，识别置信度 62%".
  std::string why;
};

// A date OCR read with a line confidence below this is never used in
// arithmetic: the rules that need it ask for a manual check naming the page.
// On the scan corpus (docs/ocr-accuracy.md) every date read at 70 or more
// was right.
inline constexpr int kMinOcrDateConfidence = 70;

// An event's date and its source (nullopt when nothing on file dates it),
// resolved as the header says; among several documents of one source the
// earliest date wins. When a date that takes part in the choice (the
// manifest's declaration, a date of any document of the deciding source) is
// implausible, the event is not dated and `implausible` names each such
// date: a wrong date is never passed over for a weaker one. `c` must be
// classified. Never throws.
struct EventDating {
  std::optional<Event> event;
  std::vector<ImplausibleDate> implausible;  // non-empty only without `event`
};
EventDating date_event(const Case& c, const Checklist& cl, std::string_view name);
// date_event(c, cl, name).event: the rules that only skip an undated event.
std::optional<Event> find_event(const Case& c, const Checklist& cl, std::string_view name);
// The latest-dated event on file: the file's own "today" (as of its last
// recorded step); nullopt when no event is dated.
std::optional<Event> latest_event(const Case& c, const Checklist& cl);

// "《…》（…）的落款日期 9999-12-31、… 不合理（早于 1990 年或晚于审查日
// 2026-12-06 一年以上）" for a manual check's message; a low-confidence OCR
// date with its own reason.
std::string implausible_phrase(const std::vector<ImplausibleDate>& dates, const Checklist& cl);
// "《…》（…）的落款日期 9999-12-31 不合理（…）" for a finding's evidence.
std::string implausible_evidence(const ImplausibleDate& d, const Checklist& cl);

// "《行政处罚决定书》（穗海…罚决〔2024〕31号，2024-05-10）": the event's
// subject document with its number and the event's date; the label and date
// when the subject is not on file.
std::string event_phrase(const Event& e, const Checklist& cl);
// "决定日期 2024-05-10：<origin>" for a finding's evidence.
std::string event_evidence(const Event& e);

// Where an event's date is looked for, to say so when it cannot be read:
// `looked_in` lists the documents on file that could carry it (for a served
// event, the receipts serving its subject), `what` says which dates of which
// document types are read ("《罚没款缴款凭证》的缴款日期、落款日期"). An event
// without document sources (violation) has an empty `looked_in` and
// `has_sources` false.
struct EventLookup {
  bool has_sources = false;
  // "《送达回证》（06-送达回证.docx）", with "，其送达日期栏留空" when the
  // document has the field but it was left blank (a blank_date fact).
  std::vector<std::string> looked_in;
  std::string what;
};
EventLookup event_lookup(const Case& c, const Checklist& cl, std::string_view name);

// Law version by date (Rule::since / Rule::until): yes when the case's
// decision date (else its filing date) lies in [since, until) or the rule
// has neither bound; no when outside; unknown when neither date is known.
Tri rule_in_force(const Rule& r, const Case& c, const Checklist& cl);

}  // namespace auditor
