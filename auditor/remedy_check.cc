// Rule kind remedy: the remedy sentence (救济途径告知) of each decision names
// the review body and the court of the district's table and their periods
// (auditor/remedy.h). Placeholders: {document} {problem}.
#include "auditor/discretion_rules.h"
#include "auditor/kind_helpers.h"
#include "auditor/remedy.h"

namespace auditor {

Outcome check_remedy(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  // A table not loaded by app/checklist_load.cc (no digest): not checkable.
  if (rule_param(r, "table_sha256").empty()) return Outcome::not_checkable;
  const auto table = remedy_table_at(rule_param(r, "table"), rule_param(r, "table_sha256"));
  if (!table) return Outcome::not_checkable;
  bool checked = false, failed = false;
  for (const Document* d : substance::decisions(r, ctx.c)) {
    checked = true;
    const RemedySentence s = read_remedy_sentence(d->text);
    const std::vector<std::string> problems = remedy_problems(s, *table);
    if (problems.empty()) continue;
    failed = true;
    std::string joined;
    for (const std::string& p : problems) joined += (joined.empty() ? "" : "；") + p;
    Finding f = finding_for(r, "remedy");
    f.document = d->type;
    f.message =
        fill_message(r.message, {{"document", doc_label(ctx.checklist, *d)}, {"problem", joined}});
    if (s.review) f.evidence.push_back("复议告知：" + s.review_part);
    if (s.litigation) f.evidence.push_back("诉讼告知：" + s.litigation_part);
    f.evidence.push_back("救济途径表 " + table->id + "（" + table->version + "）：" +
                         table->review_source);
    out.push_back(std::move(f));
  }
  if (failed) return Outcome::failed;
  return checked ? Outcome::passed : Outcome::not_applicable;
}

}  // namespace auditor
