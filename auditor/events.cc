#include "auditor/events.h"

#include <algorithm>
#include <map>
#include <vector>

#include "auditor/rule_kinds.h"
#include "auditor/settings.h"

namespace auditor {
namespace {

// How a source dates an event: the document's own date (a date the manifest
// declared for it, else its doc_date fact), a named fact, the service date of
// a 送达回证 that serves one of the types, or the own date of a document that
// states an act still going on (a violation_continuing fact: such an act is
// judged from its end, 行政处罚法第三十六条第二款, no earlier than that document).
enum class Via { own_date, fact, served, continuing };

struct EventSource {
  std::vector<const char*> types;  // empty: any document (Via::fact only)
  Via via;
  const char* fact = nullptr;
};

struct EventSpec {
  const char* name;
  const char* label;
  const char* subject;            // document type the event is about, or ""
  std::vector<const char*> keys;  // manifest <dates> aliases besides the name
  std::vector<EventSource> sources;
  // The earliest date of all sources rather than the first source's.
  bool earliest_of_all = false;
};

// A served event is dated by the 送达回证 serving the document, else by the
// signed receipt block on the document's own copy (当事人联: "签收时间：…").
// clang-format off
const std::vector<EventSpec>& specs() {
  static const std::vector<EventSpec> table = {
      // The act's date as the findings state it (违法行为发生时间, "经查，当事人于…").
      {"violation", "违法行为发生", "", {"violation_committed"},
       {{{"filing_approval", "investigation_report", "penalty_notice", "penalty_decision",
          "case_source", "inspection_record", "on_spot_decision"}, Via::fact, "violation_date"},
        {{"filing_approval", "investigation_report", "penalty_notice", "penalty_decision",
          "case_source", "inspection_record", "on_spot_decision"}, Via::continuing}}},
      // Discovery precedes filing: the earliest of a stated discovery date
      // (发现时间, 检查时间) and these documents' dates is the latest the act
      // can have been discovered.
      {"violation_discovered", "发现违法行为", "case_source", {"discovered"},
       {{{"case_source", "inspection_record", "filing_approval", "on_spot_decision"}, Via::fact,
         "discovery_date"},
        {{"case_source", "inspection_record", "filing_approval", "on_spot_decision"},
         Via::own_date}},
       true},
      {"filed", "立案", "filing_approval", {},
       {{{"filing_approval"}, Via::fact, "filing_date"},
        {{"filing_approval"}, Via::own_date},
        {{}, Via::fact, "filing_date"}}},
      {"investigated", "调查取证", "inspection_record", {},
       {{{"inspection_record", "inquiry_record"}, Via::own_date}}},
      {"investigation_ended", "调查终结", "investigation_report", {},
       {{{"investigation_report"}, Via::own_date}}},
      {"notice", "制作事先告知书", "penalty_notice", {}, {{{"penalty_notice"}, Via::own_date}}},
      {"notice_served", "事先告知书送达", "penalty_notice", {},
       {{{"penalty_notice"}, Via::served},
        {{"penalty_notice"}, Via::fact, "service_date"}}},
      {"statements", "陈述申辩", "statement_record", {},
       {{{"statement_record", "statement_letter"}, Via::own_date}}},
      {"hearing_requested", "申请听证", "hearing_request", {},
       {{{"hearing_request"}, Via::own_date}}},
      {"hearing_notified", "听证通知书送达", "hearing_notification", {},
       {{{"hearing_notification"}, Via::served},
        {{"hearing_notification"}, Via::fact, "service_date"}}},
      {"hearing_held", "举行听证", "hearing_record", {"hearing"},
       {{{"hearing_record"}, Via::fact, "hearing_date"},
        {{"hearing_record"}, Via::own_date},
        {{"hearing_report", "hearing_notification"}, Via::fact, "hearing_date"}}},
      {"legal_review", "法制审核", "legal_review", {}, {{{"legal_review"}, Via::own_date}}},
      {"collective_discussion", "集体讨论", "collective_discussion", {"discussion"},
       {{{"collective_discussion"}, Via::own_date}}},
      {"approved", "行政处罚审批", "penalty_approval", {"approval"},
       {{{"penalty_approval"}, Via::own_date}}},
      {"decided", "作出行政处罚决定", "penalty_decision", {},
       {{{"penalty_decision", "no_penalty_decision", "on_spot_decision"}, Via::own_date}}},
      {"decision_served", "决定书送达", "penalty_decision", {},
       {{{"penalty_decision", "no_penalty_decision"}, Via::served},
        {{"penalty_decision", "no_penalty_decision"}, Via::fact, "service_date"}}},
      {"published", "公示", "publication_record", {},
       {{{"publication_record"}, Via::fact, "publication_date"},
        {{"publication_record"}, Via::own_date}}},
      {"paid", "缴纳罚款", "payment_proof", {},
       {{{"payment_proof"}, Via::fact, "payment_date"}, {{"payment_proof"}, Via::own_date}}},
      {"preservation", "先行登记保存", "preservation_notice", {},
       {{{"preservation_notice"}, Via::own_date}}},
      {"preservation_decided", "先行登记保存处理决定", "preservation_decision", {},
       {{{"preservation_decision"}, Via::own_date}}},
      {"seizure", "查封、扣押", "seizure_decision", {}, {{{"seizure_decision"}, Via::own_date}}},
      {"seizure_ended", "解除查封、扣押", "seizure_release", {},
       {{{"seizure_release"}, Via::own_date}}},
      {"reminder_served", "催告书送达", "reminder", {},
       {{{"reminder"}, Via::served}, {{"reminder"}, Via::fact, "service_date"}}},
      {"enforcement_applied", "申请强制执行", "enforcement_application", {},
       {{{"enforcement_application"}, Via::own_date}}},
      {"closed", "结案", "closing_approval", {}, {{{"closing_approval"}, Via::own_date}}},
  };
  return table;
}
// clang-format on

const EventSpec* find_spec(std::string_view name) {
  for (const EventSpec& s : specs())
    if (name == s.name) return &s;
  return nullptr;
}

std::string title_of(const Checklist& cl, const Document& d) {
  const DocType* t = d.type ? cl.doc_type(*d.type) : nullptr;
  return t ? t->name : d.path;
}

bool has_type(const Document& d, const std::vector<const char*>& types) {
  if (!d.type) return false;
  for (const char* t : types)
    if (*d.type == t) return true;
  return false;
}

bool has_type_id(const std::string& id, const std::vector<const char*>& types) {
  for (const char* t : types)
    if (id == t) return true;
  return false;
}

// The first dated fact of `kind`; of payment_date the latest: a slip is
// filled in (填制日期) before it is paid (缴款日期).
const Fact* fact_of(const Document& d, std::string_view kind) {
  const Fact* out = nullptr;
  for (const Fact& f : d.facts) {
    if (f.kind != kind || !Date::parse(f.value)) continue;
    if (!out) out = &f;
    if (kind != "payment_date") break;
    if (f.value > out->value) out = &f;
  }
  return out;
}

const Document* first_of_type(const Case& c, std::string_view type) {
  for (const Document& d : c.documents)
    if (d.type && *d.type == type) return &d;
  return nullptr;
}

// The label of a dated fact kind ("落款日期"); the kind itself when unknown.
std::string fact_label(std::string_view kind) {
  static const std::map<std::string_view, const char*> kLabels = {
      {"doc_date", "落款日期"},
      {"filing_date", "立案日期"},
      {"hearing_date", "听证日期"},
      {"service_date", "送达日期"},
      {"payment_date", "缴款日期"},
      {"publication_date", "公示日期"},
      {"violation_date", "违法行为发生日期"},
      {"discovery_date", "发现日期"}};
  auto it = kLabels.find(kind);
  return it != kLabels.end() ? it->second : std::string(kind);
}

// One date read for an event: `origin` for evidence, `field` naming the
// document and field for a manual check.
struct Candidate {
  Date date;
  std::string origin;
  std::string field;
  const Fact* fact = nullptr;  // the fact it was read from, if any
};

// Why a date OCR read is not used (kMinOcrDateConfidence), or "".
std::string ocr_doubt(const Fact* f) {
  if (f == nullptr || f->ocr_page == 0 || f->ocr_confidence >= kMinOcrDateConfidence) return {};
  return "为扫描件第 " + std::to_string(f->ocr_page) + " 页的识别文字，识别置信度 " +
         std::to_string(f->ocr_confidence) + "%（低于 " + std::to_string(kMinOcrDateConfidence) +
         "%），须核对原件";
}

// "（扫描件第 2 页识别文字，置信度 91%）" after what a date read by OCR came from.
std::string ocr_note(const Fact& f) {
  if (f.ocr_page == 0) return {};
  return "（扫描件第 " + std::to_string(f.ocr_page) + " 页识别文字，置信度 " +
         std::to_string(f.ocr_confidence) + "%）";
}

// The date `d` gives by `via`. Document::date is the doc_date fact unless a
// manifest declared another date for the document.
std::optional<Candidate> date_of(const Case& c, const Document& d, const EventSource& src,
                                 const Checklist& cl) {
  const std::string where = "《" + title_of(cl, d) + "》（" + d.path + "）";
  const auto from_fact = [&](const char* kind, const char* what) -> std::optional<Candidate> {
    const Fact* f = fact_of(d, kind);
    if (!f) return std::nullopt;
    std::optional<Date> v = Date::parse(f->value);
    if (!v) return std::nullopt;
    return Candidate{*v, where + what + "“" + f->snippet + "”" + ocr_note(*f),
                     where + "的" + fact_label(kind), f};
  };
  const auto declared = [&]() -> std::optional<Candidate> {
    const Fact* signed_on = fact_of(d, "doc_date");
    if (!d.date || (signed_on && signed_on->value == *d.date)) return std::nullopt;
    std::optional<Date> v = Date::parse(*d.date);
    if (!v) return std::nullopt;
    return c.has_manifest ? Candidate{*v, where + "卷内清单登记的文书日期",
                                      "卷内清单（manifest.xml）登记的" + where + "文书日期"}
                          : Candidate{*v, where + "文书日期", where + "的文书日期"};
  };
  switch (src.via) {
    case Via::fact:
      return from_fact(src.fact, "：");
    case Via::own_date:
      if (std::optional<Candidate> v = declared()) return v;
      return from_fact("doc_date", "落款日期：");
    case Via::served:
      if (std::optional<Candidate> v = from_fact("service_date", "：")) return v;
      if (std::optional<Candidate> v = declared()) return v;
      return from_fact("doc_date", "落款日期：");
    case Via::continuing: {
      const Fact* since = fact_of(d, "violation_continuing");
      if (!since) return std::nullopt;
      std::optional<Candidate> v = declared();
      if (!v) v = from_fact("doc_date", "落款日期：");
      if (v)
        v->origin =
            where + "载明违法行为持续至今（“" + since->snippet + "”），按其日期计：" + v->origin;
      return v;
    }
  }
  return std::nullopt;
}

// What one source (or the manifest) says about an event: the earliest
// plausible date, and the implausible dates beside it.
struct Reading {
  std::optional<Event> event;
  std::vector<ImplausibleDate> implausible;
  bool any() const { return event || !implausible.empty(); }
};

// An implausible date among the candidates withholds the date (header).
EventDating settle(Reading r) {
  if (!r.implausible.empty()) return {std::nullopt, std::move(r.implausible)};
  return {std::move(r.event), {}};
}

// The earliest date among the documents `src` reads.
Reading from_source(const Case& c, const Checklist& cl, const EventSpec& spec,
                    const EventSource& src, const PlausibleDates& plausible) {
  Reading out;
  for (const Document& d : c.documents) {
    const Document* subject = &d;
    if (src.via == Via::served) {
      if (d.type != "service_receipt") continue;
      const DocType* served = served_type(d, c, cl);
      if (!served) continue;
      bool wanted = false;
      for (const char* t : src.types) wanted = wanted || served->id == t;
      if (!wanted) continue;
      subject = first_of_type(c, served->id);
    } else if (!src.types.empty() && !has_type(d, src.types)) {
      continue;
    }
    std::optional<Candidate> date = date_of(c, d, src, cl);
    if (!date) continue;
    if (!plausible.contains(date->date)) {
      out.implausible.push_back({std::move(date->field), date->date.iso(), {}});
      continue;
    }
    if (std::string doubt = ocr_doubt(date->fact); !doubt.empty()) {
      out.implausible.push_back({std::move(date->field), date->date.iso(), std::move(doubt)});
      continue;
    }
    if (out.event && out.event->date <= date->date) continue;
    out.event = Event{spec.name, date->date, &d, subject, std::move(date->origin)};
  }
  return out;
}

// CaseInfo::dates: declared by the manifest, or derived (case_info.h).
Reading from_case_info(const Case& c, const EventSpec& spec, const PlausibleDates& plausible) {
  std::vector<std::string> keys = {spec.name};
  std::string dashed = spec.name;
  for (char& ch : dashed)
    if (ch == '_') ch = '-';
  keys.push_back(dashed);
  for (const char* k : spec.keys) keys.emplace_back(k);
  for (const std::string& key : keys) {
    auto it = c.info.dates.find(key);
    if (it == c.info.dates.end()) continue;
    const std::optional<Date> d = Date::parse(it->second);
    if (!d) continue;
    if (!plausible.contains(*d))
      return {std::nullopt,
              {{(c.has_manifest ? "卷内清单（manifest.xml）登记的" : "案件信息中的") +
                    std::string(spec.label) + "日期",
                it->second,
                {}}}};
    return {
        Event{spec.name, *d, nullptr, *spec.subject ? first_of_type(c, spec.subject) : nullptr,
              c.has_manifest ? "卷内清单（manifest.xml）<dates " + key + "=\"" + it->second + "\">"
                             : "案件信息 " + key + "=" + it->second},
        {}};
  }
  return {};
}

}  // namespace

bool is_event_name(std::string_view name) { return find_spec(name) != nullptr; }

std::string event_label(std::string_view name) {
  const EventSpec* s = find_spec(name);
  return s ? s->label : "";
}

std::string event_subject_type(std::string_view name) {
  const EventSpec* s = find_spec(name);
  return s ? s->subject : "";
}

std::string PlausibleDates::why() const {
  return "早于 " + std::to_string(first.year()) + " 年或晚于审查日 " + run.iso() + " 一年以上";
}

PlausibleDates plausible_dates(const Checklist& cl) {
  const Date run = run_date(cl);
  // run_date is a parsed date, so one year later exists except after 9998.
  return {run, *Date::from_ymd(1990, 1, 1), add_months(run, 12).value_or(Date::latest())};
}

EventDating date_event(const Case& c, const Checklist& cl, std::string_view name) {
  const EventSpec* spec = find_spec(name);
  if (!spec) return {};
  const PlausibleDates plausible = plausible_dates(cl);
  // Dates a manifest declared are the strongest; CaseInfo dates derived from
  // the documents (no manifest) come after the documents, which name their
  // text.
  if (c.has_manifest)
    if (Reading r = from_case_info(c, *spec, plausible); r.any()) return settle(std::move(r));
  Reading all;
  for (const EventSource& src : spec->sources) {
    Reading r = from_source(c, cl, *spec, src, plausible);
    if (!r.any()) continue;
    if (!spec->earliest_of_all) return settle(std::move(r));
    for (ImplausibleDate& d : r.implausible) all.implausible.push_back(std::move(d));
    if (r.event && (!all.event || r.event->date < all.event->date)) all.event = std::move(r.event);
  }
  if (all.any()) return settle(std::move(all));
  if (c.has_manifest) return {};
  return settle(from_case_info(c, *spec, plausible));
}

std::optional<Event> find_event(const Case& c, const Checklist& cl, std::string_view name) {
  return date_event(c, cl, name).event;
}

std::optional<Event> latest_event(const Case& c, const Checklist& cl) {
  std::optional<Event> latest;
  for (const EventSpec& s : specs())
    if (std::optional<Event> e = find_event(c, cl, s.name);
        e && (!latest || e->date > latest->date))
      latest = std::move(e);
  return latest;
}

std::string event_phrase(const Event& e, const Checklist& cl) {
  if (!e.subject) return event_label(e.name) + "（" + e.date.iso() + "）";
  const std::string title = "《" + title_of(cl, *e.subject) + "》";
  if (e.source && e.source != e.subject && e.source->type == "service_receipt")
    return "送达" + title + "的送达回证（" + e.date.iso() + "）";
  return title + "（" + (e.subject->number ? *e.subject->number + "，" : "") + e.date.iso() + "）";
}

EventLookup event_lookup(const Case& c, const Checklist& cl, std::string_view name) {
  EventLookup out;
  const EventSpec* spec = find_spec(name);
  if (!spec) return out;
  std::vector<std::string> parts;
  for (const EventSource& src : spec->sources) {
    out.has_sources = true;
    std::string types;
    for (const char* t : src.types) {
      const DocType* dt = cl.doc_type(t);
      types += "《" + std::string(dt ? dt->name : t) + "》";
    }
    const char* fact = src.via == Via::fact     ? src.fact
                       : src.via == Via::served ? "service_date"
                                                : "doc_date";
    const std::string label = fact_label(fact);
    std::string part = (src.via == Via::served ? "送达" + types + "的送达回证"
                        : types.empty()        ? "各文书"
                                               : types) +
                       "的" + label;
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
    for (const Document& d : c.documents) {
      const bool carries = src.via == Via::served
                               ? d.type == "service_receipt" &&
                                     [&] {
                                       const DocType* served = served_type(d, c, cl);
                                       return served && has_type_id(served->id, src.types);
                                     }()
                               : !src.types.empty() && has_type(d, src.types);
      std::string where = "《" + title_of(cl, d) + "》（" + d.path + "）";
      for (const Fact& f : d.facts)
        if (carries && f.kind == "blank_date" && f.value == fact) {
          where += "，其" + label + "栏留空";
          break;
        }
      if (carries &&
          std::find(out.looked_in.begin(), out.looked_in.end(), where) == out.looked_in.end())
        out.looked_in.push_back(where);
    }
  }
  for (const std::string& p : parts) out.what += (out.what.empty() ? "" : "、") + p;
  return out;
}

std::string implausible_evidence(const ImplausibleDate& d, const Checklist& cl) {
  if (!d.why.empty()) return d.where + " " + d.value + " " + d.why;
  return d.where + " " + d.value + " 不合理（" + plausible_dates(cl).why() + "）";
}

std::string implausible_phrase(const std::vector<ImplausibleDate>& dates, const Checklist& cl) {
  std::string out, outside;
  for (const ImplausibleDate& d : dates)
    if (d.why.empty()) outside += (outside.empty() ? "" : "、") + d.where + " " + d.value;
  if (!outside.empty()) out = outside + " 不合理（" + plausible_dates(cl).why() + "）";
  for (const ImplausibleDate& d : dates)
    if (!d.why.empty()) out += (out.empty() ? "" : "；") + d.where + " " + d.value + " " + d.why;
  return out;
}

std::string event_evidence(const Event& e) {
  return event_label(e.name) + "日期 " + e.date.iso() + "：" + e.origin;
}

Tri rule_in_force(const Rule& r, const Case& c, const Checklist& cl) {
  if (!r.since && !r.until) return Tri::yes;
  std::optional<Event> e = find_event(c, cl, "decided");
  if (!e) e = find_event(c, cl, "filed");
  if (!e) return Tri::unknown;
  const bool in = (!r.since || e->date >= *r.since) && (!r.until || e->date < *r.until);
  return in ? Tri::yes : Tri::no;
}

}  // namespace auditor
