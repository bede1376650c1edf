// Rule kind provision_table: every provision a decision cites of a law the
// table knows must exist and be in force on the date the law is judged at
// (the violation_date fact, else the decision's date; the decision's date
// for a procedural law). Laws the table does not know are not judged.
// Message placeholders: {document} {provision} {problem} {date}.
#include "auditor/discretion_rules.h"
#include "auditor/kind_helpers.h"
#include "auditor/provision_table.h"

namespace auditor {

Outcome check_provision_table(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  // A table not loaded by app/checklist_load.cc (no digest): not checkable.
  if (rule_param(r, "table_sha256").empty()) return Outcome::not_checkable;
  const auto table = provision_table_at(rule_param(r, "table"), rule_param(r, "table_sha256"));
  if (!table) return Outcome::not_checkable;
  bool checked = false, failed = false, unknown = false;
  for (const Document* d : substance::decisions(r, ctx.c)) {
    for (const Fact& fact : d->facts) {
      if (fact.kind != "provision") continue;
      const std::optional<Citation> cite = parse_citation(fact.value);
      if (!cite) continue;
      const KnownLaw* law = table->law(cite->law);
      if (!law) continue;
      const Text violation = first_fact(*d, "violation_date");
      const bool by_act = law->judged == "violation" && violation;
      const Text day_text = by_act ? violation : d->date ? d->date : first_fact(*d, "doc_date");
      const std::optional<Date> day = day_text ? Date::parse(*day_text) : std::nullopt;
      if (!day) {
        unknown = true;
        out.push_back(manual_finding(
            r, doc_label(ctx.checklist, *d) + "引用" + fact.value +
                   "，未能读到违法行为发生日期或决定日期，请人工核对该条文当时是否施行"));
        continue;
      }
      checked = true;
      const std::string why = not_in_force(*law, *cite, *day);
      if (why.empty()) continue;
      failed = true;
      Finding f = finding_for(r, "provision");
      f.document = d->type;
      f.message = fill_message(r.message, {{"document", doc_label(ctx.checklist, *d)},
                                           {"provision", fact.value},
                                           {"problem", why},
                                           {"date", day->iso()}});
      f.evidence = {"引用：" + fact.snippet,
                    (by_act ? "违法行为发生日期：" : "决定日期：") + day->iso(),
                    "条文表 " + table->id + "（" + table->version + "）：" + law->source +
                        (law->example ? "（示例条目）" : "")};
      out.push_back(std::move(f));
    }
  }
  if (failed) return Outcome::failed;
  if (unknown) return Outcome::not_checkable;
  return checked ? Outcome::passed : Outcome::not_applicable;
}

}  // namespace auditor
