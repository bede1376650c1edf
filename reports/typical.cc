#include "reports/typical.h"

#include "reports/docx_writer.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// 一 … 十, 十一 … 九十九, then digits.
std::string chinese_ordinal(std::size_t n) {
  if (n >= 1 && n <= 10) return kNumerals[n - 1];
  if (n < 100) {
    const std::size_t tens = n / 10, ones = n % 10;
    return std::string(tens > 1 ? kNumerals[tens - 1] : "") + "十" +
           (ones ? kNumerals[ones - 1] : "");
  }
  return std::to_string(n);
}

void section(DocxWriter& w, const char* heading, const std::vector<std::string>& paragraphs,
             const MaskTerms& terms) {
  bool first = true;
  for (const std::string& p : paragraphs) {
    const std::string text = display_safe(mask_text(p, terms));
    if (text.empty()) continue;
    w.paragraph(first ? std::string(heading) + text : text,
                {.align = Align::justify, .indent = true});
    first = false;
  }
  if (first) w.paragraph(std::string(heading) + "无", {.align = Align::justify, .indent = true});
}

}  // namespace

Result<std::string> docx_typical(const TypicalInput& in) {
  DocxWriter w(display_safe(in.title), "auditor", in.created);
  w.heading(display_safe(in.title), 1);
  if (!in.subtitle.empty()) w.paragraph(display_safe(in.subtitle), {.align = Align::center});
  if (in.cases.empty()) w.paragraph("本轮没有标记为典型案例的案卷。", {.indent = true});
  for (std::size_t i = 0; i < in.cases.size(); ++i) {
    const TypicalEntry& e = in.cases[i];
    if (i > 0) w.page_break();
    w.heading("案例" + chinese_ordinal(i + 1) + "　" + display_safe(mask_text(e.title, e.terms)),
              2);
    std::string keywords;
    for (const std::string& k : e.keywords) {
      const std::string masked = mask_text(k, e.terms);
      if (masked.empty()) continue;
      keywords += (keywords.empty() ? "" : "　") + masked;
    }
    section(w, "【关键词】", {keywords}, e.terms);
    section(w, "【基本案情】", e.facts, e.terms);
    section(w, "【问题与依据】", e.problems, e.terms);
    section(w, "【处理】", e.handling, e.terms);
    section(w, "【典型意义】", e.significance, e.terms);
  }
  return w.finish();
}

}  // namespace auditor
