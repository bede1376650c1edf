#include "importers/ofd_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

#include "importers/ofd_xml.h"

namespace auditor::ofd {
namespace {

constexpr double kDefaultSize = 3.5;  // mm, about 10 pt
constexpr double kMinLineStep = 1.0;  // mm

// The `index`-th number of a blank-separated list such as Boundary; 0 when
// missing or malformed.
double nth_number(std::string_view list, int index) {
  const char* p = list.data();
  const char* end = p + list.size();
  for (int i = 0; p < end; ++i) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',')) ++p;
    double v = 0;
    auto [next, ec] = std::from_chars(p, end, v);
    if (ec != std::errc()) return 0;
    if (i == index) return std::isfinite(v) ? v : 0;
    p = next;
  }
  return 0;
}

// Sum of a DeltaX list; "g N D" stands for N advances of D.
double advance(std::string_view list) {
  std::vector<std::string_view> tokens;
  std::size_t pos = 0;
  while (pos < list.size()) {
    const std::size_t start = list.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos) break;
    const std::size_t stop = std::min(list.find_first_of(" \t\r\n", start), list.size());
    tokens.push_back(list.substr(start, stop - start));
    pos = stop;
  }
  double sum = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "g" && i + 2 < tokens.size()) {
      sum += std::clamp(nth_number(tokens[i + 1], 0), 0.0, 1e6) * nth_number(tokens[i + 2], 0);
      i += 2;
    } else {
      sum += nth_number(tokens[i], 0);
    }
  }
  return sum;
}

void add_text_object(pugi::xml_node obj, std::vector<TextRun>& out) {
  const std::string boundary = attr(obj, "Boundary");
  const double left = nth_number(boundary, 0);
  const double top = nth_number(boundary, 1);
  double size = nth_number(attr(obj, "Size"), 0);
  if (size <= 0) size = kDefaultSize;
  double x = 0;
  double y = 0;
  double next_x = 0;
  for (pugi::xml_node code : children(obj, "TextCode")) {
    const std::string x_attr = attr(code, "X");
    const std::string y_attr = attr(code, "Y");
    x = x_attr.empty() ? next_x : nth_number(x_attr, 0);
    if (!y_attr.empty()) y = nth_number(y_attr, 0);
    next_x = x + advance(attr(code, "DeltaX")) + size;
    std::string text = inner_text(code);
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    out.push_back({left + x, top + y, left + next_x, size, std::move(text)});
  }
}

}  // namespace

std::vector<TextRun> page_runs(pugi::xml_node page_root) {
  std::vector<TextRun> out;
  const pugi::xml_node content = child(page_root, "Content");
  if (!content) return out;
  // Iterative pre-order walk: nesting depth is attacker-controlled.
  pugi::xml_node cur = content.first_child();
  while (cur) {
    bool descend = cur.type() == pugi::node_element;
    if (descend && local_name(cur) == "TextObject") {
      add_text_object(cur, out);
      descend = false;
    } else if (descend && local_name(cur) == "Clips") {
      descend = false;
    }
    if (descend && cur.first_child()) {
      cur = cur.first_child();
      continue;
    }
    while (cur != content && !cur.next_sibling()) cur = cur.parent();
    if (cur == content) break;
    cur = cur.next_sibling();
  }
  return out;
}

std::vector<std::string> runs_to_lines(const std::vector<TextRun>& runs) {
  std::vector<std::string> raw;
  const TextRun* prev = nullptr;
  for (const TextRun& r : runs) {
    const double step = std::max(kMinLineStep, std::max(r.size, prev ? prev->size : 0) / 2);
    if (!prev || std::fabs(r.y - prev->y) > step)
      raw.emplace_back();
    else if (r.x - prev->end > r.size && !raw.back().empty() && raw.back().back() != ' ' &&
             r.text.rfind(' ', 0) != 0)
      raw.back() += ' ';
    raw.back() += r.text;
    prev = &r;
  }
  std::vector<std::string> lines;
  for (const std::string& l : raw) {
    std::string t = trim(l);
    if (!t.empty()) lines.push_back(std::move(t));
  }
  return lines;
}

}  // namespace auditor::ofd
