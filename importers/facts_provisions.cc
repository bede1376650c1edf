// provision: "《法名》第X条第X款第（X）项" for every article cited after a law's
// name; "第十条、第十二条" and "第一款、第二款" carry the name and upper levels over.
#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxLawName = 60;
constexpr std::size_t kMaxNote = 20;  // "（2021年修订）" between the name and 第

enum Level { kArticle = 0, kParagraph = 1, kItem = 2 };

struct Component {
  Level level;
  std::u32string numeral;
  std::size_t end;
};

// "第五十一条", "第2款", "第（三）项", "第三项" at i.
std::optional<Component> read_component(const Text& t, std::size_t i) {
  if (t[i] != U'第') return std::nullopt;
  std::size_t j = t.skip_spaces(i + 1);
  bool bracket = t[j] == U'(';
  if (bracket) j = t.skip_spaces(j + 1);
  std::u32string numeral;
  while (cn::is_digit(t[j]) || cn::is_cn_numeral(t[j])) numeral += t[j++];
  if (numeral.empty()) return std::nullopt;
  j = t.skip_spaces(j);
  if (bracket) {
    if (t[j] != U')') return std::nullopt;
    j = t.skip_spaces(j + 1);
  }
  Level level;
  if (t[j] == U'条' && !bracket)
    level = kArticle;
  else if (t[j] == U'款' && !bracket)
    level = kParagraph;
  else if (t[j] == U'项')
    level = kItem;
  else
    return std::nullopt;
  return Component{level, numeral, j + 1};
}

std::string render(const std::string& law, const std::u32string (&parts)[3]) {
  std::string out = law + "第" + to_utf8(parts[kArticle]) + "条";
  if (!parts[kParagraph].empty()) out += "第" + to_utf8(parts[kParagraph]) + "款";
  if (!parts[kItem].empty()) out += "第（" + to_utf8(parts[kItem]) + "）项";
  return out;
}

std::size_t skip_list_separator(const Text& t, std::size_t i) {
  i = t.skip_spaces(i);
  std::size_t e = t.match_any(i, {U"、", U",", U"和", U"及", U"以及", U"与", U"或"});
  return e == npos ? i : t.skip_spaces(e);
}

// The articles cited after the law name [b, close]; close is the 》.
void cite(const Text& t, std::size_t b, std::size_t close, Sink& out) {
  std::string law = t.original(b, close + 1);
  std::size_t j = t.skip_spaces(close + 1);
  if (t[j] == U'(') {  // a note such as （2021年修订）
    // Searched within kMaxNote only: unclosed notes must not scan the text.
    std::size_t c = t.str().substr(j, kMaxNote + 1).find(U')');
    if (c != npos) j = t.skip_spaces(j + c + 1);
  }
  std::u32string parts[3];
  bool pending = false;
  Level last = kArticle;
  std::size_t end = j;
  while (auto comp = read_component(t, j)) {
    if (comp->level != kArticle && parts[kArticle].empty()) break;
    if (pending && comp->level <= last) out.add(b, end, "provision", render(law, parts));
    parts[comp->level] = comp->numeral;
    for (int deeper = comp->level + 1; deeper <= kItem; ++deeper) parts[deeper].clear();
    pending = true;
    last = comp->level;
    end = comp->end;
    std::size_t next = t.skip_spaces(end);
    j = t[next] == U'第' ? next : skip_list_separator(t, end);
  }
  if (pending) out.add(b, end, "provision", render(law, parts));
}

}  // namespace

void extract_provisions(const Text& t, Sink& out) {
  for (std::size_t i = t.str().find(U'《'); i != npos; i = t.str().find(U'《', i + 1)) {
    std::size_t close = i + 1;
    while (close < t.size() && close - i <= kMaxLawName && t[close] != U'》' && t[close] != U'《' &&
           t[close] != U'\n')
      ++close;
    if (t[close] != U'》' || close == i + 1) continue;
    cite(t, i, close, out);
  }
}

}  // namespace auditor::facts
