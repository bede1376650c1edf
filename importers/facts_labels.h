// Internal to the fact extractors: the date-label vocabulary (which written
// label means which fact kind, importers/date_labels.tsv, compiled in) and
// the reader that finds the label a date was written under.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "importers/facts_text.h"

namespace auditor::facts {

struct DateLabelEntry {
  std::u32string label;  // normalised as norm_label() does
  std::string kind;      // e.g. "service_date"
};

// The entries of importers/date_labels.tsv, longest label first. Lines that
// are not `label<TAB>kind` are skipped (tests/facts_dates_test.cc checks the
// file has none).
const std::vector<DateLabelEntry>& date_label_entries();
// The raw text of the data file, as compiled in.
std::string_view date_labels_data();

// A label's text for matching: whitespace, ':' and bracket marks removed
// ("受送达人（签名）" -> "受送达人签名"), full width already folded by Text.
std::u32string norm_label(const Text& t, std::size_t b, std::size_t e);
// The kind of the longest entry the label equals or ends with; "" if none.
std::string_view date_label_kind(std::u32string_view norm);
// A signature label: 签名, 签字, 签章, 盖章, 签收 or 印章 in it, or a signing
// role at its end (承办人, 负责人, 审批人, 审核人, 记录人 …).
bool is_signature_label(std::u32string_view norm);

// Where the label of a date sits relative to it.
enum class LabelAt {
  same_cell,  // "签收日期：2024年4月8日", "签收日期 2024年4月8日"
  prev_cell,  // "签收日期\t2024年4月8日" (also a 4-column row)
  column,     // a header cell above, same column
  prev_line,  // "签收日期：" alone on the line above
};

// The label written for the date at [b, e) of `t`.
struct DateLabel {
  std::size_t b = npos, e = npos;  // the label in t (b == npos: none)
  std::u32string norm;             // norm_label of it
  LabelAt at = LabelAt::same_cell;
  bool named = false;  // a signer's name sits between a signature label and the date
  bool sealed = false; // the date follows a seal mark "（印章）" or the organ's name
  bool signer = false; // no label, but a signer's name: "同意。 刘卫东 2024年3月4日"
  bool found() const { return b != npos; }
};
// What label_of_date learnt about one text's table columns: (row start,
// column) -> the header found above it, so that a long table is read once.
struct LabelMemo {
  std::map<std::pair<std::size_t, std::size_t>, DateLabel> column;
};
DateLabel label_of_date(const Text& t, std::size_t b, std::size_t e, LabelMemo& memo);

}  // namespace auditor::facts
