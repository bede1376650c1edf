// consistency check provisions_changed: the articles cited by the notice
// (事先告知书) and by the decision, compared per law and article (款/项 depth,
// the 中华人民共和国 prefix, version notes and numeral style ignored; laws whose
// name contains an `ignore_laws` word, e.g. the procedural 行政处罚法, left
// out). A changed basis — a notice article the decision dropped, or a
// decision penalty article the notice lacked — that the decision explains
// (explained_by words) is a manual check; an unexplained one a finding. A
// notice or decision without readable citations is a manual check naming it.
#include <algorithm>
#include <map>
#include <set>

#include "auditor/consistency.h"
#include "auditor/consistency_citations.h"
#include "auditor/kind_helpers.h"
#include "util/text_match.h"

namespace auditor::consistency {
namespace {

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
  const std::optional<std::int64_t> n = article_number(numeral);
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
std::string only_in(const Citations& a, const Citations& b,
                    const std::set<std::int64_t>* only_articles = nullptr) {
  std::string out;
  for (const auto& [key, written] : a.by_key) {
    if (b.by_key.count(key)) continue;
    if (only_articles) {
      const std::size_t di = key.rfind("第");
      if (di == std::string::npos || !only_articles->count(std::stoll(key.substr(di + 3))))
        continue;
    }
    out += (out.empty() ? "" : "、") + written;
  }
  return out;
}

// The article numbers a document cites as its penalty basis.
std::set<std::int64_t> basis_articles(const RuleContext& ctx, const std::string& type,
                                      const std::vector<std::string>& ignore) {
  std::set<std::int64_t> out;
  for (const Document* d : documents_of(ctx.c, {type}))
    for (const std::string& a : roles_of(d->text, ignore).basis) {
      if (auto n = article_number(a.substr(3, a.size() - 6))) out.insert(*n);  // between 第 and 条
    }
  return out;
}

}  // namespace

Outcome provisions_changed(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string notice_type = rule_param(r, "notice"),
                    decision_type = rule_param(r, "decision");
  if (documents_of(ctx.c, {notice_type}).empty() || documents_of(ctx.c, {decision_type}).empty())
    return Outcome::not_applicable;
  const std::vector<std::string> ignore = split_list(rule_param(r, "ignore_laws"));
  const Citations notice = citations_of(ctx, notice_type, ignore);
  const Citations decision = citations_of(ctx, decision_type, ignore);
  const std::string notice_title = doc_title(ctx.checklist, notice_type);
  const std::string decision_title = doc_title(ctx.checklist, decision_type);
  // Each document whose citations were not read, with why.
  std::string unread;
  for (const auto& [c, title] :
       {std::pair{&notice, &notice_title}, std::pair{&decision, &decision_title}}) {
    if (!c->by_key.empty()) continue;
    unread += (unread.empty() ? "" : "；") + *title +
              (c->readable ? "正文未见违法条款或处罚依据条款的引用" : "无可提取文本");
  }
  if (!unread.empty()) {
    Finding m =
        manual_finding(r, "未能识别所引用的法律条文（" + unread + "），请人工核对" + notice_title +
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
  const std::set<std::int64_t> penalty_articles = basis_articles(ctx, decision_type, ignore);
  const std::string dropped = only_in(notice, decision),
                    added = only_in(decision, notice, &penalty_articles);
  if (dropped.empty() && added.empty()) return Outcome::passed;
  std::string change;
  if (!dropped.empty()) change = "告知书引用" + dropped + "，决定书未引用";
  if (!added.empty())
    change += std::string(change.empty() ? "" : "；") + "决定书引用" + added + "，告知书未引用";
  bool explained = false;
  for (const Document* d : documents_of(ctx.c, {decision_type}))
    for (const std::string& w : split_list(rule_param(r, "explained_by")))
      if (normalize_for_match(d->text).find(normalize_for_match(w)) != std::string::npos)
        explained = true;
  Finding f = explained ? manual_finding(
                              r, decision_title + "与" + notice_title + "引用的法律依据不同（" +
                                     change + "），决定书载有变更说明，请人工核对变更理由是否成立")
                        : finding_for(r, "consistency");
  if (!explained)
    f.message = fill_message(
        r.message, {{"notice", notice_title}, {"decision", decision_title}, {"change", change}});
  f.document = decision_type;
  if (const DocType* t = ctx.checklist.doc_type(decision_type)) f.stage = t->stage;
  f.evidence = notice.evidence;
  f.evidence.insert(f.evidence.end(), decision.evidence.begin(), decision.evidence.end());
  out.push_back(std::move(f));
  return explained ? Outcome::not_checkable : Outcome::failed;
}

}  // namespace auditor::consistency
