// `auditor review list`: the round's cases with their reviewed state.
#include <nlohmann/json.hpp>

#include "auditor/cli/review_cli.h"
#include "reports/json_report.h"
#include "util/text_safety.h"
#include "util/utf8.h"

namespace auditor::cli {
namespace {

std::string safe(const std::string& s) { return one_line_safe(s); }

std::string score_line(const ReviewedCase& r, const RecordState& state, bool second_review) {
  std::string line = "得分 " + points_text(r.score.value);
  if (!r.score.grade.empty()) line += " " + r.score.grade;
  if (r.provisional())
    line += "（暂定：还有 " + std::to_string(r.undecided) + " 项待定，可能为 " +
            points_text(r.min_score) + "–" + points_text(r.max_score) + " 分）";
  const SignOff* signer = state.signed_as(kSignerRole);
  const SignOff* reviewer = state.signed_as(kReviewerRole);
  line += "  评查人：" + (signer ? safe(signer->name) + " " + signer->signed_at : "未签字");
  if (second_review)
    line += "  复核人：" + (reviewer ? safe(reviewer->name) + " " + reviewer->signed_at : "未签字");
  if (state.locked) line += "  已锁定";
  return line;
}

void print_item(std::ostream& out, const ReviewedItem& item) {
  const Finding& shown = item.counted ? *item.counted : item.machine;
  const std::optional<double> deduction = counted_deduction(item);
  out << "  [" << verdict_label(item.verdict) << "] " << safe(item.key) << "  "
      << (!deduction                 ? std::string("不扣分")
          : shown.severity == "veto" ? std::string("否决")
                                     : "扣 " + points_text(*deduction))
      << "  " << safe(shown.message);
  if (item.added && item.decision)
    out << "（" << safe(item.decision->inspector) << " 添加，" << item.decision->decided_at << "）";
  else if (item.decision)
    out << "  —— " << safe(item.decision->inspector) << " " << item.decision->decided_at
        << (item.decision->reason.empty() ? "" : "：" + safe(item.decision->reason));
  out << "\n";
}

nlohmann::json text_or_null(const Text& t) {
  return t ? nlohmann::json(valid_utf8(*t)) : nlohmann::json(nullptr);
}

nlohmann::json review_list_json(const RoundReview& r) {
  nlohmann::json cases = nlohmann::json::array();
  for (const CaseReview& c : r.cases)
    cases.push_back(
        {{"case", valid_utf8(c.ref.key)},
         {"archive", valid_utf8(c.ref.archive)},
         {"case_number", text_or_null(c.facts.case_number)},
         {"street", text_or_null(c.facts.street)},
         {"status", c.rejected ? "rejected" : "audited"},
         {"review", c.reviewed ? review_json(*c.reviewed, c.state, c.record, c.rectification)
                               : nlohmann::json(nullptr)}});
  return {{"format", "auditor-review-list/1"},
          {"round", valid_utf8(r.round.name)},
          {"second_review", r.second_review},
          {"checklist_note",
           r.checklist_note.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.checklist_note)},
          {"cases", std::move(cases)}};
}

}  // namespace

void print_review(std::ostream& out, const RoundReview& r, bool json) {
  if (json) {
    out << json_text_safe(
               review_list_json(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
        << "\n";
    return;
  }
  out << "审查轮次「" << safe(r.round.name) << "」：" << r.cases.size() << " 个案卷"
      << (r.second_review ? "（需复核人签字）" : "") << "\n";
  if (!r.checklist_note.empty()) out << r.checklist_note << "\n";
  for (const CaseReview& c : r.cases) {
    out << "\n案卷 " << safe(c.ref.key);
    if (c.ref.key != c.ref.archive) out << "（" << safe(c.ref.archive) << "）";
    out << "\n";
    if (!c.reviewed) {
      out << "  压缩包无法读取，没有评查内容\n";
      continue;
    }
    out << "  " << score_line(*c.reviewed, c.state, r.second_review) << "\n";
    for (const ReviewedItem& item : c.reviewed->items) print_item(out, item);
    for (const Decision& d : c.reviewed->obsolete)
      out << "  [已失效] " << safe(d.key) << "  " << verdict_label(d.verdict) << "（"
          << safe(d.inspector) << " " << d.decided_at << "）"
          << (d.reason.empty() ? "" : "：" + safe(d.reason)) << "；该问题在重新审查后已不存在\n";
  }
}

}  // namespace auditor::cli
