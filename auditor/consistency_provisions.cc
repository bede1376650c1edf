// consistency check provisions, from `provision` facts (docs/facts.md) and
// the wording around them (auditor/consistency_citations.h).
//
// provisions: the decision must state the provision violated ("违反……第…条")
// and the penalty provision ("依据/根据/依照/按照……第…条……决定/处以…").
// Passes when it cites at least `min` distinct provisions, or when both roles
// are stated, even by one article: an article that both prohibits and
// penalises (e.g. 《城市市容和环境卫生管理条例》第三十六条) is cited as both,
// which is correct. Otherwise the message names what is missing: no
// citation at all, the violated provision, or the penalty provision. Fewer
// recognised citations while the text mentions `min` distinct 第…条 (no 《》):
// a manual check. Provisions of `ignore_laws` (procedural and remedy laws)
// are neither counted nor a role.
#include <algorithm>
#include <set>

#include "auditor/consistency.h"
#include "auditor/consistency_citations.h"
#include "auditor/kind_helpers.h"

namespace auditor::consistency {
namespace {

// What the decision lacks, for the {problem} placeholder: `cited` are its
// substantive provisions, `procedural` those of ignored laws.
std::string missing_text(const Roles& roles, const std::set<std::string>& cited,
                         const std::set<std::string>& procedural) {
  if (cited.empty() && roles.violated.empty() && roles.basis.empty())
    return procedural.empty() ? "未引用任何法律条文，未写明违法行为所违反的条款和处罚依据条款"
                              : "仅引用" + join(procedural) +
                                    "（程序或救济条款），未写明违法行为所违反的条款和处罚依据条款";
  if (!roles.violated.empty())
    return "写明了所违反的条款（" + join(roles.violated) +
           "），但未写明处罚依据条款（“依据……第…条的规定，决定……”）";
  if (!roles.basis.empty())
    return "写明了处罚依据条款（" + join(roles.basis) +
           "），但未写明违法行为所违反的条款（“违反了……第…条的规定”）";
  return "仅引用" + join(cited) +
         "，未见“违反……的规定”和“依据……的规定”的表述，未写明违法行为所违反的条款和处罚依据条款";
}

}  // namespace

Outcome provisions(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string type = rule_param(r, "document");
  const std::size_t min = std::stoul(rule_param(r, "min", "2"));
  const std::vector<std::string> ignore = split_list(rule_param(r, "ignore_laws"));
  const std::vector<const Document*> decisions = documents_of(ctx.c, {type});
  if (decisions.empty()) return Outcome::not_applicable;
  Outcome o = Outcome::not_checkable;
  for (const Document* d : decisions) {
    if (!readable(*d)) continue;
    // Substantive provisions count; those of procedural laws (ignore_laws:
    // 行政处罚法 for 加处罚款, 行政复议法 for remedies) are neither the violated
    // nor the penalty provision.
    std::set<std::string> cited, shown, procedural, procedural_articles;
    std::vector<std::string> evidence;
    for (const Fact& f : d->facts) {
      if (f.kind != "provision") continue;
      const std::vector<std::string> laws = laws_in(f.value);
      if (!laws.empty() && ignored_law(laws.front(), ignore)) {
        procedural.insert(f.value);
        const std::size_t close = f.value.find("》");
        for (const std::string& a : article_mentions(f.value.substr(close + 3)))
          procedural_articles.insert(a);
        continue;
      }
      shown.insert(f.value);
      if (cited.insert(fold(f.value)).second)
        evidence.push_back(doc_label(ctx.checklist, *d) + "：" + f.value + "（" + f.snippet + "）");
    }
    const Roles roles = roles_of(d->text, ignore);
    if (cited.size() >= min || (!roles.violated.empty() && !roles.basis.empty())) {
      if (o != Outcome::failed) o = Outcome::passed;
      continue;
    }
    std::set<std::string> mentions;
    for (const std::string& a : article_mentions(d->text))
      if (!procedural_articles.count(a)) mentions.insert(a);
    Finding f = finding_for(r, "consistency");
    f.message = fill_message(r.message, {{"document", doc_label(ctx.checklist, *d)},
                                         {"count", std::to_string(cited.size())},
                                         {"min", std::to_string(min)},
                                         {"cited", shown.empty() ? "无" : join(shown)},
                                         {"problem", missing_text(roles, shown, procedural)}});
    if (mentions.size() >= min) {
      f = manual_finding(
          r, doc_label(ctx.checklist, *d) + "中可识别的法律条文引用不足 " + std::to_string(min) +
                 " 条，但正文提及" + join(mentions) +
                 "，请人工核对是否写明违法行为所违反的条款和处罚依据条款（条、款、项）");
    } else {
      o = Outcome::failed;
    }
    f.document = type;
    f.stage = d->stage;
    f.evidence = evidence;
    if (!mentions.empty()) f.evidence.push_back("正文提及的条：" + join(mentions));
    out.push_back(std::move(f));
  }
  return o;
}

}  // namespace auditor::consistency
