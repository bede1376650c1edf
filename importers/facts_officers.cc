// officer: "姓名|证号" pairs after officer labels, and in tables with a
// 姓名 column and a 执法证号 column.
#include <deque>

#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMinCertDigits = 5;
constexpr std::size_t kMaxCert = 24;

constexpr std::initializer_list<Str> kOfficerLabels = {
    U"执法人员姓名", U"执法人员", U"承办人员", U"承办人", U"办案人员", U"调查人员",
    U"检查人员",     U"检查人",   U"询问人",   U"记录人", U"执法人"};
constexpr std::initializer_list<Str> kCertLabels = {
    U"行政执法证号", U"执法证件号码", U"执法证件编号", U"执法证件号", U"执法证编号",
    U"执法证号",     U"执法证件",     U"执法证",       U"证件号码",   U"证件号",
    U"证件编号",     U"工作证号",     U"证号"};
// Fields that end an officer list.
constexpr std::initializer_list<Str> kStops = {
    U"当事人",   U"被询问人", U"被检查人", U"地点",   U"时间",   U"日期",   U"单位",    U"职务",
    U"联系电话", U"电话",     U"签名",     U"记录人", U"询问人", U"检查人", U"执法人员"};
constexpr std::initializer_list<Str> kNotNames = {U"分别为", U"分别是", U"分别", U"依次为", U"均为",
                                                  U"姓名",   U"同志",   U"编号", U"号码"};

bool is_separator(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'、' || c == U',' || c == U':' || c == U'(' ||
         c == U')' || c == U'和' || c == U'及' || c == U'与' || c == U'/' || c == U'为';
}

// An enforcement certificate number: letters, digits and '-', enough digits,
// not followed by a word ("2024年" is a date, "3000元" an amount).
std::size_t scan_cert(const Text& t, std::size_t i) {
  std::size_t j = i, digits = 0;
  while ((cn::is_alnum(t[j]) || (t[j] == U'-' && j > i)) && j - i <= kMaxCert)
    digits += cn::is_digit(t[j++]) ? 1 : 0;
  char32_t next = t[j];
  bool word_follows = cn::is_han(next) && next != U'和' && next != U'及' && next != U'与';
  return digits >= kMinCertDigits && j - i <= kMaxCert && !word_follows ? j : npos;
}

// Reads names and certificate numbers from i to the end of the clause and
// pairs them in order: "张三（证号A）、李四（证号B）" and "张三、李四，证号分别为A、B".
void read_list(const Text& t, std::size_t i, Sink& out) {
  std::deque<std::pair<std::size_t, std::size_t>> names;
  std::size_t end = t.line_end(i);
  while (i < end && !is_clause_end(t[i])) {
    if (is_separator(t[i])) {
      ++i;
      continue;
    }
    if (std::size_t e = t.match_any(i, kCertLabels); e != npos) {
      i = e;
      continue;
    }
    if (t.match_any(i, kStops) != npos) break;
    if (std::size_t e = t.match_any(i, kNotNames); e != npos) {
      i = e;
      continue;
    }
    if (cn::is_alnum(t[i])) {
      std::size_t e = scan_cert(t, i);
      if (e != npos && !names.empty()) {
        auto [nb, ne] = names.front();
        names.pop_front();
        out.add(nb, e, "officer", t.original(nb, ne) + "|" + t.original(i, e));
      }
      while (i < end && (cn::is_alnum(t[i]) || t[i] == U'-')) ++i;
      continue;
    }
    if (cn::is_han(t[i])) {
      std::size_t j = i;
      while (cn::is_han(t[j]) && t.match_any(j, kCertLabels) == npos &&
             t.match_any(j, kStops) == npos && t.match_any(j, kNotNames) == npos)
        ++j;
      if (j - i >= 2 && j - i <= 4) names.emplace_back(i, j);
      i = j;
      continue;
    }
    ++i;
  }
}

// Whether the line at r continues an officer list: an empty first cell, or
// a 2-4 character name followed by a certificate label.
bool continues_list(const Text& t, std::size_t r) {
  if (t[r] == U'\t') return true;
  std::size_t j = t.skip_spaces(r);
  const std::size_t name = j;
  while (cn::is_han(t[j]) && t.match_any(j, kCertLabels) == npos) ++j;
  if (j - name < 2 || j - name > 4) return false;
  while (is_separator(t[j])) ++j;
  return t.match_any(j, kCertLabels) != npos;
}

void labelled_lists(const Text& t, Sink& out) {
  for (std::size_t i = t.find_any(kOfficerLabels); i != npos;
       i = t.find_any(kOfficerLabels, i + 1)) {
    std::size_t e = t.match_any(i, kOfficerLabels);
    if (i > 0 && t[i - 1] == U'被') continue;  // 被询问人, 被检查人: the party
    read_list(t, e, out);
    // Rows below with an empty first cell continue the list: "\t李四\t执法证号\t…";
    // so does a line that is just another name and certificate (a PDF's
    // second row: "李四 执法证号44010012346").
    for (std::size_t r = t.line_end(e) + 1; r < t.size() && continues_list(t, r);
         r = t.line_end(r) + 1)
      read_list(t, r, out);
    i = e - 1;
  }
}

// Cells of the line starting at b.
std::vector<std::pair<std::size_t, std::size_t>> cells(const Text& t, std::size_t b) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t end = t.line_end(b);
  for (std::size_t c = b; c <= end;) {
    // Searched within the line only: a text without tabs stays linear.
    std::size_t n = t.str().substr(0, end).find(U'\t', c);
    if (n == npos) n = end;
    out.emplace_back(c, n);
    c = n + 1;
  }
  return out;
}

bool cell_is(const Text& t, std::pair<std::size_t, std::size_t> c, std::initializer_list<Str> l) {
  std::size_t b = t.skip_spaces(c.first);
  std::size_t e = t.match_any(b, l);
  return e != npos && t.skip_spaces(e) >= c.second;
}

// A header row with a 姓名 cell and a certificate cell; the rows below it,
// up to the first row that does not fit, pair the two columns.
void tables(const Text& t, Sink& out) {
  for (std::size_t b = 0; b < t.size(); b = t.line_end(b) + 1) {
    auto head = cells(t, b);
    std::size_t name_col = npos, cert_col = npos;
    for (std::size_t k = 0; k < head.size(); ++k) {
      if (cell_is(t, head[k], {U"姓名", U"执法人员", U"执法人员姓名"})) name_col = k;
      if (cell_is(t, head[k], kCertLabels)) cert_col = k;
    }
    if (name_col == npos || cert_col == npos) continue;
    for (std::size_t r = t.line_end(b) + 1; r < t.size(); r = t.line_end(r) + 1) {
      auto row = cells(t, r);
      if (row.size() <= std::max(name_col, cert_col)) break;
      auto [nb, ne] = row[name_col];
      auto [cb, ce] = row[cert_col];
      nb = t.skip_spaces(nb);
      cb = t.skip_spaces(cb);
      std::size_t cert_end = scan_cert(t, cb);
      std::string name = t.original(nb, ne);
      if (cert_end == npos || t.skip_spaces(cert_end) < ce || name.empty()) break;
      out.add(nb, cert_end, "officer", name + "|" + t.original(cb, cert_end));
    }
  }
}

}  // namespace

void extract_officers(const Text& t, Sink& out) {
  labelled_lists(t, out);
  tables(t, out);
}

}  // namespace auditor::facts
