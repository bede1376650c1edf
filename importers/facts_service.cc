// service_manner: the manner stated after 送达方式, or the ticked one of a
// checkbox list. A list with several manners and none ticked is a blank form.
#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr Str kManners[] = {U"直接送达", U"留置送达", U"邮寄送达",
                            U"电子送达", U"公告送达", U"委托送达"};

bool is_tick(char32_t c) {
  return c == U'☑' || c == U'√' || c == U'■' || c == U'▣' || c == U'✔' || c == U'✓' || c == U'☒' ||
         c == U'●' || c == U'◼';
}

struct Mention {
  std::size_t b, e;
  Str manner;
  bool ticked;
  bool boxed;  // an empty checkbox before it
};

// Manners mentioned from i to the end of the line; when the line has none,
// the next line too (checkbox rows under a label cell).
std::vector<Mention> mentions(const Text& t, std::size_t i) {
  std::vector<Mention> out;
  // A manner follows its label within a line of a form; a longer line is
  // running text, and a window keeps a line of 20,000 labels linear.
  constexpr std::size_t kWindow = 200;
  const auto line_end = [&](std::size_t from) {
    return std::min(t.line_end(from), from + kWindow);
  };
  std::size_t end = line_end(i);
  for (int line = 0; line < 2 && out.empty() && i < t.size(); ++line) {
    for (std::size_t k = i; k < end; ++k)
      for (Str m : kManners) {
        std::size_t e = t.match(k, m);
        if (e == npos) continue;
        std::size_t p = k;
        while (p > i && (t[p - 1] == U' ' || t[p - 1] == U'\t')) --p;
        char32_t mark = p > i ? t[p - 1] : 0;
        out.push_back({k, e, m, is_tick(mark), mark == U'□' || mark == U'☐'});
        k = e - 1;
        break;
      }
    i = t.line_end(i) + 1;
    end = line_end(i);
  }
  return out;
}

}  // namespace

void extract_service(const Text& t, Sink& out) {
  for (std::size_t i = t.find(U"送达方式"); i != npos; i = t.find(U"送达方式", i + 1)) {
    std::size_t v = t.skip_label_gap(t.match(i, U"送达方式"));
    std::vector<Mention> found = mentions(t, v);
    for (const Mention& m : found)
      if (m.ticked || (found.size() == 1 && !m.boxed))
        out.add(i, m.e, "service_manner", to_utf8(m.manner));
  }
}

}  // namespace auditor::facts
