#include "reports/mask.h"

#include <algorithm>
#include <regex>
#include <utility>

#include "util/utf8.h"

namespace auditor {
namespace {

const std::u32string kSomeone = U"某某";
const std::u32string kHidden = U"＊＊＊";

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF);
}
bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
char digit_value(char32_t c) { return static_cast<char>(c >= U'０' ? U'0' + (c - U'０') : c); }
bool is_alnum(char32_t c) {
  return is_digit(c) || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
         (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}
bool is_blank(char32_t c) { return c == U' ' || c == U'\t' || c == U'　' || c == 0xA0; }

bool starts_with(const std::u32string& s, std::size_t at, std::u32string_view w) {
  return s.compare(at, w.size(), w) == 0;
}

// The length of the place prefix of `s` from `at`: segments of 2–4 Han
// characters each ending in 省, 市, 区 or 县 (广州市海珠区 → 6).
std::size_t place_prefix(const std::u32string& s, std::size_t at = 0) {
  std::size_t p = at;
  while (true) {
    std::size_t next = 0;
    for (std::size_t k = 2; k <= 4 && p + k <= s.size(); ++k) {
      bool han = true;
      for (std::size_t j = p; j < p + k; ++j) han = han && is_han(s[j]);
      if (!han) break;
      const char32_t last = s[p + k - 1];
      if (last == U'省' || last == U'市' || last == U'区' || last == U'县') {
        next = p + k;
        break;
      }
    }
    if (!next) return p - at;
    p = next;
  }
}

// Words that begin an organisation name's trade and legal form, kept by the
// masked form; single characters only at the end of the name.
constexpr std::u32string_view kTradeWords[] = {
    U"餐饮",         U"五金",     U"建筑",   U"工程",     U"贸易",       U"商贸",   U"科技",
    U"信息",         U"技术",     U"管理",   U"咨询",     U"服务",       U"食品",   U"服装",
    U"装饰",         U"装修",     U"家具",   U"物业",     U"房地产",     U"置业",   U"投资",
    U"实业",         U"发展",     U"文化",   U"传媒",     U"广告",       U"电子",   U"电器",
    U"机械",         U"汽车",     U"物流",   U"运输",     U"酒店",       U"宾馆",   U"超市",
    U"便利店",       U"药房",     U"医药",   U"美容",     U"美发",       U"教育",   U"培训",
    U"印刷",         U"制衣",     U"建材",   U"钢材",     U"水果",       U"烟酒",   U"百货",
    U"网络",         U"环保",     U"清洁",   U"再生资源", U"娱乐",       U"茶",     U"有限责任公司",
    U"股份有限公司", U"有限公司", U"分公司", U"公司",     U"个体工商户", U"经营部", U"门市部",
    U"商行",         U"商店",     U"工作室", U"合作社",   U"中心",       U"事务所"};
constexpr char32_t kFormChars[] = {U'店', U'厂', U'行', U'档', U'馆', U'场', U'所', U'社', U'部'};
constexpr std::u32string_view kOrgMarks[] = {U"公司", U"店",   U"厂", U"部", U"行", U"社",
                                             U"所",   U"中心", U"室", U"馆", U"院", U"局",
                                             U"处",   U"会",   U"站", U"队", U"场", U"户"};
constexpr std::u32string_view kCompoundSurnames[] = {
    U"欧阳", U"司马", U"上官", U"诸葛", U"东方", U"皇甫", U"尉迟", U"公孙", U"慕容", U"长孙",
    U"宇文", U"司徒", U"夏侯", U"令狐", U"端木", U"申屠", U"轩辕", U"独孤", U"南宫", U"西门"};

bool person(const std::u32string& n) {
  if (n.size() < 2) return false;
  const bool dotted = n.find(U'·') != std::u32string::npos;
  if (n.size() > (dotted ? 12 : 4)) return false;
  for (char32_t c : n)
    if (!is_han(c) && c != U'·') return false;
  for (std::u32string_view m : kOrgMarks)
    if (n.find(m) != std::u32string::npos) return false;
  return true;
}

// An organisation name split as prefix, own word (字号) and trade/form.
struct OrgParts {
  std::u32string prefix, own, rest;
};
OrgParts org_parts(const std::u32string& n) {
  const std::size_t pre = place_prefix(n);
  std::size_t cut = n.size();
  for (std::u32string_view w : kTradeWords) {
    const std::size_t at = n.find(w, pre);
    if (at != std::u32string::npos) cut = std::min(cut, at);
  }
  if (cut == n.size() && n.size() > pre + 1 &&
      std::find(std::begin(kFormChars), std::end(kFormChars), n.back()) != std::end(kFormChars))
    cut = n.size() - 1;
  return {n.substr(0, pre), n.substr(pre, cut - pre), n.substr(cut)};
}

std::u32string masked(const std::u32string& n) {
  if (person(n)) {
    for (std::u32string_view s : kCompoundSurnames)
      if (starts_with(n, 0, s) && n.size() > s.size()) return std::u32string(s) + kSomeone;
    return n.substr(0, 1) + kSomeone;
  }
  OrgParts p = org_parts(n);
  return p.prefix + kSomeone + p.rest;
}

void replace_all(std::u32string& s, const std::u32string& from, const std::u32string& to) {
  if (from.empty()) return;
  for (std::size_t at = s.find(from); at != std::u32string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// Names → masked forms, the longest first.
void mask_names(std::u32string& s, const MaskTerms& terms) {
  std::vector<std::pair<std::u32string, std::u32string>> pairs;
  for (const std::string& name : terms.names) {
    std::u32string n = decode_utf8(name);
    n.erase(std::remove_if(n.begin(), n.end(), is_blank), n.end());
    if (n.size() < 2 || n.find(U'某') != std::u32string::npos) continue;
    pairs.emplace_back(n, masked(n));
    if (!person(n)) {
      const OrgParts p = org_parts(n);
      if (p.own.size() >= 2) pairs.emplace_back(p.own, kSomeone);
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [from, to] : pairs) replace_all(s, from, to);
}

constexpr std::u32string_view kAddressLabels[] = {U"家庭住址", U"经营地址", U"户籍所在地",
                                                  U"住址",     U"地址",     U"住所",
                                                  U"居住地",   U"户籍地",   U"住"};

bool ends_value(char32_t c) {
  return c == U'，' || c == U',' || c == U'。' || c == U'；' || c == U';' || c == U'\n' ||
         c == U'\t' || c == U'、' || c == U'）' || c == U')' || c == U'\r';
}

// Addresses after a label cut after their district.
void mask_addresses(std::u32string& s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t label = 0;
    for (std::u32string_view l : kAddressLabels)
      if (starts_with(s, i, l)) {
        label = l.size();
        break;
      }
    if (!label) {
      out += s[i++];
      continue;
    }
    const bool bare = label == 1;  // 住 alone: only right before a place
    std::size_t v = i + label;
    if (!bare)
      while (v < s.size() && (is_blank(s[v]) || s[v] == U'：' || s[v] == U':')) ++v;
    std::size_t end = v;
    while (end < s.size() && !ends_value(s[end])) ++end;
    const std::size_t keep = place_prefix(s, v);
    if (end == v || (bare && keep == 0)) {
      out.append(s, i, v - i);
      i = v;
      continue;
    }
    out.append(s, i, v - i + keep);
    if (keep == 0) out += kHidden;
    i = end;
  }
  s = std::move(out);
}

// ID numbers, credit codes and registration numbers: runs of letters and
// digits of 18 characters with at least 10 digits, or of 15 digits.
void mask_ids(std::u32string& s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_alnum(s[i])) {
      out += s[i++];
      continue;
    }
    std::size_t j = i, digits = 0;
    while (j < s.size() && is_alnum(s[j])) digits += is_digit(s[j]), ++j;
    const std::size_t n = j - i;
    if ((n == 18 && digits >= 10) || (n == 15 && digits == 15))
      out += kHidden;
    else
      out.append(s, i, n);
    i = j;
  }
  s = std::move(out);
}

constexpr std::u32string_view kPhoneLabels[] = {U"电话", U"手机", U"联系方式", U"传真",
                                                U"Tel",  U"TEL",  U"tel"};

// Whether a phone label stands right before `at` (spaces, 号码, a colon between).
bool after_phone_label(const std::u32string& s, std::size_t at) {
  std::size_t p = at;
  while (p > 0 && (is_blank(s[p - 1]) || s[p - 1] == U'：' || s[p - 1] == U':')) --p;
  if (p >= 2 && s.compare(p - 2, 2, U"号码") == 0) p -= 2;
  for (std::u32string_view l : kPhoneLabels)
    if (p >= l.size() && s.compare(p - l.size(), l.size(), l) == 0) return true;
  return false;
}

// Phone numbers written with separators (139-2506-3478, +86 139 2506 3478,
// 020-84221234, (020)8422 1234, 020 8422 1234), in the UTF-8 text.
std::string mask_separated_phones(const std::string& s) {
  static const std::regex kSeparated(
      "(^|[^0-9A-Za-z])((?:\\+?86[- ]?)?1[3-9][0-9][- ][0-9]{4}[- ][0-9]{4}|"
      "(?:\\(|（)?0[0-9]{2,3}(?:\\)|）|-|－| |\\) ?|） ?)[0-9]{3,4}[- ]?[0-9]{4})(?![0-9])");
  return std::regex_replace(s, kSeparated, "$1＊＊＊");
}

// Mobile and landline numbers as one run of digits, and any number after a
// phone label.
void mask_phones(std::u32string& s) {
  s = decode_utf8(mask_separated_phones(to_utf8(s)));
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i]) || (i > 0 && is_alnum(s[i - 1]))) {
      out += s[i++];
      continue;
    }
    std::string digits;
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) digits += digit_value(s[j++]);
    const bool alnum_after = j < s.size() && is_alnum(s[j]);
    const std::size_t n = digits.size();
    const bool mobile = (n == 11 && digits[0] == '1' && digits[1] >= '3') ||
                        (n == 13 && digits.rfind("861", 0) == 0 && digits[3] >= '3');
    const bool landline = n >= 10 && n <= 12 && digits[0] == '0';
    const bool labelled = n >= 7 && after_phone_label(s, i);
    if (!alnum_after && (mobile || landline || labelled))
      out += kHidden;
    else
      out.append(s, i, n);
    i = j;
  }
  s = std::move(out);
}

constexpr std::u32string_view kNameLabels[] = {U"法定代表人", U"负责人", U"被询问人", U"委托代理人",
                                               U"代理人",     U"见证人", U"收件人",   U"受送达人",
                                               U"签收人",     U"经营者", U"联系人",   U"当事人"};

}  // namespace

bool is_person_name(std::string_view name) { return person(decode_utf8(name)); }

std::string masked_name(std::string_view name) { return to_utf8(masked(decode_utf8(name))); }

std::vector<std::string> names_after_labels(std::string_view text) {
  const std::u32string s = decode_utf8(text);
  std::vector<std::string> out;
  for (std::u32string_view l : kNameLabels)
    for (std::size_t at = s.find(l); at != std::u32string::npos; at = s.find(l, at + 1)) {
      std::size_t v = at + l.size();
      const std::size_t sep = v;
      while (v < s.size() && (is_blank(s[v]) || s[v] == U'：' || s[v] == U':')) ++v;
      if (v == sep) continue;  // a label runs into other words (负责人审批意见)
      std::size_t end = v;
      while (end < s.size() && (is_han(s[end]) || s[end] == U'·')) ++end;
      const std::u32string n = s.substr(v, end - v);
      if (!person(n) || n.find(U'某') != std::u32string::npos) continue;
      static constexpr std::u32string_view kNotNames[] = {U"同意", U"属实", U"本人", U"不详",
                                                          U"签名", U"签字", U"盖章", U"无"};
      if (std::find(std::begin(kNotNames), std::end(kNotNames), n) != std::end(kNotNames)) continue;
      const std::string name = to_utf8(n);
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  return out;
}

std::string mask_text(std::string_view text, const MaskTerms& terms) {
  std::u32string s = decode_utf8(text);
  mask_names(s, terms);
  mask_addresses(s);
  mask_ids(s);
  mask_phones(s);
  return to_utf8(s);
}

}  // namespace auditor
