// Rule kind required_document: a document of a type (or one of several) must
// be in the file. Params (docs/formats/checklist.md):
//   document=TYPE | any_of=TYPE,TYPE   the type(s) looked for
//   serves=TYPE                        a 送达回证 serving TYPE (document may be
//                                      omitted; it is then service_receipt)
//   embedded_in=TYPE embedded_mark=TEXT  also satisfied when a TYPE document's
//                                      text contains TEXT (merged documents)
#include <algorithm>
#include <optional>

#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor {
namespace {

std::vector<std::string> wanted_types(const Rule& r) {
  if (std::string any = rule_param(r, "any_of"); !any.empty()) return split_list(any);
  std::string doc = rule_param(r, "document");
  return {doc.empty() ? "service_receipt" : doc};
}

std::string quoted(const Checklist& cl, const std::string& id) {
  const DocType* t = cl.doc_type(id);
  return "《" + (t ? t->name : id) + "》";
}

std::string document_phrase(const Rule& r, const Checklist& cl) {
  std::string out;
  for (const std::string& id : wanted_types(r)) out += (out.empty() ? "" : "或") + quoted(cl, id);
  return out;
}

// A receipt serves `served` when it names that document; a receipt that names
// none counts by its stage (3 serves the notice stage, 6 the later ones).
bool receipt_serves(const Document& d, const DocType& served, const RuleContext& ctx) {
  if (const DocType* t = served_type(d, ctx.c, ctx.checklist)) return t->id == served.id;
  return d.stage && (*d.stage == 3) == (served.stage == 3);
}

int rule_stage(const Rule& r, const Checklist& cl, const std::string& wanted,
               const DocType* served) {
  if (r.stage) return *r.stage;
  if (served) return served->stage == 3 ? 3 : 6;
  const DocType* t = cl.doc_type(wanted);
  return t ? t->stage : 0;
}

std::string looked_for(const Rule& r, const Checklist& cl, const DocType* served) {
  std::string out = "查找：";
  bool first = true;
  for (const std::string& id : wanted_types(r)) {
    const DocType* t = cl.doc_type(id);
    out += (first ? "" : "或") + quoted(cl, id);
    first = false;
    if (t && t->titles.size() > 1) {
      out += "（标题可为：";
      for (std::size_t i = 0; i < t->titles.size(); ++i) out += (i ? "、" : "") + t->titles[i];
      out += "）";
    }
  }
  if (served) out += "，且须载明送达" + quoted(cl, served->id);
  return out;
}

// embedded_in / embedded_mark: passed when a host document's text carries the
// mark; not_checkable (with a manual check) when a host has no text; nullopt
// when neither, so the rule fails.
std::optional<Outcome> check_embedded(const Rule& r, const RuleContext& ctx,
                                      std::vector<std::string>& evidence,
                                      std::vector<Finding>& out) {
  const std::string host = rule_param(r, "embedded_in");
  if (host.empty()) return std::nullopt;
  const std::string mark = rule_param(r, "embedded_mark");
  bool unreadable = false;
  for (const Document& d : ctx.c.documents) {
    if (d.type != host) continue;
    if (!d.has_text) {
      unreadable = true;
    } else if (normalize_for_match(d.text).find(normalize_for_match(mark)) != std::string::npos) {
      return Outcome::passed;
    } else {
      evidence.push_back(quoted(ctx.checklist, host) + "（" + d.path + "）正文未载明“" + mark +
                         "”");
    }
  }
  if (!unreadable) return std::nullopt;
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  f.document = wanted_types(r).front();
  f.message = "卷内未见" + document_phrase(r, ctx.checklist) + "，" + quoted(ctx.checklist, host) +
              "无可提取文本，无法判断其是否已载明“" + mark + "”，请人工核对";
  f.evidence = evidence;
  out.push_back(std::move(f));
  return Outcome::not_checkable;
}

// The first line of a title text.
std::string first_line(const std::string& title) { return title.substr(0, title.find('\n')); }

}  // namespace

Outcome check_required_document(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<std::string> wanted = wanted_types(r);
  const DocType* served =
      rule_param(r, "serves").empty() ? nullptr : cl.doc_type(rule_param(r, "serves"));
  std::vector<std::string> evidence;
  int receipts = 0;
  for (const Document& d : ctx.c.documents) {
    if (!d.type || std::find(wanted.begin(), wanted.end(), *d.type) == wanted.end()) continue;
    if (!served || receipt_serves(d, *served, ctx)) return Outcome::passed;
    const DocType* t = served_type(d, ctx.c, cl);
    evidence.push_back(
        "送达回证 " + d.path + " 送达的是" +
        (t ? "《" + t->name + "》" : "第" + std::to_string(d.stage.value_or(6)) + "阶段文书"));
    ++receipts;
  }
  if (std::optional<Outcome> o = check_embedded(r, ctx, evidence, out)) return *o;

  const int stage = rule_stage(r, cl, wanted.front(), served);
  const Stage* s = cl.stage(stage);
  Finding f = finding_for(r, "missing_document");
  f.stage = stage;
  f.document = served ? std::string("service_receipt") : wanted.front();
  f.message = fill_message(r.message, {{"stage", std::to_string(stage)},
                                       {"stage_name", s ? s->name : ""},
                                       {"document", document_phrase(r, cl)},
                                       {"served", served ? quoted(cl, served->id) : ""}});
  evidence.insert(evidence.begin(),
                  looked_for(r, cl, served) + "；卷内共 " + std::to_string(ctx.c.documents.size()) +
                      " 份文书" +
                      (served ? "，其中送达回证 " + std::to_string(receipts) + " 份" : ""));
  add_unknown_documents(ctx.c, evidence);
  // An approval form of the wanted document is on file: say it is not the document.
  for (const Document& d : ctx.c.documents)
    for (const Fact& a : d.facts)
      if (a.kind == "approves" && std::find(wanted.begin(), wanted.end(), a.value) != wanted.end())
        evidence.push_back("卷内的" +
                           (d.title.empty() ? d.path : "《" + first_line(d.title) + "》") + "（" +
                           d.path + "）是审批" + quoted(cl, a.value) + "的审批表，不是该文书本身");
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

std::string validate_required_document(const Rule& r, const Checklist& cl) {
  if (std::string bad =
          check_param_names(r, {"document", "any_of", "serves", "embedded_in", "embedded_mark"});
      !bad.empty())
    return bad;
  const bool has_document = r.params.count("document"), has_any = r.params.count("any_of");
  const bool has_serves = r.params.count("serves");
  if (has_document && has_any) return "document 与 any_of 参数只能用其一";
  if (!has_document && !has_any && !has_serves)
    return "required_document 规则须有 document、any_of 或 serves 参数";
  if (has_serves && has_any) return "serves 参数不能与 any_of 同用";
  if (has_serves && has_document && rule_param(r, "document") != "service_receipt")
    return "serves 参数只能用于送达回证（document=\"service_receipt\"）";
  if (r.params.count("embedded_in") != r.params.count("embedded_mark"))
    return "embedded_in 与 embedded_mark 参数须同时出现";
  std::vector<std::string> ids = wanted_types(r);
  for (const char* name : {"serves", "embedded_in"})
    if (r.params.count(name)) ids.push_back(rule_param(r, name));
  if (ids.empty()) return "any_of 参数没有列出文书类型";
  for (const std::string& id : ids)
    if (!cl.doc_type(id)) return "未知的文书类型 " + id;
  return {};
}

std::string required_document_hint(const Rule& r, const Checklist& cl) {
  if (const std::string s = rule_param(r, "serves"); !s.empty())
    return "是否需要送达" + quoted(cl, s) + "的" + quoted(cl, "service_receipt");
  return "是否需要" + document_phrase(r, cl);
}

}  // namespace auditor
