#include "auditor/repeat.h"

#include <algorithm>
#include <set>

#include "auditor/case_info.h"
#include "auditor/conditions.h"
#include "auditor/discretion.h"
#include "auditor/discretion_rules.h"
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"
#include "util/date.h"

namespace auditor {
namespace {

std::string period_text(int months) {
  return months % 12 == 0 ? std::to_string(months / 12) + "年" : std::to_string(months) + "个月";
}

const char* party_name(PartyKind k) {
  return k == PartyKind::citizen ? "citizen" : k == PartyKind::organisation ? "organisation" : "";
}

// The table's entry of `cite` for the party's kind (any, or one per kind).
const DiscretionEntry* entry_of(const DiscretionTable& t, const Citation& cite, PartyKind kind) {
  for (const DiscretionEntry& e : t.entries)
    if (e.matches(cite) && (e.party == "any" || e.party == party_name(kind))) return &e;
  return nullptr;
}

bool cites(const EarlierCase& other, const DiscretionEntry& e) {
  return std::any_of(other.provisions.begin(), other.provisions.end(), [&](const std::string& p) {
    const std::optional<Citation> c = parse_citation(p);
    return c && e.matches(*c);
  });
}

// The stored case is the audited one: the same archive, bytes or case number.
bool same_case(const EarlierCase& other, const Case& c, const Document& d) {
  if (other.archive == c.archive) return true;
  if (!other.sha256.empty() && other.sha256 == c.sha256) return true;
  return !other.case_number.empty() &&
         (other.case_number == c.info.case_number || other.case_number == d.number);
}

// 案号 …（决定日期 …）, with the archive for the evidence.
std::string case_text(const EarlierCase& other, bool archive = false) {
  return "案号 " + (other.case_number.empty() ? std::string("不详") : other.case_number) + "（" +
         (other.decided.empty() ? "违法行为发生于 " + other.violation
                                : "决定日期 " + other.decided) +
         (archive ? "，案卷 " + other.archive : std::string()) + "）";
}

}  // namespace

bool is_repeat_rule(const Rule& r) {
  return r.kind == "discretion" && rule_param(r, "check") == "repeat";
}

std::vector<std::string> repeat_decision_types(const Checklist& checklist) {
  std::vector<std::string> out;
  for (const Rule& r : checklist.rules) {
    if (!is_repeat_rule(r)) continue;
    for (const std::string& t : split_list(rule_param(r, "documents", "penalty_decision")))
      if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

std::string party_of(const Case& c) {
  Text id = c.info.party_id;
  if (!id) id = first_fact(c, "party_id");
  return id ? *id : std::string();
}

Outcome check_repeat_offence(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  if (rule_param(r, "table_sha256").empty()) return Outcome::not_checkable;
  const auto table = discretion_table_at(rule_param(r, "table"), rule_param(r, "table_sha256"));
  if (!table) return Outcome::not_checkable;
  bool checked = false, failed = false, manual = false;
  const PartyKind kind = case_party_kind(ctx.c, ctx.checklist);
  const std::string party = party_of(ctx.c);
  const Text party_id = party.empty() ? Text() : Text(party);
  for (const Document* d : substance::decisions(r, ctx.c)) {
    const Text band_name = first_fact(*d, "discretion_band");
    if (!band_name) continue;
    const std::string label = doc_label(ctx.checklist, *d);
    std::set<std::string> seen;  // each entry once per decision
    for (const Fact& fact : d->facts) {
      if (fact.kind != "provision") continue;
      const std::optional<Citation> cite = parse_citation(fact.value);
      const DiscretionEntry* e = cite ? entry_of(*table, *cite, kind) : nullptr;
      const DiscretionBand* band = e ? e->band(*band_name) : nullptr;
      if (!band || band->repeat.empty() || !seen.insert(e->id).second) continue;
      const std::string period = period_text(band->within_months);
      const std::string presumes =
          band->repeat == "first" ? "其情形为首次违法（" + period + "内未因同一违法行为受过处罚）"
                                  : "其情形包括" + period + "内再次违法";
      const std::string head =
          label + "适用“" + *band_name + "”阶次（" + fact.value + "），" + presumes;
      auto ask = [&](const std::string& why) {
        manual = true;
        out.push_back(manual_finding(r, head + "；" + why));
      };
      if (!party_id) {
        ask("未读出当事人的统一社会信用代码或身份证号码，未能查询其此前的案件，请人工核对");
        continue;
      }
      if (!ctx.history) {
        ask("本次审查未使用案卷数据库，未能查询当事人（" + *party_id + "）此前的案件，请人工核对");
        continue;
      }
      if (!ctx.history->read) {
        ask("未能读取案卷数据库中当事人此前的案件（" + ctx.history->reason + "），请人工核对");
        continue;
      }
      Text ref_iso = first_fact(*d, "violation_date");
      if (!ref_iso) ref_iso = first_fact(ctx.c, "violation_date");
      const bool by_violation = ref_iso.has_value();
      if (!ref_iso) ref_iso = d->date;
      const std::optional<Date> ref = ref_iso ? Date::parse(*ref_iso) : std::nullopt;
      const std::optional<Date> from = ref ? add_months(*ref, -band->within_months) : std::nullopt;
      if (!ref || !from) {
        ask("未读出违法行为发生日期或决定日期，未能计算期限，请人工核对");
        continue;
      }
      std::vector<const EarlierCase*> hits, undated;
      auto it = ctx.history->by_party.find(*party_id);
      if (it != ctx.history->by_party.end())
        for (const EarlierCase& other : it->second) {
          if (same_case(other, ctx.c, *d) || !cites(other, *e)) continue;
          const std::optional<Date> when =
              Date::parse(other.decided.empty() ? other.violation : other.decided);
          if (!when)
            undated.push_back(&other);
          else if (*when >= *from && *when <= *ref)
            hits.push_back(&other);
        }
      const std::string ref_text =
          (by_violation ? "本案违法行为发生日期 " : "本案决定日期 ") + ref->iso();
      if (band->repeat == "first" && !hits.empty()) {
        failed = true;
        checked = true;
        Finding f = finding_for(r, "discretion");
        f.document = d->type;
        f.message = fill_message(
            r.message,
            {{"document", label},
             {"band", *band_name},
             {"provision", fact.value},
             {"problem",
              presumes + "，但当事人在" + period + "内已因同一条款受过处罚：" +
                  case_text(*hits.front()) +
                  (hits.size() > 1 ? "等 " + std::to_string(hits.size()) + " 件" : "")}});
        f.evidence.push_back(ref_text + "，期限自 " + from->iso() + " 起");
        for (const EarlierCase* h : hits) f.evidence.push_back("前案：" + case_text(*h, true));
        f.evidence.push_back("裁量基准 " + e->id + "（" + e->name + "）“" + *band_name + "”阶次：" +
                             band->source);
        out.push_back(std::move(f));
        continue;
      }
      if (band->repeat == "repeat" && hits.empty()) {
        ask("案卷数据库中未找到当事人（" + *party_id + "）" + ref_text + "前" + period +
            "内因同一条款受处罚的案件（前案可能不在数据库中），请人工核对适用该阶次的理由");
        continue;
      }
      if (!undated.empty()) {
        ask("当事人另有 " + std::to_string(undated.size()) + " 件依同一条款处罚的案件未读出日期（" +
            case_text(*undated.front(), true) + "），请人工核对是否在" + period + "内");
        continue;
      }
      checked = true;
    }
  }
  if (failed) return Outcome::failed;
  if (manual) return Outcome::not_checkable;
  return checked ? Outcome::passed : Outcome::not_applicable;
}

}  // namespace auditor
