// Reading provision citations from a document's text for the consistency
// checks provisions and provisions_changed (auditor/consistency_citations.h).
#include "auditor/consistency_citations.h"

#include "util/utf8.h"

#include <algorithm>

#include "util/cn_text.h"
#include "util/text_match.h"

namespace auditor::consistency {
namespace {

constexpr std::size_t kRoleWindow = 240;  // bytes after 违反/依据 searched for 第…条

}  // namespace

// Distinct 第…条 citations in `text` (Arabic or Chinese numerals).
std::set<std::string> article_mentions(const std::string& text) {
  static const std::string kNumerals = "〇零一二两三四五六七八九十百千";
  const std::string t = normalize_for_match(text);  // full-width digits folded
  const std::string di = "第", tiao = "条";
  std::set<std::string> out;
  for (std::size_t i = t.find(di); i != std::string::npos; i = t.find(di, i + 1)) {
    std::size_t j = i + di.size();
    while (j < t.size()) {
      if (t[j] >= '0' && t[j] <= '9') {
        ++j;
      } else if (std::size_t at = kNumerals.find(t.substr(j, 3));
                 j + 3 <= t.size() && at != std::string::npos && at % 3 == 0) {
        j += 3;
      } else {
        break;
      }
    }
    if (j > i + di.size() && t.compare(j, tiao.size(), tiao) == 0)
      out.insert(t.substr(i, j + tiao.size() - i));
  }
  return out;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

// `s` without the 《…》 spans (law names mention 处罚 themselves).
static std::string without_law_names(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t open = s.find("《", i);
    if (open == std::string::npos) break;
    const std::size_t close = s.find("》", open);
    if (close == std::string::npos) break;
    out += s.substr(i, open - i);
    i = close + std::string("》").size();
  }
  return out + s.substr(std::min(i, s.size()));
}

// The first `word` in `s` from `from` that is not inside a 《…》 law name
// ("《…管理规定》" holds 规定).
static std::size_t find_outside_names(const std::string& s, const std::string& word,
                                      std::size_t from) {
  for (std::size_t at = s.find(word, from); at != std::string::npos; at = s.find(word, at + 1)) {
    const std::size_t open = s.rfind("《", at), close = s.rfind("》", at);
    if (open == std::string::npos || (close != std::string::npos && close > open)) return at;
  }
  return std::string::npos;
}

// The text from `at` to the end of its sentence (。；), at most `limit` bytes.
static std::string clause(const std::string& t, std::size_t at, std::size_t limit) {
  std::size_t end = std::min(t.size(), at + limit);
  for (const char* stop : {"。", "；"}) end = std::min(end, t.find(stop, at));
  return t.substr(at, end - at);
}

// The 《…》 names in `s`, without the brackets.
std::vector<std::string> laws_in(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t open = s.find("《"); open != std::string::npos; open = s.find("《", open + 1)) {
    const std::size_t close = s.find("》", open);
    if (close == std::string::npos) break;
    out.push_back(s.substr(open + 3, close - open - 3));
  }
  return out;
}

bool ignored_law(const std::string& law, const std::vector<std::string>& ignore) {
  return std::any_of(ignore.begin(), ignore.end(),
                     [&](const std::string& w) { return law.find(w) != std::string::npos; });
}

// A clause citing only ignored (procedural) laws: "依据《行政处罚法》第七十二条
// …加处罚款" is no penalty basis.
static bool procedural_clause(const std::string& c, const std::vector<std::string>& ignore) {
  const std::vector<std::string> laws = laws_in(c);
  return !laws.empty() && std::all_of(laws.begin(), laws.end(),
                                      [&](const std::string& l) { return ignored_law(l, ignore); });
}

Roles roles_of(const std::string& text, const std::vector<std::string>& ignore) {
  // Normalised line by line (normalize_for_match drops the line breaks): a
  // line end ends a sentence.
  std::string t;
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t end = std::min(text.find('\n', from), text.size());
    t += normalize_for_match(std::string_view(text).substr(from, end - from)) + "。";
    from = end + 1;
  }
  Roles r;
  for (std::size_t i = t.find("违反"); i != std::string::npos; i = t.find("违反", i + 1)) {
    std::string c = clause(t, i, kRoleWindow);
    // "违反了…第十条的规定，依据…": the violated part ends at 规定 or 依据.
    for (const char* stop : {"规定", "依据", "根据", "依照", "按照"})
      if (std::size_t at = find_outside_names(c, stop, 6); at != std::string::npos)
        c = c.substr(0, at);
    if (procedural_clause(c, ignore)) continue;
    for (const std::string& a : article_mentions(c)) r.violated.insert(a);
  }
  for (const char* word : {"依据", "根据", "依照", "按照"}) {
    for (std::size_t i = t.find(word); i != std::string::npos; i = t.find(word, i + 1)) {
      const std::string c = clause(t, i, kRoleWindow);
      const std::string rest = without_law_names(c);
      static const char* const kPenaltyWords[] = {"决定", "处以", "处罚", "罚款",
                                                  "给予", "警告", "没收"};
      const bool penalises =
          std::any_of(std::begin(kPenaltyWords), std::end(kPenaltyWords),
                      [&](const char* w) { return rest.find(w) != std::string::npos; });
      if (!penalises || procedural_clause(c, ignore)) continue;
      for (const std::string& a : article_mentions(c)) r.basis.insert(a);
    }
  }
  return r;
}

std::optional<std::int64_t> article_number(const std::string& numeral) {
  if (numeral.empty()) return std::nullopt;
  if (std::all_of(numeral.begin(), numeral.end(), ::isdigit)) return std::stoll(numeral);
  return cn::parse_cn_integer(decode_utf8(numeral));
}

}  // namespace auditor::consistency
