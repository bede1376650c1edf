// Rule kind appeal (contracts in appeal.h): the power of attorney's powers
// and term, the outcome's service, and the seal manual check of the organ's
// own answer-file documents. Facts: importers/facts_appeal_powers.cc.
#include <algorithm>

#include "auditor/appeal.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting_facts.h"

namespace auditor {

namespace {

const char* const kPowerTitles = "授权委托书,委托书";

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

bool has_value(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// One finding of `problems`, one manual check of `unread`: the outcome.
Outcome report(const Rule& r, const std::string& document, std::vector<std::string> problems,
               std::vector<std::string> unread, std::vector<std::string> evidence,
               const std::string& ask, std::vector<Finding>& out) {
  if (!unread.empty()) {
    Finding m =
        manual_finding(r, joined(unread, "；") + "，请人工核对" + ask + "：" + r.description);
    m.evidence = evidence;
    out.push_back(std::move(m));
  }
  if (!problems.empty()) {
    Finding f = finding_for(r, "appeal");
    f.document = document;
    f.message = fill_message(r.message, {{"problem", joined(problems, "；")}});
    f.evidence = std::move(evidence);
    out.push_back(std::move(f));
    return Outcome::failed;
  }
  return unread.empty() ? Outcome::passed : Outcome::not_checkable;
}

}  // namespace

// powers: every power of attorney states the agent's powers (一般授权, 特别授权
// or the matters entrusted); a file holding a document only a special
// authorisation covers (调解书, 和解协议, 上诉状 … `special_titles`) needs one
// power of attorney with 特别授权 (or the special items listed).
Outcome check_appeal_powers(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> powers =
      documents_titled(ctx.c, split_list(rule_param(r, "titles", kPowerTitles)));
  if (powers.empty()) return Outcome::not_applicable;  // APL-power-of-attorney says so
  std::vector<std::string> problems, unread, evidence;
  bool special = false, stated = false;
  for (const Document* d : powers) {
    if (!readable(*d)) {
      unread.push_back(doc_label(cl, *d) + "无可提取文本，未能读取代理权限");
      continue;
    }
    const std::vector<std::string> v = fact_values(*d, "appeal_powers");
    const bool own =
        std::any_of(v.begin(), v.end(), [](const std::string& x) { return x != "blank"; });
    special = special || has_value(v, "special");
    stated = stated || own;
    for (const std::string& x : v)
      evidence.push_back(doc_label(cl, *d) + "：代理权限" +
                         (x == "special"   ? "为特别授权"
                          : x == "general" ? "为一般授权"
                          : x == "listed"  ? "写明了委托事项"
                                           : "一栏空白"));
    if (!own)
      problems.push_back(doc_label(cl, *d) + (v.empty() ? "未载明代理权限（一般授权或特别授权）"
                                                        : "的代理权限一栏空白"));
  }
  const std::vector<const Document*> needs =
      documents_titled(ctx.c, split_list(rule_param(r, "special_titles")));
  if (!needs.empty() && !special && stated) {
    std::vector<std::string> names;
    for (const Document* d : needs) names.push_back(doc_label(cl, *d));
    if (unread.empty())
      problems.push_back("卷内有" + joined(names, "、") +
                         "（调解、和解、撤诉或上诉须特别授权），授权委托书未见特别授权");
    else
      unread.push_back("卷内有" + joined(names, "、") + "，须核对是否有特别授权");
  }
  return report(r, powers.front()->type.value_or(""), std::move(problems), std::move(unread),
                std::move(evidence), "授权委托书的代理权限", out);
}

namespace {

// The latest end a power of attorney's terms give: an ISO date, or "case" /
// "open" (covers the whole case); "" when no term is read.
std::string term_end(const std::vector<std::string>& values) {
  std::string best;
  for (const std::string& v : values) {
    const std::size_t bar = v.find('|');
    if (bar == std::string::npos) continue;
    const std::string until = v.substr(bar + 1);
    if (until == "case" || until == "open") return until;
    if (until > best) best = until;
  }
  return best;
}

}  // namespace

// term: every power of attorney states its term, and a term ending on a
// date covers the answer's (defence's) date and the hearing dates read.
Outcome check_appeal_term(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> powers =
      documents_titled(ctx.c, split_list(rule_param(r, "titles", kPowerTitles)));
  if (powers.empty()) return Outcome::not_applicable;
  // What the agents must be authorised for: the answers' dates, hearings.
  std::vector<std::pair<Date, std::string>> acts;
  for (const Document* a : documents_of(ctx.c, split_list(rule_param(r, "answer"))))
    if (std::optional<Date> v = own_date(*a, cl))
      acts.emplace_back(*v, doc_label(cl, *a) + "落款日期");
  for (const Document& d : ctx.c.documents)
    for (const std::string& h : fact_values(d, "appeal_hearing"))
      if (std::optional<Date> v = Date::parse(h))
        acts.emplace_back(*v, doc_label(cl, d) + "所载开庭日期");
  std::vector<std::string> problems, unread, evidence;
  for (const Document* d : powers) {
    if (!readable(*d)) {
      unread.push_back(doc_label(cl, *d) + "无可提取文本，未能读取委托期限");
      continue;
    }
    const std::vector<std::string> v = fact_values(*d, "appeal_term");
    const std::string end = term_end(v);
    if (end.empty()) {
      if (has_value(v, "unread"))
        unread.push_back(doc_label(cl, *d) +
                         "的委托期限未能识别（应为“自…起至…止”或“至本案…终结”）");
      else
        problems.push_back(doc_label(cl, *d) +
                           (v.empty() ? "未载明委托期限" : "的委托期限一栏空白"));
      continue;
    }
    if (end == "case" || end == "open") {
      evidence.push_back(doc_label(cl, *d) +
                         (end == "case" ? "：委托期限至本案终结" : "：委托期限长期"));
      continue;
    }
    const Date until = *Date::parse(end);
    evidence.push_back(doc_label(cl, *d) + "：委托期限至 " + until.iso());
    if (acts.empty()) {
      unread.push_back("未能读取答复（答辩）日期或开庭日期，无法判断" + doc_label(cl, *d) +
                       "的委托期限（至 " + until.iso() + "）是否覆盖");
      continue;
    }
    for (const auto& [when, what] : acts)
      if (until < when) {
        problems.push_back(doc_label(cl, *d) + "的委托期限至 " + until.iso() + "，早于" + what +
                           " " + when.iso());
        evidence.push_back(what + "：" + when.iso());
      }
  }
  return report(r, powers.front()->type.value_or(""), std::move(problems), std::move(unread),
                std::move(evidence), "授权委托书的委托期限", out);
}

// outcome_service: each outcome document (`documents`) on file shows when
// the organ received it: its receipt label or stamp date
// (appeal_outcome_served), a sentence "于…收到…决定书" in the file, or a
// 送达回证 serving it. None: a finding; a scan, a receipt or a label whose
// date is not read: a manual check.
Outcome check_appeal_outcome_service(const Rule& r, const RuleContext& ctx,
                                     std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<std::string> types = split_list(rule_param(r, "documents"));
  const std::vector<const Document*> docs = documents_of(ctx.c, types);
  if (docs.empty()) return Outcome::not_applicable;  // APL-RC-decision asks for it
  std::vector<std::string> problems, unread, evidence;
  for (const Document* d : docs) {
    std::optional<Date> served;
    std::string how;
    bool seen = !readable(*d);  // a scan may bear a received stamp
    for (const std::string& v : fact_values(*d, "appeal_outcome_served")) {
      if (std::optional<Date> x = Date::parse(v)) {
        served = x;
        how = doc_label(cl, *d) + "载明的收到日期";
        break;
      }
      seen = true;
    }
    for (const Document& o : ctx.c.documents) {
      if (served) break;
      if (&o == d || has_value(types, o.type.value_or(""))) continue;
      if (o.type == "service_receipt") {
        const DocType* t = served_type(o, ctx.c, cl);
        if (!t || t->id != d->type) continue;
        std::optional<Date> x;
        for (const std::string& v : fact_values(o, "service_date"))
          if ((x = Date::parse(v))) break;
        if (!x) x = own_date(o, cl);
        if (x) {
          served = x;
          how = doc_label(cl, o) + "的送达日期";
        } else {
          seen = true;
          unread.push_back(doc_label(cl, o) + "的送达日期未能读取");
        }
        continue;
      }
      for (const std::string& v : fact_values(o, "appeal_outcome_served"))
        if (std::optional<Date> x = Date::parse(v)) {
          served = x;
          how = doc_label(cl, o) + "所述收到日期";
          break;
        }
    }
    if (served) {
      evidence.push_back(how + "：" + served->iso());
      continue;
    }
    if (!readable(*d))
      unread.push_back(doc_label(cl, *d) +
                       "无可提取文本，未能读取其收文（签收）日期，也未见送达回证");
    else if (seen && unread.empty())
      unread.push_back(doc_label(cl, *d) + "的收文（签收）日期未能读取");
    else if (!seen)
      problems.push_back(doc_label(cl, *d) + "未见送达回证，也未载明收到（签收）日期");
  }
  return report(r, docs.front()->type.value_or(""), std::move(problems), std::move(unread),
                std::move(evidence), "复议决定书（判决书、裁定书）的送达日期", out);
}

// seal: the organ's own documents of the answer file (types `documents`,
// titles `titles`) in `formats` (default docx, doc, pdf, image: a seal is an
// image there) are listed in one manual check that they bear the organ's seal.
Outcome check_appeal_seal(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<std::string> formats =
      split_list(rule_param(r, "formats", "docx,doc,pdf,image"));
  std::vector<const Document*> docs = documents_of(ctx.c, split_list(rule_param(r, "documents")));
  const std::vector<std::string> titles = split_list(rule_param(r, "titles"));
  for (const Document* d : documents_titled(ctx.c, titles))
    if (std::find(docs.begin(), docs.end(), d) == docs.end()) docs.push_back(d);
  std::vector<std::string> names, evidence;
  const Document* first = nullptr;
  for (const Document* d : docs) {
    if (!has_value(formats, d->format)) continue;
    if (!first) first = d;
    evidence.push_back(doc_label(cl, *d) + "（" + d->format + "）");
    // The type's title, or for a titled `evidence` document its title line.
    std::string name = d->type && *d->type != "evidence" ? doc_title(cl, *d->type) : "";
    for (std::size_t b = 0; name.empty() && b < d->title.size();) {
      std::size_t e = d->title.find('\n', b);
      if (e == std::string::npos) e = d->title.size();
      const std::string line = d->title.substr(b, e - b);
      for (const std::string& t : titles)
        if (name.empty() && line.size() <= 60 && line.find(t) != std::string::npos)
          name = "《" + line + "》";
      b = e + 1;
    }
    if (name.empty()) name = doc_label(cl, *d);
    if (!has_value(names, name)) names.push_back(name);
  }
  if (!first) return Outcome::not_applicable;
  Finding m = manual_finding(r, fill_message(r.message, {{"documents", joined(names, "、")}}));
  m.document = first->type.value_or("");
  m.evidence = std::move(evidence);
  out.push_back(std::move(m));
  return Outcome::not_checkable;
}

}  // namespace auditor
