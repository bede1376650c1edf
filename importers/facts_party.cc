// party, party_id, party_id_invalid; and scan_name() shared with served titles.
#include <algorithm>

#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxName = 50;
constexpr std::size_t kMaxBracket = 10;
constexpr std::size_t kIdLabelLookBack = 20;

constexpr std::initializer_list<Str> kPartyLabels = {
    U"当事人",       U"被处罚人",   U"被检查人",       U"受送达人",       U"被处罚单位",
    U"被处罚当事人", U"行政相对人", U"被检查(勘察)人", U"被检查(勘验)人", U"被检查单位"};
// Words that may sit between the party label and the gap (当事人（单位）名称：,
// 当事人名称/姓名：, 当事人姓名或者单位名称:), or fill the cell after it in a
// table form (当事人 | 名称/姓名 | 张三); read repeatedly, with the '/' and
// spaces between them.
constexpr std::initializer_list<Str> kLabelTails = {U"(单位)",
                                                    U"(单位名称)",
                                                    U"(个人)",
                                                    U"(名称)",
                                                    U"(姓名)",
                                                    U"姓名或名称",
                                                    U"名称或姓名",
                                                    U"名称",
                                                    U"姓名",
                                                    U"单位名称",
                                                    U"全称",
                                                    U"或者单位名称",
                                                    U"姓名或者单位名称",
                                                    U"单位名称或者姓名",
                                                    U"(名称/姓名)",
                                                    U"(姓名/名称)",
                                                    U"(单位/个人)",
                                                    U"名称(姓名)",
                                                    U"姓名(名称)",
                                                    U"个人姓名",
                                                    U"单位或个人",
                                                    U"单位/个人"};
// Fields that end a party name on the same line.
constexpr std::initializer_list<Str> kNameStops = {U"统一社会信用代码",
                                                   U"社会信用代码",
                                                   U"信用代码",
                                                   U"身份证",
                                                   U"公民身份",
                                                   U"证件",
                                                   U"地址",
                                                   U"住所",
                                                   U"住址",
                                                   U"法定代表人",
                                                   U"负责人",
                                                   U"经营者",
                                                   U"性别",
                                                   U"年龄",
                                                   U"联系电话",
                                                   U"电话",
                                                   U"民族",
                                                   U"出生",
                                                   U"职务",
                                                   U"工作单位",
                                                   U"注册号",
                                                   U"营业执照",
                                                   U"经营场所",
                                                   U"邮编",
                                                   U"邮政编码"};
// Not 被询问人: the person questioned may be a representative or a witness.
// A label followed by these is a signature field, not the party's name.
constexpr std::initializer_list<Str> kSignature = {U"签名",  U"签字",  U"签收",  U"签章",
                                                   U"(签名", U"(签字", U"(签章", U"(盖章"};

bool is_name_char(char32_t c) {
  return cn::is_han(c) || cn::is_alnum(c) || c == U'·' || c == U'•' || c == U'&' || c == U'-';
}

bool stops_at(const Text& t, std::size_t i, std::initializer_list<Str> stops) {
  for (Str s : stops)
    if (t.match(i, s) != npos) return true;
  return false;
}

// Past the label tails and '/' separators starting at i (i when none).
std::size_t skip_tails(const Text& t, std::size_t i) {
  for (std::size_t j = i;;) {
    while (t[j] == U'/' || t[j] == U' ') ++j;
    const std::size_t tail = t.match_any(j, kLabelTails);
    if (tail == npos) return i;
    i = j = tail;
  }
}

// "当事人：属实" in a dialogue record (检查人员：… / 当事人：…) or "当事人：我对…
// 没有异议" in a statement record: the party speaking, not its name. Speech is
// a line after a speaker's line (执法人员：, 问：…), or words no name holds.
bool is_speech(const Text& t, std::size_t label, std::size_t v, std::size_t end) {
  for (Str w : {U"我", U"没有", U"属实", U"清楚", U"知道", U"是的", U"同意", U"明白", U"了", U"吗",
                U"无异议", U"对的"})
    for (std::size_t k = v; k + w.size() <= end; ++k)
      if (t.match(k, w) == k + w.size()) return true;
  const std::size_t line = t.line_begin(label);
  if (t.skip_spaces(line) != label || line == 0) return false;
  std::size_t prev = t.line_begin(line - 1);
  while (prev > 0 && t.skip_spaces(prev) == line - 1) prev = t.line_begin(prev - 1);
  prev = t.skip_spaces(prev);
  const std::size_t speaker =
      t.match_any(prev, {U"执法人员", U"检查人员", U"调查人员", U"询问人", U"检查人", U"问"});
  return speaker != npos && t.skip_spaces(speaker) < t.size() && t[t.skip_spaces(speaker)] == U':';
}

// The cell at i names a column ("处罚决定日期", "行政处罚决定书文号"): a
// party label beside it heads a column too.
bool is_header_cell(const Text& t, std::size_t i) {
  std::size_t e = i;
  while (e < t.size() && t[e] != U'\t' && t[e] != U'\n') ++e;
  while (e > i && t[e - 1] == U' ') --e;
  for (Str w : {U"日期", U"时间", U"文号", U"编号", U"代码", U"号码", U"内容", U"金额", U"类别",
                U"依据", U"事实", U"期限", U"截止期", U"机关", U"(万元)", U"名称"})
    if (e - i >= w.size() && t.match(e - w.size(), w) == e) return true;
  return false;
}

// The start of the cell below the one holding i (same index in the next
// row), skipping its leading spaces; npos when that row has no such cell.
std::size_t cell_below(const Text& t, std::size_t i) {
  const std::size_t row = t.line_begin(i);
  std::size_t index = 0;
  for (std::size_t k = row; k < i; ++k) index += t[k] == U'\t';
  std::size_t k = t.line_end(i);
  if (k >= t.size()) return npos;
  const std::size_t end = t.line_end(++k);
  for (; index > 0 && k < end; ++k)
    if (t[k] == U'\t') --index;
  if (index > 0 || k >= end) return npos;
  return t.skip_spaces(k);
}

void parties(const Text& t, Sink& out) {
  for (std::size_t i = t.find_any(kPartyLabels); i != npos; i = t.find_any(kPartyLabels, i + 1)) {
    std::size_t e = t.match_any(i, kPartyLabels);
    std::size_t label = i;
    std::size_t after = skip_tails(t, e);
    i = after - 1;
    if (t.match_any(after, kSignature) != npos) continue;
    std::size_t v = t.skip_label_gap(after);
    bool label_alone_on_line = t[after] == U'\n' && t.blank(t.line_begin(label), label, true);
    if (v == after && !label_alone_on_line) continue;  // running text: 当事人在…
    if (label_alone_on_line) v = t.skip_label_gap(after + 1);
    // A nested label ("当 事 人 | 当事人名称/姓名：张三") is read on its own.
    if (t.match_any(v, kPartyLabels) != npos) continue;
    // A sub-label cell: 当 事 人 | 名称/姓名 | 张三.
    if (std::size_t sub = skip_tails(t, v); sub != v) {
      const std::size_t value = t.skip_label_gap(sub);
      if (value == sub) continue;
      v = value;
    }
    // A header row (行政相对人名称 | 处罚决定日期 | …): the name is in the cell below.
    if (t[after] == U'\t' && is_header_cell(t, v)) {
      v = cell_below(t, label);
      if (v == npos) continue;
    }
    std::size_t end = scan_name(t, v, kNameStops, kMaxName);
    std::size_t han = 0;
    for (std::size_t k = v; k < end; ++k) han += cn::is_han(t[k]) ? 1 : 0;
    if (end - v < 2 || han == 0) continue;
    if (is_speech(t, label, v, end)) continue;
    out.add(v, end, "party", t.original(v, end));
  }
}

// Shape of a unified social credit code: registration office (1-9, A, N, Y),
// type, six-digit area code, then code characters (typos included).
bool credit_shape(const std::string& s) {
  if (!((s[0] >= '1' && s[0] <= '9') || s[0] == 'A' || s[0] == 'N' || s[0] == 'Y')) return false;
  return std::all_of(s.begin() + 2, s.begin() + 8, [](char c) { return c >= '0' && c <= '9'; });
}

// Shape of a citizen ID number: 17 digits, a plausible birth date, 0-9/X.
bool id_shape(const std::string& s) {
  if (!std::all_of(s.begin(), s.begin() + 17, [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (!(s[17] == 'X' || (s[17] >= '0' && s[17] <= '9')) || s[0] < '1' || s[0] > '8') return false;
  int year = std::stoi(s.substr(6, 4)), month = std::stoi(s.substr(10, 2));
  int day = std::stoi(s.substr(12, 2));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

constexpr std::initializer_list<Str> kIdLabels = {U"信用代码", U"身份证", U"公民身份号码",
                                                  U"证件号",   U"注册号", U"代码"};

bool labelled_id(const Text& t, std::size_t b) {
  std::size_t lb = std::max(t.line_begin(b), b > kIdLabelLookBack ? b - kIdLabelLookBack : 0);
  for (std::size_t k = lb; k < b; ++k)
    if (t.match_any(k, kIdLabels) != npos) return true;
  return false;
}

// Every maximal 18-character alphanumeric run of ID shape.
void party_ids(const Text& t, Sink& out) {
  for (std::size_t i = 0; i < t.size();) {
    if (!cn::is_alnum(t[i])) {
      ++i;
      continue;
    }
    std::size_t b = i;
    while (cn::is_alnum(t[i])) ++i;
    if (i - b != 18) continue;
    std::string code;
    for (std::size_t k = b; k < i; ++k)
      code += static_cast<char>(cn::is_lower(t[k]) ? t[k] - U'a' + U'A' : t[k]);
    bool id_like = id_shape(code), credit_like = credit_shape(code);
    if (!id_like && !credit_like) continue;
    if ((id_like && cn::valid_id_number(code)) || (credit_like && cn::valid_credit_code(code)))
      out.add(b, i, "party_id", code);
    else if (labelled_id(t, b))
      out.add(b, i, "party_id_invalid", code);
  }
}

}  // namespace

std::size_t scan_name(const Text& t, std::size_t i, std::initializer_list<Str> stops,
                      std::size_t max_len) {
  std::size_t j = i;
  while (j < t.size() && j - i < max_len) {
    char32_t c = t[j];
    if (c == U' ') {  // "张 三": a padded two-character name
      std::size_t k = t.skip_spaces(j);
      if (j - i == 1 && cn::is_han(t[i]) && k - j <= 2 && cn::is_han(t[k]) &&
          !stops_at(t, k, stops)) {
        j = k;
        continue;
      }
      break;
    }
    if (c == U'(' || c == U'（') {  // keep "（广州）" inside 某某（广州）有限公司
      std::size_t k = j + 1;
      while (cn::is_han(t[k]) && k - j <= kMaxBracket) ++k;
      if (k == j + 1 || t[k] != U')' || !cn::is_han(t[k + 1]) || stops_at(t, k + 1, stops)) break;
      j = k + 1;
      continue;
    }
    if (!is_name_char(c) || stops_at(t, j, stops)) break;
    ++j;
  }
  return j;
}

void extract_party(const Text& t, Sink& out) {
  parties(t, out);
  party_ids(t, out);
}

}  // namespace auditor::facts
