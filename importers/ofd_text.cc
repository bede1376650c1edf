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

// The advances of a DeltaX list, at most `limit` (the characters they
// space; more mean nothing): "g N D" stands for N advances of D. Read token
// by token, so a list of millions of numbers costs no more than `limit`.
std::vector<double> advances(std::string_view list, std::size_t limit) {
  std::size_t pos = 0;
  auto next_token = [&]() -> std::string_view {
    const std::size_t start = list.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos) {
      pos = list.size();
      return {};
    }
    pos = std::min(list.find_first_of(" \t\r\n", start), list.size());
    return list.substr(start, pos - start);
  };
  std::vector<double> out;
  for (std::string_view token = next_token(); !token.empty() && out.size() < limit;
       token = next_token()) {
    if (token == "g") {
      const std::string_view count = next_token(), value = next_token();
      if (value.empty()) {  // "g" without both numbers: two plain values, as written
        for (std::string_view t : {token, count})
          if (!t.empty() && out.size() < limit) out.push_back(nth_number(t, 0));
        break;
      }
      const double n = std::clamp(nth_number(count, 0), 0.0, static_cast<double>(limit));
      out.insert(out.end(), std::min<std::size_t>(static_cast<std::size_t>(n), limit - out.size()),
                 nth_number(value, 0));
    } else {
      out.push_back(nth_number(token, 0));
    }
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool has_number(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") != std::string::npos;
}

void add_text_object(pugi::xml_node obj, int object, std::vector<TextRun>& out) {
  const std::string boundary = attr(obj, "Boundary");
  const double left = nth_number(boundary, 0);
  const double top = nth_number(boundary, 1);
  const double width = nth_number(boundary, 2);
  double size = nth_number(attr(obj, "Size"), 0);
  if (size <= 0) size = kDefaultSize;
  // CTM "a b c d e f": x' = a x + c y + e, y' = b x + d y + f.
  const std::string ctm = attr(obj, "CTM");
  double a = 1, d = 1, e = 0, f = 0;
  bool upright = nth_number(attr(obj, "ReadDirection"), 0) == 0 &&
                 nth_number(attr(obj, "CharDirection"), 0) == 0;
  if (has_number(ctm)) {
    a = nth_number(ctm, 0);
    d = nth_number(ctm, 3);
    e = nth_number(ctm, 4);
    f = nth_number(ctm, 5);
    if (nth_number(ctm, 1) != 0 || nth_number(ctm, 2) != 0 || a <= 0 || d <= 0) {
      upright = false;
      a = d = 1;
      e = f = 0;
    }
  }
  double x = 0;
  double y = 0;
  double next_x = 0;
  for (pugi::xml_node code : children(obj, "TextCode")) {
    const std::string x_attr = attr(code, "X");
    const std::string y_attr = attr(code, "Y");
    x = x_attr.empty() ? next_x : nth_number(x_attr, 0);
    if (!y_attr.empty()) y = nth_number(y_attr, 0);
    std::string text = inner_text(code);
    std::vector<double> deltas = advances(attr(code, "DeltaX"), code_points(text));
    double sum = 0;
    for (double& v : deltas) sum += v;
    next_x = x + sum + size;
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    TextRun run{left + a * x + e, top + d * y + f, left + a * next_x + e, d * size,
                std::move(text)};
    for (double& v : deltas) v *= a;
    run.advances = std::move(deltas);
    run.upright = upright && !has_number(attr(code, "DeltaY"));
    run.box_right = width > 0 ? left + width : 0;
    run.box_left = left;
    run.object = object;
    out.push_back(std::move(run));
  }
}

}  // namespace

std::vector<TextRun> page_runs(pugi::xml_node page_root) {
  std::vector<TextRun> out;
  const pugi::xml_node content = child(page_root, "Content");
  if (!content) return out;
  // Iterative pre-order walk: nesting depth is attacker-controlled.
  pugi::xml_node cur = content.first_child();
  int objects = 0;
  while (cur) {
    bool descend = cur.type() == pugi::node_element;
    if (descend && local_name(cur) == "TextObject") {
      add_text_object(cur, ++objects, out);
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
