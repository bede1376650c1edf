// discretion_band: the band (阶次) of a discretion standard a decision says it
// applies — 轻微 较轻 一般 较重 严重 特别严重 — in the wordings decisions use:
// the band before its noun (属于一般违法情形, 按照…裁量基准…较重情形, 属较重违法行为)
// in a sentence that classifies (属于 属 系 认定 适用 裁量 按照 构成 确定), or
// after 情节 / 违法程度 (违法情节较重, 情节一般). The statute's conditions
// (情节严重的，处…), negations (不属于情节严重) and questions are no fact.
#include "importers/facts_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxBack = 60;

constexpr std::initializer_list<Str> kBands = {U"特别严重", U"轻微", U"较轻",
                                               U"一般",     U"较重", U"严重"};
constexpr std::initializer_list<Str> kNouns = {U"违法情形", U"违法情节", U"违法行为", U"违法档次",
                                               U"情形",     U"情节",     U"档次",     U"阶次",
                                               U"等次",     U"裁量阶次", U"违法程度"};
constexpr std::initializer_list<Str> kBefore = {U"违法情节", U"情节",   U"违法程度为",
                                                U"违法程度", U"情节为", U"情节属"};
constexpr std::initializer_list<Str> kClassify = {U"属于", U"属",   U"系",   U"认定", U"适用",
                                                  U"裁量", U"按照", U"构成", U"确定", U"依照"};
constexpr std::initializer_list<Str> kNegation = {U"不属于", U"不属",   U"并非", U"不构成",
                                                  U"不适用", U"未达到", U"是否"};

bool sentence_edge(char32_t c) { return c == U'。' || c == U'\n' || c == U';' || c == U'；'; }

// The start of i's sentence, looking back at most kMaxBack code points.
std::size_t sentence_start(const Text& t, std::size_t i) {
  std::size_t s = i;
  while (s > 0 && !sentence_edge(t[s - 1]) && i - s < kMaxBack) --s;
  return s;
}

bool any_in(const Text& t, std::size_t from, std::size_t to, std::initializer_list<Str> words) {
  for (std::size_t k = from; k < to; ++k)
    if (t.match_any(k, words) != npos) return true;
  return false;
}

// Whether one of `words` ends exactly at i.
bool ends_at(const Text& t, std::size_t i, std::initializer_list<Str> words) {
  for (Str w : words)
    if (i >= w.size() && t.match(i - w.size(), w) == i) return true;
  return false;
}

}  // namespace

void extract_discretion(const Text& t, Sink& out) {
  std::size_t i = 0;
  while ((i = t.find_any(kBands, i)) != npos) {
    const std::size_t e = t.match_any(i, kBands);
    const std::string value = t.original(i, e);
    const std::size_t start = sentence_start(t, i);
    const char32_t next = t[t.skip_spaces(e)];
    bool named = false;
    if (t.match_any(t.skip_spaces(e), kNouns) != npos) {
      named = any_in(t, start, i, kClassify);
    } else if (ends_at(t, i, kBefore)) {
      named = next != U'的' && next != U'或' && next != U'?' && next != U'？';
    }
    // A clause that ends in 的 is a condition quoted from the law.
    if (named) {
      std::size_t k = e;
      while (k < t.size() && !sentence_edge(t[k]) && t[k] != U',' && k - e < 20) ++k;
      if (k > e && t[k - 1] == U'的') named = false;
    }
    if (named && any_in(t, start, i, kNegation)) named = false;
    if (named) out.add(i, e, "discretion_band", value);
    i = e;
  }
}

}  // namespace auditor::facts
