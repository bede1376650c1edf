// review_opinion: what a legal review (法制审核意见书, 案件法制审核表) concluded
// — approve (审核同意), return (退回补充调查, 建议修改后提交) or reject
// (审核不同意). Read from the value of an opinion field (审核意见, 法制审核人审核
// 意见, 审核结论 …: after its colon, in the next cell, or on the lines below),
// only in a text whose first lines name a legal review; in a list of
// checkbox options only the ticked one counts. docs/formats/scope.md, "Facts".
#include <algorithm>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kValueLines = 4;
constexpr std::size_t kMaxValue = 200;

constexpr std::initializer_list<Str> kOpinionLabels = {
    U"审核意见",           U"法制审核意见", U"法制审核人审核意见", U"法制审核人员审核意见",
    U"审核结论",           U"审核结果",     U"法制机构意见",       U"法制机构审核意见",
    U"法制审核机构意见",   U"审核意见类型", U"法制审核结论",       U"法制部门意见",
    U"法制机构负责人意见", U"审查意见",     U"法制审查意见"};

// Reject and return are looked for before approve: "不同意" holds "同意".
constexpr std::initializer_list<Str> kReject = {U"审核不同意", U"不同意",     U"不予通过",
                                                U"审核不通过", U"未通过审核", U"不通过"};
constexpr std::initializer_list<Str> kReturn = {
    U"退回", U"补充调查", U"补充完善", U"建议修改", U"修改后重新", U"修改后提交", U"重新调查"};
constexpr std::initializer_list<Str> kApprove = {U"审核同意", U"同意",   U"审核通过", U"通过审核",
                                                 U"予以通过", U"无异议", U"合法适当", U"准予"};

bool is_review_record(const Text& t) {
  return has_title(t, [](Str line) {
    return line.find(U"法制审核") != npos || line.find(U"法制审查") != npos ||
           line.find(U"合法性审查") != npos;
  });
}

bool is_box(char32_t c) { return c == U'□' || c == U'☐'; }
bool is_ticked(char32_t c) {
  return c == U'☑' || c == U'■' || c == U'√' || c == U'✓' || c == U'✔' || c == U'☒';
}

// The opinion stated in [b, e), nullptr when none: with checkboxes, the
// option after the ticked box.
const char* opinion_in(const Text& t, std::size_t b, std::size_t e) {
  bool boxes = false;
  for (std::size_t k = b; k < e; ++k) boxes = boxes || is_box(t[k]) || is_ticked(t[k]);
  for (std::size_t k = b; k < e; ++k) {
    if (boxes) {
      if (!is_ticked(t[k])) continue;
      k = t.skip_spaces(k + 1);
    }
    if (t.match_any(k, kReject) != npos) return "reject";
    if (t.match_any(k, kReturn) != npos) return "return";
    if (t.match_any(k, kApprove) != npos) return "approve";
    if (boxes) break;  // only the ticked option
  }
  return nullptr;
}

}  // namespace

void extract_review(const Text& t, Sink& out) {
  if (!is_review_record(t)) return;
  for (std::size_t i = t.find_any(kOpinionLabels); i != npos;
       i = t.find_any(kOpinionLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kOpinionLabels);
    if (i != t.line_begin(i) && t[i - 1] != U'\t' && t[i - 1] != U' ') continue;
    std::size_t g = t.skip_spaces(le);
    // "审核意见（签字）：", "审核意见\t…"; else running text ("审核意见书").
    if (t[g] == U'(') {
      while (g < t.size() && t[g] != U')' && t[g] != U'\n') ++g;
      g = t.skip_spaces(g + 1);
    }
    if (t[g] != U':' && t[g] != U'\t' && t[g] != U'\n' && g < t.size()) continue;
    std::size_t v = t.skip_label_gap(g);
    std::size_t end = t.line_end(v);
    if (t[v] == U'\n' || v >= end) {  // the value on the lines below
      v = end + 1;
      end = v;
      for (std::size_t n = 0; end < t.size() && n < kValueLines; ++n) end = t.line_end(end) + 1;
    }
    end = std::min(std::min(end, t.size()), v + kMaxValue);
    if (const char* o = opinion_in(t, v, end)) out.add(i, end, "review_opinion", o);
    i = le - 1;
  }
}

}  // namespace auditor::facts
