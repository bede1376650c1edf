// Rule kind discretion: a decision's fine against the discretion standard of
// the provisions it cites (the table's entries they match). check=range: the
// fine within the statutory range (below it is lawful when the decision
// mitigates, 行政处罚法第三十二条); check=band: the decision names a band
// (discretion_band fact) and the fine is within it — no band named is a
// manual check; check=justify: whether the facts are the named band's
// circumstances, always a manual check (info); check=repeat: the band's
// presumption about earlier offences against the party's stored cases
// (auditor/repeat.h). Placeholders: {document} {provision} {fine} {range}
// {band} {problem}.
#include <algorithm>

#include "auditor/conditions.h"
#include "auditor/discretion.h"
#include "auditor/discretion_rules.h"
#include "auditor/kind_helpers.h"
#include "auditor/repeat.h"

namespace auditor {
namespace {

std::string range_text(const std::optional<double>& min, const std::optional<double>& max) {
  if (min && max) return yuan_text(*min) + " 元至 " + yuan_text(*max) + " 元";
  if (min) return yuan_text(*min) + " 元以上";
  return yuan_text(max.value_or(0)) + " 元以下";
}

const char* party_name(PartyKind k) {
  return k == PartyKind::citizen ? "citizen" : k == PartyKind::organisation ? "organisation" : "";
}

bool within(double fine, const std::optional<double>& min, const std::optional<double>& max,
            bool mitigated) {
  if (max && fine > *max + 1e-6) return false;
  if (min && fine < *min - 1e-6 && !mitigated) return false;
  return true;
}

}  // namespace

Outcome check_discretion(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  // A table not loaded by app/checklist_load.cc (no digest): not checkable.
  if (rule_param(r, "table_sha256").empty()) return Outcome::not_checkable;
  const auto table = discretion_table_at(rule_param(r, "table"), rule_param(r, "table_sha256"));
  if (!table) return Outcome::not_checkable;
  const std::string check = rule_param(r, "check");
  if (check == "repeat") return check_repeat_offence(r, ctx, out);
  bool checked = false, failed = false, manual = false;
  for (const Document* d : substance::decisions(r, ctx.c)) {
    const Text fine_text = first_fact(*d, "fine");
    const std::optional<double> fine = fine_text ? fact_amount(*fine_text) : std::nullopt;
    if (!fine) continue;
    std::string fine_snippet;
    for (const Fact& x : d->facts)
      if (x.kind == "fine" && fine_snippet.empty()) fine_snippet = x.snippet;
    const bool mitigated = first_fact(*d, "mitigated") == std::string("true");
    const Text band_name = first_fact(*d, "discretion_band");
    for (const Fact& fact : d->facts) {
      if (fact.kind != "provision") continue;
      const std::optional<Citation> cite = parse_citation(fact.value);
      if (!cite) continue;
      // The entry of the provision for the party's kind (any, or one per kind).
      const PartyKind kind = case_party_kind(ctx.c, ctx.checklist);
      bool other_party = false;
      auto e =
          std::find_if(table->entries.begin(), table->entries.end(), [&](const DiscretionEntry& x) {
            if (!x.matches(*cite)) return false;
            if (x.party == "any" || x.party == party_name(kind)) return true;
            other_party = true;
            return false;
          });
      if (e == table->entries.end()) {
        if (other_party && kind == PartyKind::unknown && check == "range") {
          manual = true;
          out.push_back(manual_finding(r, doc_label(ctx.checklist, *d) + "依据" + fact.value +
                                              "处罚款，裁量基准按单位、个人分列幅度，未能确定当事"
                                              "人类型，请人工核对罚款幅度"));
        }
        continue;
      }
      std::map<std::string, std::string> values = {{"document", doc_label(ctx.checklist, *d)},
                                                   {"provision", fact.value},
                                                   {"fine", yuan_text(*fine)},
                                                   {"range", range_text(e->min, e->max)},
                                                   {"band", band_name.value_or("")}};
      const std::string where = "裁量基准 " + e->id + "（" + e->name + "）：" + e->source +
                                (e->example ? "（示例条目）" : "");
      auto finding = [&](std::string problem, std::vector<std::string> evidence) {
        Finding f = finding_for(r, "discretion");
        f.document = d->type;
        values["problem"] = std::move(problem);
        f.message = fill_message(r.message, values);
        f.evidence = std::move(evidence);
        f.evidence.push_back(where);
        out.push_back(std::move(f));
      };
      if (check == "range") {
        checked = true;
        if (within(*fine, e->min, e->max, mitigated)) continue;
        failed = true;
        finding(
            "罚款 " + yuan_text(*fine) + " 元超出法定幅度（" + range_text(e->min, e->max) + "）",
            {"罚款：" + fine_snippet, "依据：" + fact.snippet});
        continue;
      }
      if (!band_name) {
        if (check == "band") {
          manual = true;
          out.push_back(manual_finding(r, doc_label(ctx.checklist, *d) + "依据" + fact.value +
                                              "处罚款 " + yuan_text(*fine) +
                                              " 元，未写明适用的裁量阶次（如“属于一般违法情形”），"
                                              "请人工核对所适用的阶次及罚款是否在该阶次幅度内"));
        }
        continue;
      }
      const DiscretionBand* band = e->band(*band_name);
      if (!band) {
        if (check == "band") {
          manual = true;
          out.push_back(manual_finding(r, doc_label(ctx.checklist, *d) + "写明“" + *band_name +
                                              "”情形，裁量基准 " + e->id +
                                              " 无该阶次，请人工核对"));
        }
        continue;
      }
      if (check == "justify") {
        manual = true;
        out.push_back(manual_finding(
            r, doc_label(ctx.checklist, *d) + "适用“" + *band_name + "”阶次（" +
                   range_text(band->min, band->max) + "），请核对案件事实是否符合该阶次情形：" +
                   (band->circumstances.empty() ? "（裁量基准未写明情形）" : band->circumstances)));
        continue;
      }
      checked = true;
      if (within(*fine, band->min, band->max, mitigated)) continue;
      failed = true;
      finding("罚款 " + yuan_text(*fine) + " 元不在“" + *band_name + "”阶次幅度（" +
                  range_text(band->min, band->max) + "）内",
              {"阶次：" + *band_name + "（" + band->source + "）", "依据：" + fact.snippet});
    }
  }
  if (failed) return Outcome::failed;
  if (manual) return Outcome::not_checkable;
  return checked ? Outcome::passed : Outcome::not_applicable;
}

}  // namespace auditor
