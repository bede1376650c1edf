#include "auditor/numbering.h"

#include "util/utf8.h"

#include <algorithm>
#include <array>
#include <span>

namespace auditor {
namespace {

constexpr std::string_view kStreetSlot = "{街道代字}";
constexpr std::string_view kKindSlot = "{文书简称}";
constexpr std::string_view kYearSlot = "{年}";
constexpr std::string_view kSerialSlot = "{序号}";
constexpr std::string_view kOrganSlot = "{街道}";

// Characters written around a year in place of the pattern's brackets.
constexpr std::array<std::string_view, 14> kOpeners = {"〔", "[",  "［", "(",  "（", "【", "〖",
                                                       "﹝", "〘", "{",  "｛", "<",  "〈", "《"};
constexpr std::array<std::string_view, 14> kClosers = {"〕", "]",  "］", ")",  "）", "】", "〗",
                                                       "﹞", "〙", "}",  "｝", ">",  "〉", "》"};

// The ASCII digit at `i` (half- or full-width), or 0; `len` gets its bytes.
char digit_at(std::string_view s, std::size_t i, std::size_t& len) {
  if (s[i] >= '0' && s[i] <= '9') {
    len = 1;
    return s[i];
  }
  if (s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size()) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c >= 0x90 && c <= 0x99) {
      len = 3;
      return static_cast<char>('0' + (c - 0x90));
    }
  }
  return 0;
}

// The digits of the run starting at `i` (ASCII); `end` gets its end.
std::string digits_from(std::string_view s, std::size_t i, std::size_t& end) {
  std::string out;
  std::size_t len = 0;
  while (i < s.size())
    if (char d = digit_at(s, i, len)) {
      out += d;
      i += len;
    } else {
      break;
    }
  end = i;
  return out;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = code_point_length(s, i);
    const std::string_view cp = s.substr(i, n);
    if (cp != " " && cp != "\t" && cp != "\r" && cp != "\n" && cp != "\u3000" && cp != "\u00A0")
      out.append(cp);
    i += n;
  }
  return out;
}

bool one_of(std::string_view cp, std::span<const std::string_view> set, std::string_view extra) {
  return cp == extra || std::find(set.begin(), set.end(), cp) != set.end();
}

bool has_slot(std::string_view s) { return s.find('{') != std::string_view::npos; }

std::string quoted(std::string_view s) { return "“" + std::string(s) + "”"; }

// Splits "…{年}CLOSE{序号}SUFFIX" off `rest`, filling the brackets and suffix.
bool split_year_and_tail(std::string_view rest, NumberPattern& p, std::string& before) {
  const std::size_t y = rest.find(kYearSlot);
  if (y == std::string_view::npos || y == 0) return false;
  const std::size_t o = code_point_before(rest, y);
  p.open = rest.substr(o, y - o);
  before = rest.substr(0, o);
  std::string_view after = rest.substr(y + kYearSlot.size());
  if (after.empty()) return false;
  p.close = after.substr(0, code_point_length(after, 0));
  after.remove_prefix(p.close.size());
  if (!after.starts_with(kSerialSlot)) return false;
  p.suffix = after.substr(kSerialSlot.size());
  std::size_t len = 0;
  return !has_slot(p.open) && !has_slot(p.close) && !has_slot(p.suffix) &&
         !digit_at(p.open, 0, len) && !digit_at(p.close, 0, len);
}

// Splits "PREFIX{街道代字}REST" and the year part; `middle` gets what lies
// between the street slot and the year's opening bracket.
std::optional<NumberPattern> split_common(const std::string& text, std::string& middle) {
  NumberPattern p;
  p.text = text;
  const std::size_t s = text.find(kStreetSlot);
  if (s == std::string::npos) return std::nullopt;
  p.prefix = text.substr(0, s);
  if (has_slot(p.prefix)) return std::nullopt;
  if (!split_year_and_tail(std::string_view(text).substr(s + kStreetSlot.size()), p, middle))
    return std::nullopt;
  return p;
}

void add(ParsedNumber& n, const char* part, std::string message) {
  n.defects.push_back({part, std::move(message)});
}

// PREFIX STREET AGENCY KIND[字] before the year.
void parse_head(std::string_view head, const NumberPattern& pattern, const Numbering& numbering,
                const std::vector<std::string>& abbreviations, ParsedNumber& n) {
  if (head.starts_with(pattern.prefix)) {
    head.remove_prefix(pattern.prefix.size());
  } else {
    add(n, "prefix", "未以" + quoted(pattern.prefix) + "开头");
  }
  std::string_view kind;
  const std::size_t a = pattern.agency.empty() ? 0 : head.find(pattern.agency);
  if (a != std::string_view::npos) {
    n.street_code = head.substr(0, a);
    kind = head.substr(a + pattern.agency.size());
  } else {
    add(n, "agency", "缺少" + quoted(pattern.agency));
    for (const StreetCode& s : numbering.streets)
      if (head.starts_with(s.code) && s.code.size() > n.street_code.size()) n.street_code = s.code;
    kind = head.substr(n.street_code.size());
  }
  if (n.street_code.empty()) {
    add(n, "street", "缺少街道代字");
  } else if (!numbering.by_code(n.street_code)) {
    const StreetCode* named = numbering.by_street(n.street_code);
    add(n, "street",
        named ? "街道代字写作" + quoted(n.street_code) + "，" + named->street + "街道的代字应为" +
                    quoted(named->code)
              : "街道代字" + quoted(n.street_code) + "不在街道代字表中");
  }
  if (kind.ends_with("字")) {
    kind.remove_suffix(std::string_view("字").size());
    add(n, "serial", "编号中加了“字”");
  }
  n.kind = kind;
  // A head already found wanting (another office's prefix: XX罚决字) keeps a
  // known abbreviation it ends with, so the abbreviation is still judged.
  if (pattern.kind.empty() && (n.has_defect("prefix") || n.has_defect("agency")) &&
      std::find(abbreviations.begin(), abbreviations.end(), n.kind) == abbreviations.end())
    for (const std::string& a : abbreviations)
      if (kind.ends_with(a) && a.size() > (n.kind.size() == kind.size() ? 0 : n.kind.size()))
        n.kind = a;
  if (!pattern.kind.empty()) {
    if (n.kind != pattern.kind)
      add(n, "abbreviation",
          n.kind.empty() ? "缺少" + quoted(pattern.kind)
                         : "应为" + quoted(pattern.kind) + "，写作" + quoted(n.kind));
  } else if (n.kind.empty()) {
    add(n, "abbreviation", "缺少文书简称");
  } else if (std::find(abbreviations.begin(), abbreviations.end(), n.kind) == abbreviations.end()) {
    add(n, "abbreviation", "文书简称" + quoted(n.kind) + "不在文书简称表中");
  }
}

// [第][字]SERIAL SUFFIX after the year.
void parse_tail(std::string_view tail, const NumberPattern& pattern, ParsedNumber& n) {
  bool di = false, zi = false;
  for (bool more = true; more;) {
    more = false;
    for (auto [mark, seen] : {std::pair<std::string_view, bool*>{"第", &di}, {"字", &zi}})
      if (tail.starts_with(mark)) {
        tail.remove_prefix(mark.size());
        *seen = more = true;
      }
  }
  if (di) add(n, "serial", "序号前加了“第”");
  if (zi && !n.has_defect("serial")) add(n, "serial", "编号中加了“字”");
  std::size_t end = 0;
  const std::string serial = tail.empty() ? std::string() : digits_from(tail, 0, end);
  if (serial.empty()) {
    add(n, "serial", "缺少序号");
  } else {
    if (serial.size() > 1 && serial[0] == '0')
      add(n, "serial", "序号" + quoted(std::string(tail.substr(0, end))) + "有前导零");
    if (serial.size() <= 15) n.serial = std::stoll(serial);
    tail.remove_prefix(end);
  }
  if (!tail.starts_with(pattern.suffix)) add(n, "suffix", "缺少结尾的" + quoted(pattern.suffix));
}

void check_brackets(ParsedNumber& n, const NumberPattern& pattern, const std::string& digits) {
  if (n.open != pattern.open || n.close != pattern.close)
    add(n, "brackets",
        n.open.empty() && n.close.empty()
            ? "年份未加括号，应写作" + quoted(pattern.open + digits + pattern.close)
            : "年份括号写作" + quoted(n.open + digits + n.close) + "，应为" +
                  quoted(pattern.open + digits + pattern.close));
}

// 〔2021〕深南综执罚字第1101号: the number opens with the bracketed year and
// words follow it (not just [第]serial号, which is a number missing its head).
bool is_year_first(std::string_view s, std::size_t head_end, const ParsedNumber& n,
                   std::size_t tail) {
  if (head_end != 0 || n.open.empty() || n.close.empty() || tail >= s.size()) return false;
  std::string_view rest = s.substr(tail);
  if (rest.starts_with("第")) rest.remove_prefix(std::string_view("第").size());
  std::size_t len = 0;
  return !rest.empty() && !digit_at(rest, 0, len);
}

// The head after the year, then [第]serial号; the year's place is a defect.
void parse_year_first(std::string_view s, const std::string& digits, std::size_t tail,
                      const NumberPattern& pattern, const Numbering& numbering,
                      const std::vector<std::string>& abbreviations, ParsedNumber& n) {
  std::string_view rest = s.substr(tail);
  std::size_t serial = 0, len = 0;
  while (serial < rest.size() && !digit_at(rest, serial, len))
    serial += code_point_length(rest, serial);
  std::string_view head = rest.substr(0, serial);
  if (head.ends_with("第")) head.remove_suffix(std::string_view("第").size());
  parse_head(head, pattern, numbering, abbreviations, n);
  check_brackets(n, pattern, digits);
  n.year = std::stoi(digits);
  add(n, "year",
      "年份" + quoted(n.open + digits + n.close) + "写在编号开头，应写在" +
          (pattern.kind.empty() ? std::string("文书简称") : quoted(pattern.kind)) + "之后");
  parse_tail(rest.substr(head.size()), pattern, n);
}

}  // namespace

const StreetCode* Numbering::by_code(std::string_view code) const {
  for (const StreetCode& s : streets)
    if (s.code == code) return &s;
  return nullptr;
}

const StreetCode* Numbering::by_street(std::string_view street) const {
  std::string name = without_spaces(street);
  if (const std::size_t slot = organ_template.find(kOrganSlot); slot != std::string::npos) {
    const std::string before = organ_template.substr(0, slot);
    if (name.starts_with(before)) name.erase(0, before.size());
  }
  for (std::string_view tail : {"街道办事处", "街道", "街"})
    if (name.ends_with(tail) && name.size() > tail.size()) {
      name.resize(name.size() - tail.size());
      break;
    }
  for (const StreetCode& s : streets)
    if (s.street == name) return &s;
  return by_code(name);
}

bool Numbering::is_internal_form(std::string_view type) const {
  return std::any_of(internal_forms.begin(), internal_forms.end(),
                     [&](const InternalForm& f) { return f.type == type; });
}

const StreetCode* Numbering::organ_in(std::string_view text) const {
  const std::size_t slot = organ_template.find(kOrganSlot);
  if (slot == std::string::npos) return nullptr;
  const std::string compact = without_spaces(text);
  const StreetCode* found = nullptr;
  for (const StreetCode& s : streets) {
    std::string organ = organ_template;
    organ.replace(slot, kOrganSlot.size(), s.street);
    if (compact.find(organ) == std::string::npos) continue;
    if (found) return nullptr;
    found = &s;
  }
  return found;
}

std::optional<NumberPattern> parse_document_pattern(const std::string& text) {
  std::string middle;
  std::optional<NumberPattern> p = split_common(text, middle);
  if (!p || !middle.ends_with(kKindSlot)) return std::nullopt;
  p->agency = middle.substr(0, middle.size() - kKindSlot.size());
  if (has_slot(p->agency)) return std::nullopt;
  return p;
}

std::optional<NumberPattern> parse_case_pattern(const std::string& text,
                                                const std::string& agency) {
  std::string middle;
  std::optional<NumberPattern> p = split_common(text, middle);
  if (!p || !middle.starts_with(agency) || middle.size() == agency.size()) return std::nullopt;
  p->agency = agency;
  p->kind = middle.substr(agency.size());
  if (has_slot(p->kind)) return std::nullopt;
  return p;
}

bool ParsedNumber::has_defect(std::string_view part) const {
  return std::any_of(defects.begin(), defects.end(),
                     [&](const NumberDefect& d) { return d.part == part; });
}

std::string ParsedNumber::key() const {
  if (street_code.empty() || kind.empty() || !year || !serial) return {};
  return street_code + "|" + kind + "|" + std::to_string(*year) + "|" + std::to_string(*serial);
}

const std::vector<std::string>& defect_parts() {
  static const std::vector<std::string> parts = {"prefix",   "street", "agency", "abbreviation",
                                                 "brackets", "year",   "serial", "suffix"};
  return parts;
}

ParsedNumber parse_number(std::string_view written, const NumberPattern& pattern,
                          const Numbering& numbering,
                          const std::vector<std::string>& abbreviations) {
  ParsedNumber n;
  n.written = written;
  std::string s = without_spaces(written);
  // A year left blank (穗海赤岗综执罚决〔〕31号, an unfilled template): the
  // empty brackets are dropped and the year is missing.
  bool blank_year = false;
  for (std::size_t k = 0; k < kOpeners.size() && !blank_year; ++k)
    if (const std::size_t at = s.find(std::string(kOpeners[k]) + std::string(kClosers[k]));
        at != std::string::npos && at > 0) {
      s.erase(at, kOpeners[k].size() + kClosers[k].size());
      blank_year = true;
    }
  std::size_t start = 0, len = 0;
  while (start < s.size() && !digit_at(s, start, len)) start += code_point_length(s, start);
  if (start == s.size()) {
    std::string_view head = s;
    if (head.ends_with(pattern.suffix)) head.remove_suffix(pattern.suffix.size());
    parse_head(head, pattern, numbering, abbreviations, n);
    add(n, "year", "未写明年份");
    add(n, "serial", "缺少序号");
    return n;
  }
  if (blank_year) {
    parse_head(std::string_view(s).substr(0, start), pattern, numbering, abbreviations, n);
    add(n, "year", "年份括号内未填写年份");
    parse_tail(std::string_view(s).substr(start), pattern, n);
    return n;
  }
  std::size_t end = 0;
  const std::string digits = digits_from(s, start, end);
  std::size_t head_end = start;
  if (start > 0) {
    const std::size_t o = code_point_before(s, start);
    if (one_of(std::string_view(s).substr(o, start - o), kOpeners, pattern.open)) {
      n.open = s.substr(o, start - o);
      head_end = o;
    }
  }
  std::size_t tail = end;
  if (end < s.size()) {
    const std::string_view cp = std::string_view(s).substr(end, code_point_length(s, end));
    if (one_of(cp, kClosers, pattern.close)) {
      n.close = cp;
      tail += cp.size();
    }
  }
  if (digits.size() == 4 && is_year_first(s, head_end, n, tail)) {
    parse_year_first(s, digits, tail, pattern, numbering, abbreviations, n);
    return n;
  }
  parse_head(std::string_view(s).substr(0, head_end), pattern, numbering, abbreviations, n);
  // A bare run right before the suffix is the serial: the year is missing.
  if (n.open.empty() && n.close.empty() &&
      std::string_view(s).substr(end).starts_with(pattern.suffix) && digits.size() != 4) {
    add(n, "year", "未写明年份");
    parse_tail(std::string_view(s).substr(start), pattern, n);
    return n;
  }
  check_brackets(n, pattern, digits);
  if (digits.size() == 4) {
    n.year = std::stoi(digits);
  } else {
    add(n, "year", "年份" + quoted(digits) + "不是四位数字");
  }
  parse_tail(std::string_view(s).substr(tail), pattern, n);
  return n;
}

}  // namespace auditor
