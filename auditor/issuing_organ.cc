#include "auditor/issuing_organ.h"

#include <array>
#include <vector>

namespace auditor {
namespace {

constexpr std::size_t kHeadLines = 5;
constexpr std::size_t kTailLines = 12;

std::string compact(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f') {  // \f: a page start
      ++i;
    } else if (s.substr(i, 3) == "\u3000") {
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

std::vector<std::string> head_and_tail_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (std::string line = compact(std::string_view(text).substr(start, end - start));
        !line.empty())
      lines.push_back(std::move(line));
    start = end + 1;
  }
  if (lines.size() <= kHeadLines + kTailLines) return lines;
  std::vector<std::string> out(lines.begin(), lines.begin() + kHeadLines);
  out.insert(out.end(), lines.end() - kTailLines, lines.end());
  return out;
}

bool strip_prefix(std::string& s, std::string_view p) {
  if (!s.starts_with(p)) return false;
  s.erase(0, p.size());
  return true;
}

bool strip_suffix(std::string& s, std::string_view p) {
  if (!s.ends_with(p)) return false;
  s.resize(s.size() - p.size());
  return true;
}

// A line that is only the street's organ in a short form: 海珠区赤岗街道,
// 赤岗街道综合行政执法办公室（印章）...
bool short_organ_line(std::string line, const std::string& street) {
  // A date after the organ on its line ends it: 海珠区赤岗街道 2024年3月21日.
  for (std::string_view date_start :
       {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "二〇", "二○", "二零", "二O", "二0"})
    if (const std::size_t d = line.find(date_start); d != std::string::npos && d > 0)
      line.resize(d);
  for (std::string_view seal : {"（印章）", "(印章)", "（盖章）", "(盖章)", "（公章）", "(公章)"})
    if (strip_suffix(line, seal)) break;
  strip_prefix(line, "广州市");
  strip_prefix(line, "海珠区");
  strip_prefix(line, "人民政府");
  if (!strip_prefix(line, street + "街道")) return false;
  for (std::string_view tail : {"办事处", ""})
    if (tail.empty() || strip_prefix(line, tail)) break;
  for (std::string_view unit :
       {"综合行政执法专用章", "综合行政执法办公室", "综合行政执法中队", "综合行政执法队",
        "行政执法办公室", "综合执法办公室", "综合执法办", "综合执法队", "执法中队", "执法队", ""})
    if (unit.empty() || strip_prefix(line, unit)) break;
  return line.empty();
}

const StreetCode* street_in_line(const std::string& line, const Checklist& cl) {
  const Numbering& n = cl.numbering;
  const std::size_t slot = n.organ_template.find("{街道}");
  for (const StreetCode& s : n.streets) {
    if (slot != std::string::npos) {
      std::string organ = n.organ_template;
      organ.replace(slot, std::string_view("{街道}").size(), s.street);
      if (line.find(organ) != std::string::npos) return &s;
    }
    if (line.find(s.street + "街道办事处") != std::string::npos) return &s;
    if (short_organ_line(line, s.street)) return &s;
  }
  return nullptr;
}

const StreetCode* street_of_seal(const std::string& seal, const Checklist& cl) {
  const std::string name = compact(seal);
  for (const StreetSeals& s : cl.seals.streets)
    for (const std::string& registered : s.names)
      if (name == compact(registered)) return cl.numbering.by_street(s.street);
  return street_in_line(name, cl);
}

// The organ one document names, or nullopt.
std::optional<IssuingOrgan> organ_of(const Document& d, const Checklist& cl) {
  std::vector<std::string> seals;
  if (d.seal) seals.push_back(*d.seal);
  for (const Signature& s : d.signatures)
    if (s.seal_name) seals.push_back(*s.seal_name);
  for (const std::string& seal : seals)
    if (const StreetCode* s = street_of_seal(seal, cl)) return IssuingOrgan{s, &d, seal};
  if (!d.has_text) return std::nullopt;
  for (const std::string& line : head_and_tail_lines(d.text))
    if (const StreetCode* s = street_in_line(line, cl)) return IssuingOrgan{s, &d, line};
  return std::nullopt;
}

bool is_decision(const Document& d) {
  return d.type == "penalty_decision" || d.type == "no_penalty_decision" ||
         d.type == "on_spot_decision";
}

bool is_outgoing(const Document& d, const Checklist& cl) {
  const DocType* t = d.type ? cl.doc_type(*d.type) : nullptr;
  return t && !t->abbreviation.empty();
}

}  // namespace

std::optional<IssuingOrgan> issuing_organ(const Case& c, const Checklist& cl) {
  if (cl.numbering.streets.empty()) return std::nullopt;
  const std::array<bool (*)(const Document&, const Checklist&), 3> groups = {
      [](const Document& d, const Checklist&) { return is_decision(d); }, is_outgoing,
      [](const Document&, const Checklist&) { return true; }};
  for (const auto& in_group : groups) {
    std::optional<IssuingOrgan> found;
    for (const Document& d : c.documents) {
      if (!in_group(d, cl)) continue;
      std::optional<IssuingOrgan> o = organ_of(d, cl);
      if (!o) continue;
      if (found && found->street != o->street) return std::nullopt;
      if (!found) found = o;
    }
    if (found) return found;
  }
  return std::nullopt;
}

}  // namespace auditor
