// What a case decides and why it may need a meeting: penalty_kind (the kinds
// of penalty a decision, notice or proposal states, 行政处罚法第九条), the
// conclusion of a collective discussion (meeting_conclusion, with its
// conclusion_penalty kinds and conclusion_fine), mitigated (减轻处罚) and
// complex_stated (情节复杂 stated or denied). docs/formats/scope.md, "Facts".
// Text inside quotation marks (a quoted law: "…情节严重的，吊销许可证") and
// rights, conditions and statute paraphrases ("从轻或者减轻", "对情节复杂…")
// are never read as what was decided.
#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxSentence = 300;  // code points read after a trigger
constexpr std::size_t kMaxConclusion = 200;
constexpr std::size_t kMaxScan = 600;   // code points of a conclusion read for kinds and fines
constexpr std::size_t kMaxQuote = 500;  // code points looked back for an open quotation mark
constexpr std::size_t kConclusionLines = 6;
constexpr std::size_t kMaxFiller = 12;
constexpr std::size_t kLookBack = 8;
constexpr std::size_t kMaxField = 20;  // code points from a field's phrase to its boxes

// The kinds of 行政处罚法第九条 and how they are written; the value is the
// first spelling.
struct KindSpelling {
  const char* value;
  std::initializer_list<Str> spellings;
};
const KindSpelling kKinds[] = {
    {"警告", {U"警告"}},
    {"通报批评", {U"通报批评"}},
    {"罚款", {U"罚款"}},
    {"没收违法所得", {U"没收违法所得"}},
    {"没收非法财物", {U"没收非法财物", U"没收违法物品", U"没收工具", U"没收用于违法", U"没收"}},
    {"暂扣许可证件", {U"暂扣许可证", U"暂扣执照", U"暂扣营业执照", U"暂扣"}},
    {"降低资质等级", {U"降低资质等级", U"降低资质"}},
    {"吊销许可证件", {U"吊销许可证", U"吊销营业执照", U"吊销执照", U"吊销"}},
    {"限制开展生产经营活动", {U"限制开展生产经营活动"}},
    {"责令停产停业", {U"责令停产停业", U"责令停业整顿", U"停产停业", U"责令停业"}},
    {"责令关闭", {U"责令关闭"}},
    {"限制从业", {U"限制从业"}},
    {"行政拘留", {U"行政拘留"}},
    {"不予处罚", {U"不予行政处罚", U"不予处罚", U"免予处罚", U"免予行政处罚"}},
};

// Words after which a sentence states the penalty decided or proposed.
constexpr std::initializer_list<Str> kTriggers = {
    U"如下行政处罚", U"如下处罚",     U"处罚如下",     U"处罚决定如下", U"以下行政处罚",
    U"以下处罚",     U"决定给予",     U"决定对当事人", U"决定对你",     U"决定处以",
    U"给予当事人",   U"对当事人处以", U"对其处以",     U"拟对当事人",   U"拟给予",
    U"拟处以",       U"建议给予",     U"建议处以",     U"建议对当事人", U"决定不予",
    U"一致同意对",   U"同意对当事人", U"同意给予",     U"同意处以"};

constexpr std::initializer_list<Str> kConclusionLabels = {
    U"结论意见", U"结论性意见",   U"讨论结论",     U"讨论决定", U"会审意见",
    U"会审结论", U"集体讨论决定", U"集体讨论意见", U"讨论结果", U"会议决定",
    U"会议结论", U"决定意见",     U"会审决定",     U"结论"};
// Prose that states a meeting's conclusion when no field holds it.
constexpr std::initializer_list<Str> kConclusionProse = {U"经集体讨论", U"经会审",   U"会议决定",
                                                         U"经讨论",     U"会议一致", U"经研究决定"};

constexpr std::initializer_list<Str> kFineFillers = {U"人民币", U"金额", U"数额", U"为", U"共计",
                                                     U"(大写)", U"大写", U":",    U" "};

constexpr std::initializer_list<Str> kMitigated = {U"减轻处罚", U"减轻行政处罚", U"予以减轻",
                                                   U"依法减轻", U"减轻罚款"};
constexpr std::initializer_list<Str> kNotMitigated = {U"不予减轻", U"不得减轻", U"不减轻",
                                                      U"不予从轻或减轻", U"不予从轻、减轻"};
constexpr std::initializer_list<Str> kComplex = {U"情节复杂", U"案情复杂", U"疑难复杂",
                                                 U"案情重大复杂", U"涉及多个法律关系"};
constexpr std::initializer_list<Str> kSimple = {U"情节简单", U"案情简单", U"不属于情节复杂",
                                                U"非情节复杂", U"情节不复杂"};
// Words before a phrase, in its clause, that make it a rule or a question.
constexpr std::initializer_list<Str> kConditionWords = {U"应当", U"可以",   U"是否",
                                                        U"如",   U"依法可", U"或"};

bool quote_open(char32_t c) { return c == U'“' || c == U'"'; }

// Positions [b, e) outside quotation marks, as (begin, end) runs.
template <typename F>
void each_unquoted(const Text& t, std::size_t b, std::size_t e, F f) {
  bool inside = false;
  for (std::size_t i = b; i < e; ++i) {
    if (t[i] == U'“') inside = true;
    if (t[i] == U'”') inside = false;
    if (!inside && !quote_open(t[i])) f(i);
  }
}

// The kind spelt at i ("加处罚款" and "缴纳罚款" are no penalty), its end.
std::pair<const char*, std::size_t> kind_at(const Text& t, std::size_t i) {
  for (const KindSpelling& k : kKinds) {
    const std::size_t e = t.match_any(i, k.spellings);
    if (e == npos) continue;
    if (std::string_view(k.value) == "罚款" && i >= 2 &&
        (t.match(i - 2, U"加处") != npos || t.match(i - 2, U"缴纳") != npos ||
         t.match(i - 2, U"交纳") != npos))
      return {nullptr, npos};
    return {k.value, e};
  }
  return {nullptr, npos};
}

void kinds_in(const Text& t, std::size_t b, std::size_t e, const char* fact, FoundOnce& out) {
  std::size_t skip_to = 0;
  each_unquoted(t, b, e, [&](std::size_t i) {
    if (i < skip_to) return;
    auto [value, end] = kind_at(t, i);
    if (!value) return;
    out.add(i, end, fact, value);
    skip_to = end;
  });
}

bool is_amount_char(char32_t c) {
  return cn::is_digit(c) || cn::is_cn_numeral(c) || c == U',' || c == U'.' || c == U' ' ||
         c == 0xA5 || c == U'万';
}

// Fines in [b, e): "罚款人民币5000元", "处以伍仟元罚款".
void fines_in(const Text& t, std::size_t b, std::size_t e, FoundOnce& out) {
  for (std::size_t i = b; i + 1 < e; ++i) {
    if (t.match(i, U"罚款") == npos) continue;
    if (i >= 2 && t.match(i - 2, U"加处") != npos) continue;
    std::size_t a = i + 2;
    for (std::size_t n = 0; n < kMaxFiller; ++n) {
      const std::size_t f = t.match_any(a, kFineFillers);
      if (f == npos) break;
      a = f;
    }
    if (auto amount = cn::scan_amount(t.str(), a); amount && amount->end <= e) {
      out.add(i, amount->end, "conclusion_fine", cn::format_yuan(amount->fen));
      continue;
    }
    std::size_t k = i;
    while (k > b && (t[k - 1] == U' ' || t[k - 1] == U'的')) --k;
    if (k == b || t[k - 1] != U'元') continue;
    std::size_t start = k - 1;
    while (start > b && is_amount_char(t[start - 1])) --start;
    while (start < k && t[start] == U' ') ++start;
    if (auto amount = cn::scan_amount(t.str(), start); amount && amount->end == k)
      out.add(start, i + 2, "conclusion_fine", cn::format_yuan(amount->fen));
  }
}

// The end of the sentence from i: its 。, at most kMaxSentence on.
std::size_t sentence_end(const Text& t, std::size_t i) {
  std::size_t e = i;
  while (e < t.size() && t[e] != U'。' && e - i < kMaxSentence) ++e;
  return e;
}

// Whether i is inside quotation marks opened on its line, at most
// kMaxQuote code points back (a quoted provision is shorter).
bool inside_quote(const Text& t, std::size_t i) {
  bool inside = false;
  for (std::size_t k = std::max(t.line_begin(i), i > kMaxQuote ? i - kMaxQuote : 0); k < i; ++k) {
    if (t[k] == U'“') inside = true;
    if (t[k] == U'”') inside = false;
  }
  return inside;
}

// "决定" that opens what is decided: "本机关决定：罚款…", "决定处人民币二千元
// 罚款", "决定给予…" — not "本决定书", "不服本决定".
constexpr std::initializer_list<Str> kAfterDecide = {U":",    U"如下", U"给予", U"对",   U"处",
                                                     U"罚款", U"没收", U"吊销", U"责令", U"警告",
                                                     U"作出", U"不予", U"予以", U"并处"};

void penalty_sentences(const Text& t, FoundOnce& out) {
  for (std::size_t i = t.find(U"决定"); i != npos; i = t.find(U"决定", i + 1)) {
    const std::size_t e = t.skip_spaces(t.match(i, U"决定"));
    if (inside_quote(t, i) || t.match_any(e, kAfterDecide) == npos) continue;
    kinds_in(t, e, sentence_end(t, e), "penalty_kind", out);
  }
  for (std::size_t i = t.find_any(kTriggers); i != npos; i = t.find_any(kTriggers, i + 1)) {
    if (inside_quote(t, i)) continue;
    const std::size_t e = t.match_any(i, kTriggers);
    // "决定不予行政处罚": the trigger holds the kind.
    const std::size_t from = t.match(i, U"决定不予") != npos ? i + 2 : e;
    const std::size_t end = sentence_end(t, from);
    kinds_in(t, from, end, "penalty_kind", out);
    i = e - 1;
  }
}

// A label at i that starts its line or cell (or follows spaces) and ends in
// a colon, a tab or its line: the start of its value, else npos.
std::size_t field_value(const Text& t, std::size_t i, std::size_t label_end) {
  if (i != t.line_begin(i) && t[i - 1] != U'\t' && t[i - 1] != U' ') return npos;
  const std::size_t g = t.skip_spaces(label_end);
  if (t[g] != U':' && t[g] != U'\t' && t[g] != U'\n' && g < t.size()) return npos;
  return t.skip_label_gap(g);
}

// A line starting with a short label and a colon ("出席人员签字："), or empty.
bool next_field(const Text& t, std::size_t lb) {
  std::size_t s = t.skip_spaces(lb), j = s;
  if (s >= t.line_end(lb)) return true;
  while (cn::is_han(t[j]) && j - s <= 10) ++j;
  return j > s && (t[t.skip_spaces(j)] == U':' || t[j] == U'\t');
}

void emit_conclusion(const Text& t, std::size_t label, std::size_t b, std::size_t e,
                     FoundOnce& out) {
  e = std::min(e, b + kMaxScan);
  while (e > b && (t[e - 1] == U' ' || t[e - 1] == U'\t' || t[e - 1] == U'\n')) --e;
  if (b >= e) return;
  std::string text = t.original(b, std::min(e, b + kMaxConclusion), false);
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  out.add(label, e, "meeting_conclusion", text);
  kinds_in(t, b, e, "conclusion_penalty", out);
  fines_in(t, b, e, out);
}

void conclusions(const Text& t, FoundOnce& out) {
  bool labelled = false;
  for (std::size_t i = t.find_any(kConclusionLabels); i != npos;
       i = t.find_any(kConclusionLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kConclusionLabels);
    const std::size_t v = field_value(t, i, le);
    if (v == npos) continue;
    std::size_t end = std::min(t.line_end(v), v + kMaxScan);
    for (std::size_t c = v; c < end; ++c)
      if (t[c] == U'\t') end = c;  // the value's cell
    if (t.blank(v, end)) {         // the conclusion on the lines below
      std::size_t r = t.line_end(v) + 1;
      const std::size_t first = r;
      for (std::size_t n = 0; r < t.size() && n < kConclusionLines && !next_field(t, r); ++n)
        r = t.line_end(r) + 1;
      if (r == first) continue;
      emit_conclusion(t, i, first, r, out);
    } else {
      emit_conclusion(t, i, v, end, out);
    }
    labelled = true;
    i = le - 1;
  }
  if (labelled) return;
  for (std::size_t i = t.find_any(kConclusionProse); i != npos;
       i = t.find_any(kConclusionProse, i + 1)) {
    if (inside_quote(t, i)) continue;
    const std::size_t end = sentence_end(t, i);
    if (t.str().substr(i, end - i).find(U"决定") == npos &&
        t.str().substr(i, end - i).find(U"同意") == npos)
      continue;
    emit_conclusion(t, i, i, end, out);
    return;
  }
}

// A phrase in a clause that states a rule, a right or a question, or in a
// title line ("重大复杂案件集体讨论笔录"), or quoted: not a statement of fact.
bool not_a_statement(const Text& t, std::size_t b, std::size_t e) {
  if (inside_quote(t, b)) return true;
  const std::size_t lb = t.line_begin(b), le = t.line_end(b);
  if (le - lb <= kMaxRecordTitle) {
    const Str line = t.str().substr(lb, le - lb);
    for (Str w : {Str(U"笔录"), Str(U"记录"), Str(U"纪要"), Str(U"审批表"), Str(U"意见书")})
      if (line.size() >= w.size() && line.substr(line.size() - w.size()) == w) return true;
  }
  if (t.match_any(t.skip_spaces(e), {U"或", U"的", U"或者"}) != npos) return true;
  std::size_t start = b;
  while (start > lb && b - start < kLookBack && t[start - 1] != U',' && t[start - 1] != U'。' &&
         t[start - 1] != U';' && t[start - 1] != U':')
    --start;
  for (std::size_t k = start; k < b; ++k)
    if (t.match_any(k, kConditionWords) != npos) return true;
  return false;
}

bool is_ticked(char32_t c) {
  return c == U'☑' || c == U'■' || c == U'√' || c == U'✓' || c == U'✔' || c == U'☒';
}

// "情节复杂：□是 ☑否": the ticked answer after a field phrase — "true",
// "false", "blank" (boxes, none ticked) or "" (no boxes: a statement).
const char* ticked_answer(const Text& t, std::size_t e) {
  const std::size_t le = t.line_end(e);
  bool boxes = false;
  for (std::size_t k = e; k < le && k - e < kMaxField; ++k) {
    if (t[k] == U'□' || t[k] == U'☐') boxes = true;
    if (is_ticked(t[k])) {
      const std::size_t a = t.skip_spaces(k + 1);
      if (t[a] == U'是') return "true";
      if (t[a] == U'否') return "false";
    }
  }
  return boxes ? "blank" : "";
}

// yes/no phrases; a yes/no field ("是否情节复杂：□是 ☑否") gives its ticked
// answer, or "blank" when nothing is ticked (the field was not filled in).
void flag(const Text& t, std::initializer_list<Str> yes, std::initializer_list<Str> no,
          const char* kind, FoundOnce& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::size_t ne = t.match_any(i, no);
    const std::size_t ye = ne == npos ? t.match_any(i, yes) : npos;
    const std::size_t e = ne != npos ? ne : ye;
    if (e == npos) continue;
    const std::size_t g = t.skip_spaces(e);
    if (ye != npos && (t[g] == U':' || t[g] == U'□' || t[g] == U'☐' || is_ticked(t[g]))) {
      if (const char* a = ticked_answer(t, e); *a) out.add(i, e, kind, a);
    } else if (ne != npos) {
      if (!inside_quote(t, i)) out.add(i, e, kind, "false");
    } else if (!not_a_statement(t, i, e)) {
      out.add(i, e, kind, "true");
    }
    i = e - 1;
  }
}

}  // namespace

void extract_penalty_terms(const Text& t, Sink& sink) {
  FoundOnce out;
  penalty_sentences(t, out);
  conclusions(t, out);
  flag(t, kMitigated, kNotMitigated, "mitigated", out);
  flag(t, kComplex, kSimple, "complex_stated", out);
  out.flush(sink);
}

}  // namespace auditor::facts
