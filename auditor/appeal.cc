// Rule kind appeal (contracts in appeal.h): dispatch, params, and the two
// date checks (answer_deadline, evidence_after_decision). The checks on what
// the answer file says: appeal_file.cc.
#include "auditor/appeal.h"

#include <algorithm>

#include "auditor/deadline_period.h"
#include "auditor/events.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting_facts.h"
#include "util/text_match.h"

namespace auditor {

Outcome check_appeal_agents(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_titled(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_cited(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_outcome(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_powers(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_term(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_outcome_service(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_appeal_seal(const Rule&, const RuleContext&, std::vector<Finding>&);

namespace {

// A limit of 0 to 1000 days (whole_number, bounded).
std::optional<int> limit_number(const std::string& s) {
  const std::optional<int> v = whole_number(s);
  return v && *v <= 1000 ? v : std::nullopt;
}

struct Dated {
  Date date;
  std::string origin;  // Chinese: which document and which date
};

std::optional<Date> fact_date(const Document& d, const char* kind) {
  for (const Fact& f : d.facts)
    if (f.kind == kind)
      if (std::optional<Date> v = Date::parse(f.value)) return v;
  return std::nullopt;
}

// When the organ received the notice (or the complaint's copy): an
// appeal_received fact (the notice's receipt stamp, the answer's "于…收到"),
// else the notice's own service_date, else a 送达回证 serving a notice type.
// The notices' and answers' own statements come first: a decision or a
// judgment may retell other dates.
std::optional<Dated> received(const Case& c, const Checklist& cl,
                              const std::vector<std::string>& notices,
                              const std::vector<const Document*>& answers) {
  std::optional<Dated> best;
  const auto take = [&](Date d, std::string origin) {
    if (!best || d < best->date) best = Dated{d, std::move(origin)};
  };
  std::vector<const Document*> own = documents_of(c, notices);
  own.insert(own.end(), answers.begin(), answers.end());
  for (const Document* d : own)
    if (std::optional<Date> v = fact_date(*d, "appeal_received"))
      take(*v, doc_label(cl, *d) + "载明的收到日期");
  if (best) return best;
  for (const Document& d : c.documents)
    if (std::optional<Date> v = fact_date(d, "appeal_received"))
      take(*v, doc_label(cl, d) + "载明的收到日期");
  if (best) return best;
  for (const Document* d : documents_of(c, notices))
    if (std::optional<Date> v = fact_date(*d, "service_date"))
      take(*v, doc_label(cl, *d) + "的签收日期");
  if (best) return best;
  for (const Document& d : c.documents) {
    if (d.type != "service_receipt") continue;
    const DocType* served = served_type(d, c, cl);
    if (!served || std::find(notices.begin(), notices.end(), served->id) == notices.end()) continue;
    std::optional<Date> v = fact_date(d, "service_date");
    if (!v) v = own_date(d, cl);
    if (v) take(*v, doc_label(cl, d) + "的送达日期");
  }
  return best;
}

// The earliest dated answer (a document of `types` or titled one of `titles`).
std::optional<Dated> answered(const std::vector<const Document*>& answers, const Checklist& cl) {
  std::optional<Dated> best;
  for (const Document* d : answers)
    if (std::optional<Date> v = own_date(*d, cl))
      if (!best || *v < best->date) best = Dated{*v, doc_label(cl, *d) + "的落款日期"};
  return best;
}

std::vector<const Document*> answers_of(const Rule& r, const Case& c) {
  std::vector<const Document*> out = documents_of(c, split_list(rule_param(r, "answer")));
  for (const Document* d : documents_titled(c, split_list(rule_param(r, "answer_titles"))))
    if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  return out;
}

std::string names_of(const std::vector<const Document*>& docs, const Checklist& cl) {
  std::string out;
  for (const Document* d : docs) out += (out.empty() ? "" : "、") + doc_label(cl, *d);
  return out;
}

Outcome answer_deadline(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<std::string> notices = split_list(rule_param(r, "notice"));
  const std::vector<const Document*> answers = answers_of(r, ctx.c);
  if (answers.empty()) return Outcome::not_applicable;  // the required-document rules say so
  const std::optional<Dated> from = received(ctx.c, cl, notices, answers);
  const std::optional<Dated> to = answered(answers, cl);
  if (!from || !to) {
    std::string missing;
    if (!from)
      missing = "未能读取收到" + [&] {
        std::string s;
        for (const std::string& t : notices) s += (s.empty() ? "" : "或") + doc_title(cl, t);
        return s;
      }() + "的日期（查找了收文、签收日期、送达回证和“于…收到…”的表述）";
    if (!to)
      missing += (missing.empty() ? "" : "；") + std::string("未能读取") + names_of(answers, cl) +
                 "的落款日期";
    out.push_back(manual_finding(r, missing + "，请人工核对：" + r.description));
    return Outcome::not_checkable;
  }
  Period p{*limit_number(rule_param(r, "limit")), unit_named(rule_param(r, "unit"))};
  std::vector<std::string> evidence = {from->origin + "：" + from->date.iso(),
                                       to->origin + "：" + to->date.iso()};
  if (const std::string simple = rule_param(r, "simple_limit"); !simple.empty()) {
    const std::string mark = rule_param(r, "simple_mark", "简易程序");
    for (const Document* d : documents_of(ctx.c, notices))
      if (d->text.find(mark) != std::string::npos) {
        p.limit = *limit_number(simple);
        evidence.push_back(doc_label(cl, *d) + "载明“" + mark + "”，期限按 " + simple +
                           unit_name(p.unit) + "计算");
        break;
      }
  }
  const std::optional<Span> span = measure(p, from->date, to->date, cl.calendar.get());
  if (!span || !span->deadline) {
    out.push_back(manual_finding(
        r, "收到日期 " + from->date.iso() + "、答复日期 " + to->date.iso() +
               " 超出工作日历覆盖的年份，无法计算期限，请人工核对：" + r.description));
    return Outcome::not_checkable;
  }
  if (to->date <= *span->deadline) return Outcome::passed;
  Finding f = finding_for(r, "deadline");
  f.document = answers.front()->type.value_or("");
  f.stage = answers.front()->stage;
  f.message = fill_message(r.message, {{"from_date", from->date.iso()},
                                       {"to_date", to->date.iso()},
                                       {"deadline", span->deadline->iso()},
                                       {"limit", std::to_string(p.limit)},
                                       {"unit", unit_name(p.unit)},
                                       {"count", std::to_string(span->count)},
                                       {"count_unit", count_unit(p.unit)},
                                       {"document", doc_label(cl, *answers.front())}});
  evidence.push_back("期限届满日 " + span->deadline->iso() + "；答复日期为收到后第 " +
                     std::to_string(span->count) + " " + count_unit(p.unit) +
                     (p.unit == Unit::working ? "（法定节假日不计，调休上班日计入）"
                      : p.unit == Unit::calendar_rolled
                          ? "（期限末日为节假日的顺延至其后第一个工作日）"
                          : ""));
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

// Rows of evidence lists (evidence_item facts) and evidence documents dated
// after the penalty decision.
Outcome evidence_after_decision(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> lists =
      documents_titled(ctx.c, split_list(rule_param(r, "list_titles")));
  const std::vector<const Document*> docs =
      documents_of(ctx.c, split_list(rule_param(r, "evidence")));
  if (lists.empty() && docs.empty()) return Outcome::not_applicable;
  const std::vector<const Document*> decisions =
      documents_of(ctx.c, split_list(rule_param(r, "decision")));
  std::optional<Date> decided;
  std::string decided_origin;
  for (const Document* d : decisions)
    if (std::optional<Date> v = own_date(*d, cl)) {
      decided = v;
      decided_origin = doc_label(cl, *d);
      break;
    }
  if (!decided)
    if (std::optional<Event> e = find_event(ctx.c, cl, "decided")) {
      decided = e->date;
      decided_origin = event_evidence(*e);
    }
  if (!decided) {
    out.push_back(manual_finding(r,
                                 "未能读取被申请复议（被诉）的行政处罚决定的日期，无法判断证据是否"
                                 "在决定作出后收集，请人工核对：" +
                                     r.description));
    return Outcome::not_checkable;
  }
  std::vector<std::string> late;
  std::vector<std::string> evidence = {"处罚决定日期 " + decided->iso() + "：" + decided_origin};
  bool unread = false;
  for (const Document* l : lists) {
    if (!readable(*l)) {
      unread = true;
      continue;
    }
    bool rows = false;
    for (const std::string& v : fact_values(*l, "evidence_item")) {
      rows = true;
      const std::size_t bar = v.find('|');
      std::optional<Date> when = Date::parse(v.substr(0, bar));
      if (when && *when > *decided) {
        late.push_back("“" + v.substr(bar + 1) + "”（" + when->iso() + "）");
        evidence.push_back(doc_label(cl, *l) + "所列“" + v.substr(bar + 1) + "”：" + when->iso());
      }
    }
    unread = unread || !rows;
  }
  for (const Document* d : docs)
    if (std::optional<Date> when = held_date(*d, cl); when && *when > *decided) {
      late.push_back(doc_label(cl, *d) + "（" + when->iso() + "）");
      evidence.push_back(doc_label(cl, *d) + "：" + when->iso());
    }
  if (late.empty()) {
    if (!unread) return Outcome::passed;
    out.push_back(manual_finding(r,
                                 "证据目录无可读取的证据条目（扫描件或未识别的表格），请人工核对证"
                                 "据形成时间是否晚于处罚决定（" +
                                     decided->iso() + "）：" + r.description));
    return Outcome::not_checkable;
  }
  std::string list;
  for (const std::string& s : late) list += (list.empty() ? "" : "、") + s;
  Finding f = finding_for(r, "appeal");
  f.message = fill_message(r.message, {{"evidence", list}, {"decision_date", decided->iso()}});
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

}  // namespace

std::vector<const Document*> documents_titled(const Case& c,
                                              const std::vector<std::string>& titles) {
  std::vector<const Document*> out;
  if (titles.empty()) return out;
  std::vector<std::string> keys;
  for (const std::string& t : titles) keys.push_back(normalize_for_match(t));
  for (const Document& d : c.documents) {
    const std::string name = d.path.substr(d.path.find_last_of('/') + 1);
    std::string hay = normalize_for_match(d.title) + "\n" + normalize_for_match(name);
    // The first two non-empty lines of short length: an organ line and the title.
    std::size_t b = 0, seen = 0;
    while (b < d.text.size() && seen < 2) {
      std::size_t e = d.text.find('\n', b);
      if (e == std::string::npos) e = d.text.size();
      const std::string line = normalize_for_match(std::string_view(d.text).substr(b, e - b));
      if (!line.empty()) {
        ++seen;
        if (line.size() <= 120) hay += "\n" + line;  // 40 Han characters
      }
      b = e + 1;
    }
    for (const std::string& k : keys)
      if (!k.empty() && hay.find(k) != std::string::npos) {
        out.push_back(&d);
        break;
      }
  }
  return out;
}

Outcome check_appeal(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "answer_deadline") return answer_deadline(r, ctx, out);
  if (check == "evidence_after_decision") return evidence_after_decision(r, ctx, out);
  if (check == "agents") return check_appeal_agents(r, ctx, out);
  if (check == "titled_present") return check_appeal_titled(r, ctx, out);
  if (check == "cited_decision") return check_appeal_cited(r, ctx, out);
  if (check == "outcome") return check_appeal_outcome(r, ctx, out);
  if (check == "powers") return check_appeal_powers(r, ctx, out);
  if (check == "term") return check_appeal_term(r, ctx, out);
  if (check == "outcome_service") return check_appeal_outcome_service(r, ctx, out);
  if (check == "seal") return check_appeal_seal(r, ctx, out);
  return Outcome::not_checkable;
}

std::string validate_appeal(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  std::string bad;
  std::vector<std::string> types;
  if (check == "answer_deadline") {
    bad = check_param_names(r, {"check", "notice", "answer", "answer_titles", "limit", "unit",
                                "simple_limit", "simple_mark"});
    if (bad.empty() && !limit_number(rule_param(r, "limit"))) bad = "limit 参数应为 0—1000 的整数";
    const std::string unit = rule_param(r, "unit");
    if (bad.empty() && unit != "working" && unit != "calendar" && unit != "calendar_rolled")
      bad = "unit 参数应为 working、calendar 或 calendar_rolled";
    if (bad.empty() && unit != "calendar" && !cl.calendar)
      bad = "按工作日（或节假日顺延）计算的期限须在 <checklist> 中配置 <calendar> 工作日历";
    if (bad.empty() && r.params.count("simple_limit") &&
        !limit_number(rule_param(r, "simple_limit")))
      bad = "simple_limit 参数应为 0—1000 的整数";
    if (bad.empty() && split_list(rule_param(r, "notice")).empty())
      bad = "answer_deadline 须有 notice 参数（文书类型）";
    types = split_list(rule_param(r, "notice"));
    for (const std::string& t : split_list(rule_param(r, "answer"))) types.push_back(t);
  } else if (check == "evidence_after_decision") {
    bad = check_param_names(r, {"check", "decision", "evidence", "list_titles"});
    types = split_list(rule_param(r, "decision"));
    for (const std::string& t : split_list(rule_param(r, "evidence"))) types.push_back(t);
  } else if (check == "agents") {
    bad = check_param_names(r, {"check", "titles"});
  } else if (check == "titled_present") {
    bad = check_param_names(r, {"check", "titles", "name"});
    if (bad.empty() && split_list(rule_param(r, "titles")).empty())
      bad = "titled_present 须有 titles 参数";
  } else if (check == "cited_decision") {
    bad = check_param_names(r, {"check", "answer", "decision"});
    types = split_list(rule_param(r, "answer"));
    for (const std::string& t : split_list(rule_param(r, "decision"))) types.push_back(t);
  } else if (check == "outcome") {
    bad = check_param_names(r, {"check", "documents"});
    types = split_list(rule_param(r, "documents"));
  } else if (check == "powers") {
    bad = check_param_names(r, {"check", "titles", "special_titles"});
  } else if (check == "term") {
    bad = check_param_names(r, {"check", "titles", "answer"});
    types = split_list(rule_param(r, "answer"));
  } else if (check == "outcome_service") {
    bad = check_param_names(r, {"check", "documents"});
    if (bad.empty() && split_list(rule_param(r, "documents")).empty())
      bad = "outcome_service 须有 documents 参数（文书类型）";
    types = split_list(rule_param(r, "documents"));
  } else if (check == "seal") {
    bad = check_param_names(r, {"check", "documents", "titles", "formats"});
    types = split_list(rule_param(r, "documents"));
  } else {
    return "appeal 规则的 check 参数应为 answer_deadline、evidence_after_decision、agents、"
           "titled_present、cited_decision、outcome、powers、term、outcome_service 或 seal";
  }
  if (!bad.empty()) return bad;
  return unknown_doc_type(types, cl);
}

}  // namespace auditor
