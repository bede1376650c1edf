// appeal_agent: who a power of attorney (授权委托书, in a text whose first
// lines name one) authorises, "姓名|role" with role
//   staff    the organ's own people: 工作人员, 街道办事处, 执法证, 执法队, 科员,
//            本单位, 本机关, 公职律师 …
//   lawyer   律师, 律师事务所 (not 公职律师)
//   unknown  neither is written
// read from a label (受托人, 委托代理人, 诉讼代理人, 代理人 …: the rest of its line,
// and the next line in a table form when that names no agent), or from
// running text "现委托张三（本单位工作人员）、李四（某某律师事务所律师）为…代理人".
// docs/formats/appeals.md.
#include <algorithm>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxAgentName = 6;
constexpr std::size_t kMaxClause = 200;
constexpr std::size_t kMaxTail = 60;  // "为我单位参加…一案的诉讼代理人"

constexpr std::initializer_list<Str> kAgentLabels = {U"受托人",     U"受委托人",   U"被委托人",
                                                     U"委托代理人", U"诉讼代理人", U"代理人"};
constexpr std::initializer_list<Str> kNameStops = {
    U"性别", U"男", U"女",   U"职务", U"工作单位", U"单位", U"身份证", U"电话", U"联系",
    U"律师", U"系", U"现任", U"住址", U"为",       U"和",   U"及",     U"是"};
constexpr std::initializer_list<Str> kStaffWords = {
    U"工作人员", U"街道办事处", U"执法证", U"执法队",   U"科员", U"本单位",
    U"本机关",   U"干部",       U"职员",   U"执法人员", U"队员", U"综合行政执法",
    U"公职律师", U"本办",       U"主任",   U"科长",     U"队长"};

bool has(Str s, Str part) { return s.find(part) != npos; }

const char* role_of(Str s) {
  if (has(s, U"公职律师")) return "staff";
  if (has(s, U"律师")) return "lawyer";
  for (Str w : kStaffWords)
    if (has(s, w)) return "staff";
  return "unknown";
}

bool is_power_of_attorney(const Text& t) {
  return has_title(t, [](Str line) { return has(line, U"委托书"); });
}

// A name of 2..4 Han characters at i (spaces inside a padded name allowed):
// its end, or i.
std::size_t name_at(const Text& t, std::size_t i) {
  if (t.match(i, U"下列") != npos || t.match(i, U"以下") != npos || t.match(i, U"如下") != npos)
    return i;
  const std::size_t e = scan_name(t, i, kNameStops, kMaxAgentName);
  std::size_t han = 0;
  for (std::size_t k = i; k < e; ++k) {
    if (!cn::is_han(t[k]) && t[k] != U' ') return i;
    han += cn::is_han(t[k]) ? 1 : 0;
  }
  return han >= 2 && han <= 4 ? e : i;
}

void labelled(const Text& t, Sink& out) {
  for (std::size_t i = t.find_any(kAgentLabels); i != npos; i = t.find_any(kAgentLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kAgentLabels);
    if (i > 0 && cn::is_han(t[i - 1])) {  // 委托代理人 read as 代理人, 委托人
      i = le - 1;
      continue;
    }
    // "受托人1：", "委托代理人（一）：", "受托人\t姓名\t张三"
    std::size_t v = le;
    while (v < t.size() && (cn::is_digit(t[v]) || t[v] == U'(' || t[v] == U')' || t[v] == U'一' ||
                            t[v] == U'二' || t[v] == U'三'))
      ++v;
    v = t.skip_label_gap(t.skip_spaces(v));
    if (t.match(v, U"姓名") != npos) v = t.skip_label_gap(t.skip_spaces(t.match(v, U"姓名")));
    const std::size_t ne = name_at(t, v);
    if (ne == v) {
      i = le - 1;
      continue;
    }
    std::size_t end = t.line_end(ne);
    const std::size_t next = t.find_any(kAgentLabels, ne);
    if (next != npos && next < end) end = next;
    const char* role = role_of(t.str().substr(ne, end - ne));
    if (std::string_view(role) == "unknown" && end == t.line_end(ne) && end < t.size()) {
      const std::size_t e2 = t.line_end(end + 1);
      const std::size_t n2 = t.find_any(kAgentLabels, end + 1);
      if (n2 == npos || n2 >= e2) role = role_of(t.str().substr(end + 1, e2 - end - 1));
    }
    out.add(v, ne, "appeal_agent", t.original(v, ne) + "|" + role);
    i = ne;
  }
}

// "委托张三（…）、李四（…）为…代理人": the parts between 委托 and 为.
void running_text(const Text& t, Sink& out) {
  for (std::size_t i = t.find(U"委托"); i != npos; i = t.find(U"委托", i + 2)) {
    const std::size_t b = i + 2;
    std::size_t e = b;
    while (e < t.size() && e - b < kMaxClause && t[e] != U'为' && t[e] != U'。' && t[e] != U'\n')
      ++e;
    if (t[e] != U'为') continue;
    const Str after = t.str().substr(e, std::min<std::size_t>(kMaxTail, t.size() - e));
    if (!has(after, U"代理")) continue;
    std::size_t p = b;
    while (p < e) {
      std::size_t q = p;
      int depth = 0;
      while (q < e && (depth > 0 || (t[q] != U'、' && t[q] != U',' && t[q] != U'，' &&
                                     t.match(q, U"和") == npos && t.match(q, U"及") == npos))) {
        if (t[q] == U'(' || t[q] == U'（') ++depth;
        if ((t[q] == U')' || t[q] == U'）') && depth > 0) --depth;
        ++q;
      }
      const std::size_t s = t.skip_spaces(p);
      const std::size_t ne = name_at(t, s);
      if (ne != s)
        out.add(s, ne, "appeal_agent",
                t.original(s, ne) + "|" + role_of(t.str().substr(ne, q - ne)));
      p = q + 1;
    }
    i = e;
  }
}

}  // namespace

void extract_appeal_agents(const Text& t, Sink& out) {
  if (!is_power_of_attorney(t)) return;
  labelled(t, out);
  running_text(t, out);
}

}  // namespace auditor::facts
