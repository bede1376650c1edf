// hearing_requested and statement_made: what the party did, told apart from
// the rights statements every notice carries ("有权要求听证", "如要求听证的");
// and case_origin, where the case came from (案件来源).
#include "importers/facts_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxClause = 40;

constexpr std::initializer_list<Str> kHearingNo = {
    U"撤回听证申请",   U"撤回了听证申请", U"撤回听证要求",   U"撤回听证",       U"不要求听证",
    U"不申请听证",     U"放弃听证",       U"未提出听证申请", U"未提出听证要求", U"未提出听证",
    U"未申请听证",     U"未要求听证",     U"没有要求听证",   U"没有申请听证",   U"没有提出听证",
    U"不要求举行听证", U"未要求举行听证", U"不提出听证"};
constexpr std::initializer_list<Str> kHearingYes = {
    U"要求听证",     U"申请听证",     U"提出听证申请",   U"提出听证要求",
    U"要求举行听证", U"申请举行听证", U"提出了听证申请", U"提出听证"};

constexpr std::initializer_list<Str> kStatementNo = {
    U"未提出",     U"未进行",     U"未作出",   U"未作",       U"未提",      U"未有",   U"放弃了",
    U"放弃",       U"没有提出",   U"没有进行", U"没有作出",   U"不进行",    U"不提出", U"无",
    U"未提出任何", U"未进行任何", U"未提交",   U"未提交书面", U"未提出书面"};
constexpr std::initializer_list<Str> kStatementYes = {
    U"提出了",   U"进行了",   U"作出了",     U"作了",       U"提出",      U"进行",
    U"作出",     U"提交了",   U"提交",       U"递交了",     U"提出以下",  U"提出如下",
    U"提出书面", U"提交书面", U"提出了以下", U"提出了书面", U"提交了书面"};

// Words before a phrase, in its clause, that make it a right or a condition:
// "可在接到本告知书后五个工作日内向本机关提出陈述、申辩" states a right.
constexpr std::initializer_list<Str> kConditionWords = {
    U"有权",   U"可以", U"是否", U"如果", U"如需", U"视为", U"应当",   U"享有",
    U"必须",   U"依法", U"可在", U"可于", U"可向", U"可自", U"可通过", U"可书面",
    U"可口头", U"可就", U"应在", U"应于", U"须在", U"须于"};
bool is_condition_char(char32_t c) {
  return c == U'如' || c == U'若' || c == U'可' || c == U'应' || c == U'须' || c == U'请';
}

bool is_clause_edge(char32_t c) { return is_clause_end(c) || c == U',' || c == U':'; }

// A phrase [b, e) stating a right, a question or a condition, not a fact.
// "…权" after a positive phrase names the right ("要求听证权"); after a
// negative one it is a waiver ("放弃听证权利") and stays a fact.
bool conditional(const Text& t, std::size_t b, std::size_t e, bool positive) {
  std::size_t after = t.skip_spaces(e);
  if (t.match(after, U"意见") != npos) after = t.skip_spaces(after + 2);
  char32_t next = t[after];
  if (next == U'的' || next == U'吗' || next == U'?') return true;
  // A noun after a positive phrase: 要求听证权, 申请听证期限, 听证程序, 听证告知/通知.
  if (positive &&
      (next == U'权' || next == U'期' || next == U'程' || next == U'告' || next == U'通'))
    return true;
  std::size_t clause_end = e;  // "逾期未提出陈述、申辩或听证申请的，": a condition
  while (clause_end < t.size() && !is_clause_edge(t[clause_end]) && clause_end - e < kMaxClause)
    ++clause_end;
  if (clause_end > e && t[clause_end - 1] == U'的') return true;
  std::size_t p = b;
  while (p > 0 && t[p - 1] == U' ') --p;
  if (p > 0 && is_condition_char(t[p - 1])) return true;
  std::size_t start = p;
  while (start > 0 && !is_clause_edge(t[start - 1]) && b - start < kMaxClause) --start;
  for (std::size_t k = start; k < b; ++k)
    if (t.match_any(k, kConditionWords) != npos) return true;
  // "逾期未提出陈述和申辩，视为放弃…": a consequence clause makes the
  // overdue clause before it a condition.
  bool overdue = false;
  for (std::size_t k = start; k < b && !overdue; ++k) overdue = t.match(k, U"逾期") != npos;
  if (overdue) {
    std::size_t next = clause_end;
    while (next < t.size() && (t[next] == U',' || t[next] == U' ')) ++next;
    if (t.match(next, U"视为") != npos || t.match(next, U"则视为") != npos) return true;
  }
  return false;
}

// Whether the sentence from e on withdraws the request (撤回).
bool withdrawn_later(const Text& t, std::size_t e) {
  for (std::size_t k = e; k < t.size() && t[k] != U'。' && t[k] != U'\n' && k - e < 2 * kMaxClause;
       ++k)
    if (t.match(k, U"撤回") != npos) return true;
  return false;
}

void hearing(const Text& t, Sink& out) {
  // The next match of each list, searched again only once i has passed it:
  // one pass over the text however many matches it holds.
  std::size_t next_no = t.find_any(kHearingNo, 0), next_yes = t.find_any(kHearingYes, 0);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (next_no != npos && next_no < i) next_no = t.find_any(kHearingNo, i);
    if (next_yes != npos && next_yes < i) next_yes = t.find_any(kHearingYes, i);
    i = std::min(next_no, next_yes);
    if (i == npos) break;
    bool yes = false;
    std::size_t e = t.match_any(i, kHearingNo);
    if (e == npos) {
      e = t.match_any(i, kHearingYes);
      yes = true;
    }
    if (e == npos) continue;
    // "申请听证，后于…书面撤回听证申请": a request withdrawn is no request.
    if (yes && withdrawn_later(t, e)) {
      i = e - 1;
      continue;
    }
    if (!conditional(t, i, e, yes)) out.add(i, e, "hearing_requested", yes ? "true" : "false");
    i = e - 1;
  }
}

// The verb ending at b, from `verbs`: its start, or npos.
std::size_t verb_before(const Text& t, std::size_t b, std::initializer_list<Str> verbs) {
  std::size_t best = npos;
  for (Str v : verbs)
    if (b >= v.size() && t.match(b - v.size(), v) == b && (best == npos || b - v.size() < best))
      best = b - v.size();
  return best;
}

void statement(const Text& t, Sink& out) {
  for (std::size_t i = t.find(U"陈述"); i != npos; i = t.find(U"陈述", i + 1)) {
    std::size_t j = t.skip_spaces(t.match(i, U"陈述"));
    if (t.match_any(j, {U"、", U"和", U"及", U"与", U",", U"/"}) != npos) j = t.skip_spaces(j + 1);
    std::size_t e = t.match(j, U"申辩");
    if (e == npos) continue;
    std::size_t b = i;
    while (b > 0 && t[b - 1] == U' ') --b;
    std::size_t no = verb_before(t, b, kStatementNo);
    std::size_t yes = no == npos ? verb_before(t, b, kStatementYes) : npos;
    std::size_t after = t.skip_spaces(e);
    if (t.match(after, U"意见") != npos) after = t.skip_spaces(after + 2);
    bool listed = t.match_any(after, {U"如下", U"为"}) != npos;
    std::size_t start = no != npos ? no : yes != npos ? yes : i;
    if ((no == npos && yes == npos && !listed) || conditional(t, start, e, no == npos)) continue;
    out.add(start, e, "statement_made", no != npos ? "false" : "true");
  }
}

bool is_box(char32_t c) { return c == U'□' || c == U'☐'; }
bool is_ticked(char32_t c) {
  return c == U'☑' || c == U'■' || c == U'√' || c == U'✓' || c == U'✔' || c == U'☒' || c == U'▣';
}

// The source a filing form or source record gives after 案件来源: the text
// of the line (or of the next line when the label stands alone), and of a
// checkbox list only the ticked option ("□现场检查 ☑投诉举报 □媒体披露").
void case_origin(const Text& t, Sink& out) {
  constexpr std::size_t kMaxValue = 40;
  for (std::size_t i = t.find(U"案件来源"); i != npos; i = t.find(U"案件来源", i + 1)) {
    const std::size_t e = t.match(i, U"案件来源");
    if (t.match_any(e, {U"登记", U"表", U"信息", U"情况"}) != npos) continue;  // a title
    std::size_t v = t.skip_label_gap(e);
    if (t[v] == U'\n') v = t.skip_label_gap(v + 1);
    std::size_t end = v;
    while (end < t.size() && t[end] != U'\n' && end - v < kMaxValue) ++end;
    bool boxes = false;
    for (std::size_t k = v; k < end; ++k) boxes = boxes || is_box(t[k]) || is_ticked(t[k]);
    std::size_t b = v, stop = end;
    if (boxes) {
      b = npos;
      for (std::size_t k = v; k < end && b == npos; ++k)
        if (is_ticked(t[k])) b = t.skip_spaces(k + 1);
      if (b == npos) continue;  // a blank form: nothing ticked
      stop = b;
      while (stop < end && !is_box(t[stop]) && !is_ticked(t[stop]) && t[stop] != U'\t') ++stop;
    } else {
      while (stop > b && (t[stop - 1] == U' ' || t[stop - 1] == U'\t')) --stop;
      for (std::size_t k = b; k < stop; ++k)
        if (t[k] == U'\t') stop = k;
    }
    if (std::string value = t.original(b, stop); !value.empty())
      out.add(b, stop, "case_origin", value);
  }
}

}  // namespace

void extract_flags(const Text& t, Sink& out) {
  hearing(t, out);
  statement(t, out);
  case_origin(t, out);
}

}  // namespace auditor::facts
