// consistency checks on the provisions a decision cites, from `provision`
// facts (docs/facts.md) and the wording around them.
//
// provisions: the decision must state the provision violated ("违反……第…条")
// and the penalty provision ("依据/根据/依照/按照……第…条……决定/处以…").
// Passes when it cites at least `min` distinct provisions, or when both roles
// are stated, even by one article: an article that both prohibits and
// penalises (e.g. 《城市市容和环境卫生管理条例》第三十六条) is cited as both,
// which is correct. Otherwise the message names what is missing: no
// citation at all, the violated provision, or the penalty provision. Fewer
// recognised citations while the text mentions `min` distinct 第…条 (no 《》):
// a manual check.
//
// provisions_changed: the articles cited by the notice (事先告知书) and by the
// decision, compared per law and article (款/项 depth, the 中华人民共和国
// prefix and numeral style ignored; laws whose name contains an
// `ignore_laws` word, e.g. the procedural 行政处罚法, left out). A difference
// that the decision explains (explained_by words) is a manual check; an
// unexplained one a finding. A notice or decision without readable
// citations is a manual check naming it.
#include <algorithm>
#include <map>
#include <set>

#include "auditor/consistency.h"
#include "auditor/kind_helpers.h"
#include "importers/cn_text.h"
#include "importers/names.h"

namespace auditor::consistency {
namespace {

constexpr std::size_t kRoleWindow = 240;  // bytes after 违反/依据 searched for 第…条

// Distinct 第…条 citations in `text` (Arabic or Chinese numerals).
std::set<std::string> article_mentions(const std::string& text) {
  static const std::string kNumerals = "〇零一二两三四五六七八九十百千";
  const std::string t = normalize_for_match(text);  // full-width digits folded
  const std::string di = "第", tiao = "条";
  std::set<std::string> out;
  for (std::size_t i = t.find(di); i != std::string::npos; i = t.find(di, i + 1)) {
    std::size_t j = i + di.size();
    while (j < t.size()) {
      if (t[j] >= '0' && t[j] <= '9') {
        ++j;
      } else if (std::size_t at = kNumerals.find(t.substr(j, 3));
                 j + 3 <= t.size() && at != std::string::npos && at % 3 == 0) {
        j += 3;
      } else {
        break;
      }
    }
    if (j > i + di.size() && t.compare(j, tiao.size(), tiao) == 0)
      out.insert(t.substr(i, j + tiao.size() - i));
  }
  return out;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

// `s` without the 《…》 spans (law names mention 处罚 themselves).
std::string without_law_names(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t open = s.find("《", i);
    if (open == std::string::npos) break;
    const std::size_t close = s.find("》", open);
    if (close == std::string::npos) break;
    out += s.substr(i, open - i);
    i = close + std::string("》").size();
  }
  return out + s.substr(std::min(i, s.size()));
}

// The first `word` in `s` from `from` that is not inside a 《…》 law name
// ("《…管理规定》" holds 规定).
std::size_t find_outside_names(const std::string& s, const std::string& word, std::size_t from) {
  for (std::size_t at = s.find(word, from); at != std::string::npos; at = s.find(word, at + 1)) {
    const std::size_t open = s.rfind("《", at), close = s.rfind("》", at);
    if (open == std::string::npos || (close != std::string::npos && close > open)) return at;
  }
  return std::string::npos;
}

// The text from `at` to the end of its sentence (。；), at most `limit` bytes.
std::string clause(const std::string& t, std::size_t at, std::size_t limit) {
  std::size_t end = std::min(t.size(), at + limit);
  for (const char* stop : {"。", "；"}) end = std::min(end, t.find(stop, at));
  return t.substr(at, end - at);
}

// The articles the text cites as violated and as the penalty basis.
struct Roles {
  std::set<std::string> violated, basis;
};

// The 《…》 names in `s`, without the brackets.
std::vector<std::string> laws_in(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t open = s.find("《"); open != std::string::npos; open = s.find("《", open + 1)) {
    const std::size_t close = s.find("》", open);
    if (close == std::string::npos) break;
    out.push_back(s.substr(open + 3, close - open - 3));
  }
  return out;
}

bool ignored_law(const std::string& law, const std::vector<std::string>& ignore) {
  return std::any_of(ignore.begin(), ignore.end(),
                     [&](const std::string& w) { return law.find(w) != std::string::npos; });
}

// A clause citing only ignored (procedural) laws: "依据《行政处罚法》第七十二条
// …加处罚款" is no penalty basis.
bool procedural_clause(const std::string& c, const std::vector<std::string>& ignore) {
  const std::vector<std::string> laws = laws_in(c);
  return !laws.empty() && std::all_of(laws.begin(), laws.end(), [&](const std::string& l) {
    return ignored_law(l, ignore);
  });
}

Roles roles_of(const std::string& text, const std::vector<std::string>& ignore = {}) {
  // Normalised line by line (normalize_for_match drops the line breaks): a
  // line end ends a sentence.
  std::string t;
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t end = std::min(text.find('\n', from), text.size());
    t += normalize_for_match(std::string_view(text).substr(from, end - from)) + "。";
    from = end + 1;
  }
  Roles r;
  for (std::size_t i = t.find("违反"); i != std::string::npos; i = t.find("违反", i + 1)) {
    std::string c = clause(t, i, kRoleWindow);
    // "违反了…第十条的规定，依据…": the violated part ends at 规定 or 依据.
    for (const char* stop : {"规定", "依据", "根据", "依照", "按照"})
      if (std::size_t at = find_outside_names(c, stop, 6); at != std::string::npos) c = c.substr(0, at);
    if (procedural_clause(c, ignore)) continue;
    for (const std::string& a : article_mentions(c)) r.violated.insert(a);
  }
  for (const char* word : {"依据", "根据", "依照", "按照"}) {
    for (std::size_t i = t.find(word); i != std::string::npos; i = t.find(word, i + 1)) {
      const std::string c = clause(t, i, kRoleWindow);
      const std::string rest = without_law_names(c);
      static const char* const kPenaltyWords[] = {"决定", "处以", "处罚", "罚款",
                                                  "给予", "警告", "没收"};
      const bool penalises =
          std::any_of(std::begin(kPenaltyWords), std::end(kPenaltyWords),
                      [&](const char* w) { return rest.find(w) != std::string::npos; });
      if (!penalises || procedural_clause(c, ignore)) continue;
      for (const std::string& a : article_mentions(c)) r.basis.insert(a);
    }
  }
  return r;
}

// What the decision lacks, for the {problem} placeholder: `cited` are its
// substantive provisions, `procedural` those of ignored laws.
std::string missing_text(const Roles& roles, const std::set<std::string>& cited,
                         const std::set<std::string>& procedural) {
  if (cited.empty() && roles.violated.empty() && roles.basis.empty())
    return procedural.empty()
               ? "未引用任何法律条文，未写明违法行为所违反的条款和处罚依据条款"
               : "仅引用" + join(procedural) +
                     "（程序或救济条款），未写明违法行为所违反的条款和处罚依据条款";
  if (!roles.violated.empty())
    return "写明了所违反的条款（" + join(roles.violated) +
           "），但未写明处罚依据条款（“依据……第…条的规定，决定……”）";
  if (!roles.basis.empty())
    return "写明了处罚依据条款（" + join(roles.basis) +
           "），但未写明违法行为所违反的条款（“违反了……第…条的规定”）";
  return "仅引用" + join(cited) +
         "，未见“违反……的规定”和“依据……的规定”的表述，未写明违法行为所违反的条款和处罚依据条款";
}

}  // namespace

Outcome provisions(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string type = rule_param(r, "document");
  const std::size_t min = std::stoul(rule_param(r, "min", "2"));
  const std::vector<std::string> ignore = split_list(rule_param(r, "ignore_laws"));
  const std::vector<const Document*> decisions = documents_of(ctx.c, {type});
  if (decisions.empty()) return Outcome::not_applicable;
  Outcome o = Outcome::not_checkable;
  for (const Document* d : decisions) {
    if (!readable(*d)) continue;
    // Substantive provisions count; those of procedural laws (ignore_laws:
    // 行政处罚法 for 加处罚款, 行政复议法 for remedies) are neither the violated
    // nor the penalty provision.
    std::set<std::string> cited, shown, procedural, procedural_articles;
    std::vector<std::string> evidence;
    for (const Fact& f : d->facts) {
      if (f.kind != "provision") continue;
      const std::vector<std::string> laws = laws_in(f.value);
      if (!laws.empty() && ignored_law(laws.front(), ignore)) {
        procedural.insert(f.value);
        const std::size_t close = f.value.find("》");
        for (const std::string& a : article_mentions(f.value.substr(close + 3))) procedural_articles.insert(a);
        continue;
      }
      shown.insert(f.value);
      if (cited.insert(fold(f.value)).second)
        evidence.push_back(doc_label(ctx.checklist, *d) + "：" + f.value + "（" + f.snippet + "）");
    }
    const Roles roles = roles_of(d->text, ignore);
    if (cited.size() >= min || (!roles.violated.empty() && !roles.basis.empty())) {
      if (o != Outcome::failed) o = Outcome::passed;
      continue;
    }
    std::set<std::string> mentions;
    for (const std::string& a : article_mentions(d->text))
      if (!procedural_articles.count(a)) mentions.insert(a);
    Finding f = finding_for(r, "consistency");
    f.message = fill_message(r.message, {{"document", doc_label(ctx.checklist, *d)},
                                         {"count", std::to_string(cited.size())},
                                         {"min", std::to_string(min)},
                                         {"cited", shown.empty() ? "无" : join(shown)},
                                         {"problem", missing_text(roles, shown, procedural)}});
    if (mentions.size() >= min) {
      f = manual_finding(r, doc_label(ctx.checklist, *d) + "中可识别的法律条文引用不足 " +
                                std::to_string(min) + " 条，但正文提及" + join(mentions) +
                                "，请人工核对是否写明违法行为所违反的条款和处罚依据条款（条、款、项）");
    } else {
      o = Outcome::failed;
    }
    f.document = type;
    f.stage = d->stage;
    f.evidence = evidence;
    if (!mentions.empty()) f.evidence.push_back("正文提及的条：" + join(mentions));
    out.push_back(std::move(f));
  }
  return o;
}

namespace {

std::u32string utf32(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) v = (v << 6) | (s[i + k] & 0x3F);
    out += v;
    i += n;
  }
  return out;
}

// "城乡规划法第40条" from "《中华人民共和国城乡规划法》第四十条第一款": the law
// without 《》, the 中华人民共和国 prefix and bracketed version notes, the
// article as a number. Empty when the value has no readable article.
std::string article_key(const std::string& provision) {
  const std::string t = normalize_for_match(provision);
  const std::size_t open = t.find("《"), close = t.find("》");
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::string law = t.substr(open + 3, close - open - 3);
  if (law.rfind("中华人民共和国", 0) == 0) law = law.substr(std::string("中华人民共和国").size());
  // A version note inside the name ("…条例(2021年修正)") is no other law.
  for (std::size_t p = law.find('('); p != std::string::npos; p = law.find('(')) {
    const std::size_t q = law.find(')', p);
    if (q == std::string::npos) break;
    law.erase(p, q + 1 - p);
  }
  const std::size_t di = t.find("第", close), tiao = t.find("条", close);
  if (di == std::string::npos || tiao == std::string::npos || tiao < di) return {};
  const std::string numeral = t.substr(di + 3, tiao - di - 3);
  std::optional<std::int64_t> n;
  if (!numeral.empty() && std::all_of(numeral.begin(), numeral.end(), ::isdigit))
    n = std::stoll(numeral);
  else
    n = cn::parse_cn_integer(utf32(numeral));
  if (!n) return {};
  return law + "第" + std::to_string(*n) + "条";
}

struct Citations {
  std::map<std::string, std::string> by_key;  // article key -> the provision as written
  std::vector<std::string> evidence;
  bool readable = false;
};

Citations citations_of(const RuleContext& ctx, const std::string& type,
                       const std::vector<std::string>& ignore) {
  Citations out;
  for (const Document* d : documents_of(ctx.c, {type})) {
    if (!auditor::readable(*d)) continue;
    out.readable = true;
    for (const Fact& f : d->facts) {
      if (f.kind != "provision") continue;
      const std::string key = article_key(f.value);
      if (key.empty()) continue;
      if (ignored_law(key.substr(0, key.find("第")), ignore)) continue;
      if (out.by_key.emplace(key, f.value).second)
        out.evidence.push_back(doc_label(ctx.checklist, *d) + "：" + f.value);
    }
  }
  return out;
}

// What `a` cites and `b` does not; with `only_articles`, only articles whose
// number is in it.
std::string only_in(const Citations& a, const Citations& b, const std::set<std::int64_t>* only_articles = nullptr) {
  std::string out;
  for (const auto& [key, written] : a.by_key) {
    if (b.by_key.count(key)) continue;
    if (only_articles) {
      const std::size_t di = key.rfind("第");
      if (di == std::string::npos || !only_articles->count(std::stoll(key.substr(di + 3)))) continue;
    }
    out += (out.empty() ? "" : "、") + written;
  }
  return out;
}

// The article numbers a document cites as its penalty basis.
std::set<std::int64_t> basis_articles(const RuleContext& ctx, const std::string& type) {
  std::set<std::int64_t> out;
  for (const Document* d : documents_of(ctx.c, {type}))
    for (const std::string& a : roles_of(d->text).basis) {
      const std::string numeral = a.substr(3, a.size() - 6);  // between 第 and 条
      std::optional<std::int64_t> n;
      if (!numeral.empty() && std::all_of(numeral.begin(), numeral.end(), ::isdigit))
        n = std::stoll(numeral);
      else
        n = cn::parse_cn_integer(utf32(numeral));
      if (n) out.insert(*n);
    }
  return out;
}

}  // namespace

Outcome provisions_changed(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string notice_type = rule_param(r, "notice"), decision_type = rule_param(r, "decision");
  if (documents_of(ctx.c, {notice_type}).empty() || documents_of(ctx.c, {decision_type}).empty())
    return Outcome::not_applicable;
  const std::vector<std::string> ignore = split_list(rule_param(r, "ignore_laws"));
  const Citations notice = citations_of(ctx, notice_type, ignore);
  const Citations decision = citations_of(ctx, decision_type, ignore);
  const std::string notice_title = doc_title(ctx.checklist, notice_type);
  const std::string decision_title = doc_title(ctx.checklist, decision_type);
  // Each document whose citations were not read, with why.
  std::string unread;
  for (const auto& [c, title] : {std::pair{&notice, &notice_title}, std::pair{&decision, &decision_title}}) {
    if (!c->by_key.empty()) continue;
    unread += (unread.empty() ? "" : "；") + *title +
              (c->readable ? "正文未见违法条款或处罚依据条款的引用" : "无可提取文本");
  }
  if (!unread.empty()) {
    Finding m = manual_finding(r, "未能识别所引用的法律条文（" + unread + "），请人工核对" + notice_title +
                                      "与" + decision_title + "引用的违法条款和处罚依据是否一致");
    m.document = decision_type;
    m.evidence = notice.evidence;
    m.evidence.insert(m.evidence.end(), decision.evidence.begin(), decision.evidence.end());
    out.push_back(std::move(m));
    return Outcome::not_checkable;
  }
  // A changed basis: an article of the notice the decision no longer cites,
  // or a penalty article of the decision the notice did not cite. A decision
  // that only adds the violated article to the notice's basis is no change.
  const std::set<std::int64_t> penalty_articles = basis_articles(ctx, decision_type);
  const std::string dropped = only_in(notice, decision),
                    added = only_in(decision, notice, &penalty_articles);
  if (dropped.empty() && added.empty()) return Outcome::passed;
  std::string change;
  if (!dropped.empty()) change = "告知书引用" + dropped + "，决定书未引用";
  if (!added.empty()) change += std::string(change.empty() ? "" : "；") + "决定书引用" + added + "，告知书未引用";
  bool explained = false;
  for (const Document* d : documents_of(ctx.c, {decision_type}))
    for (const std::string& w : split_list(rule_param(r, "explained_by")))
      if (normalize_for_match(d->text).find(normalize_for_match(w)) != std::string::npos) explained = true;
  Finding f = explained ? manual_finding(r, decision_title + "与" + notice_title + "引用的法律依据不同（" +
                                                change + "），决定书载有变更说明，请人工核对变更理由是否成立")
                        : finding_for(r, "consistency");
  if (!explained)
    f.message = fill_message(r.message, {{"notice", notice_title},
                                         {"decision", decision_title},
                                         {"change", change}});
  f.document = decision_type;
  if (const DocType* t = ctx.checklist.doc_type(decision_type)) f.stage = t->stage;
  f.evidence = notice.evidence;
  f.evidence.insert(f.evidence.end(), decision.evidence.begin(), decision.evidence.end());
  out.push_back(std::move(f));
  return explained ? Outcome::not_checkable : Outcome::failed;
}

}  // namespace auditor::consistency
