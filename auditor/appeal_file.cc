// Rule kind appeal (contracts in appeal.h): what the answer file says — the
// agents of its power of attorney, documents the penalty checklist types
// otherwise, the decision it answers for, and the outcome read.
#include <algorithm>
#include <map>
#include <set>

#include "auditor/appeal.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting_facts.h"

namespace auditor {

// agents: at least one agent of the organ's own staff (行政诉讼法第三条第三款
// and the district guide: the organ answers through its people, a lawyer may
// assist). A lawyer only: finding; a role not written: manual check.
Outcome check_appeal_agents(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  std::vector<std::string> titles = split_list(rule_param(r, "titles", "授权委托书,委托书"));
  const std::vector<const Document*> powers = documents_titled(ctx.c, titles);
  if (powers.empty()) return Outcome::not_applicable;  // titled_present says it is missing
  std::map<std::string, std::set<std::string>> roles;  // name → roles written
  std::vector<std::string> evidence, unread;
  for (const Document* d : powers) {
    if (!readable(*d)) {
      unread.push_back(doc_label(cl, *d));
      continue;
    }
    for (const std::string& v : fact_values(*d, "appeal_agent")) {
      const std::size_t bar = v.find('|');
      roles[v.substr(0, bar)].insert(v.substr(bar + 1));
      evidence.push_back(doc_label(cl, *d) + "：" + v.substr(0, bar) + "（" +
                         (v.substr(bar + 1) == "staff"    ? "本机关工作人员"
                          : v.substr(bar + 1) == "lawyer" ? "律师"
                                                          : "身份未写明") +
                         "）");
    }
  }
  std::vector<std::string> lawyers, unknown;
  for (const auto& [name, rs] : roles) {
    if (rs.count("staff")) return Outcome::passed;
    (rs.count("lawyer") ? lawyers : unknown).push_back(name);
  }
  const auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : "、") + x;
    return s;
  };
  if (roles.empty() || !unknown.empty() || !unread.empty()) {
    std::string why = roles.empty() ? "未能从授权委托书中读取受托人" : "";
    if (!unknown.empty())
      why +=
          (why.empty() ? "" : "；") + ("受托人" + join(unknown) + "的身份（工作人员或律师）未写明");
    if (!unread.empty()) why += (why.empty() ? "" : "；") + join(unread) + "无可提取文本";
    Finding f = manual_finding(r, why + "，请人工核对是否委托了本机关工作人员：" + r.description);
    f.evidence = evidence;
    out.push_back(std::move(f));
    return Outcome::not_checkable;
  }
  Finding f = finding_for(r, "appeal");
  f.message = fill_message(
      r.message, {{"agents", join(lawyers)}, {"document", doc_label(cl, *powers.front())}});
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

// titled_present: a document titled one of `titles` is on file, whatever its
// type (授权委托书 and 法定代表人身份证明 are `evidence` in the penalty checklist).
Outcome check_appeal_titled(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::vector<std::string> titles = split_list(rule_param(r, "titles"));
  if (!documents_titled(ctx.c, titles).empty()) return Outcome::passed;
  Finding f = finding_for(r, "missing_document");
  const std::string name = rule_param(r, "name", titles.front());
  f.message = fill_message(r.message, {{"document", "《" + name + "》"}});
  std::string looked;
  for (const std::string& t : titles) looked += (looked.empty() ? "" : "、") + t;
  f.evidence = {"查找了标题或文件名含以下字样的文书：" + looked};
  add_unknown_documents(ctx.c, f.evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

namespace {

std::vector<std::string> numbers_of(const Document& d) {
  std::vector<std::string> out = fact_values(d, "doc_number");
  for (const std::string& v : fact_values(d, "cited_number")) out.push_back(v);
  return out;
}

}  // namespace

// cited_decision: the penalty decision's number, party and case number as
// the answer writes them equal the decision on file (the copy answered for).
Outcome check_appeal_cited(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> answers =
      documents_of(ctx.c, split_list(rule_param(r, "answer")));
  const std::string decision_type = rule_param(r, "decision", "penalty_decision");
  const std::vector<const Document*> decisions = documents_of(ctx.c, {decision_type});
  if (answers.empty() || decisions.empty()) return Outcome::not_applicable;
  const Document& decision = *decisions.front();
  if (!readable(decision)) return Outcome::not_checkable;
  const DocType* t = cl.doc_type(decision_type);
  const std::string abbreviation = t ? t->abbreviation : "";
  std::string number = decision.number.value_or("");
  if (number.empty())
    for (const std::string& v : fact_values(decision, "doc_number")) {
      number = v;
      break;
    }
  std::vector<std::string> problems, evidence;
  for (const Document* a : answers) {
    if (!readable(*a)) continue;
    if (!number.empty() && !abbreviation.empty())
      for (const std::string& n : numbers_of(*a))
        if (n.find(abbreviation) != std::string::npos && fold(n) != fold(number)) {
          problems.push_back(doc_label(cl, *a) + "所引决定书文号“" + n + "”与卷内《" +
                             (t ? t->name : decision_type) + "》文号“" + number + "”不一致");
          evidence.push_back(doc_label(cl, *a) + "：" + n);
        }
    const std::vector<std::string> parties = fact_values(decision, "party");
    for (const std::string& p : fact_values(*a, "appeal_party")) {
      if (parties.empty()) break;
      bool same = false;
      for (const std::string& q : parties) same = same || name_key(p) == name_key(q);
      if (!same) {
        problems.push_back(doc_label(cl, *a) + "所载申请人（原告）“" + p + "”与处罚决定的当事人“" +
                           parties.front() + "”不一致");
        evidence.push_back(doc_label(cl, *a) + "：" + p);
      }
    }
    const std::vector<std::string> own_case = fact_values(decision, "case_number");
    const std::string case_number =
        ctx.c.info.case_number.value_or(own_case.empty() ? "" : own_case.front());
    if (!case_number.empty())
      for (const std::string& n : fact_values(*a, "case_number"))
        // Only a penalty case number (立): an answer's 案号 may be the
        // court's or the review body's (（2025）粤0105行初123号).
        if (n.find("立") != std::string::npos && fold(n) != fold(case_number)) {
          problems.push_back(doc_label(cl, *a) + "所载案号“" + n + "”与处罚案件案号“" +
                             case_number + "”不一致");
          evidence.push_back(doc_label(cl, *a) + "：" + n);
        }
  }
  if (problems.empty()) return Outcome::passed;
  std::string list;
  for (const std::string& p : problems) list += (list.empty() ? "" : "；") + p;
  Finding f = finding_for(r, "appeal");
  f.document = answers.front()->type.value_or("");
  f.message = fill_message(r.message, {{"problem", list}});
  evidence.push_back(doc_label(cl, decision) + "：" + (number.empty() ? "文号未读取" : number));
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

// outcome: each outcome document on file states a result the reader knows
// (appeal_outcome); a scan or an unread result is a manual check.
Outcome check_appeal_outcome(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> docs =
      documents_of(ctx.c, split_list(rule_param(r, "documents")));
  if (docs.empty()) return Outcome::not_applicable;
  bool unread = false;
  for (const Document* d : docs) {
    if (readable(*d) && !fact_values(*d, "appeal_outcome").empty()) continue;
    unread = true;
    out.push_back(manual_finding(
        r, doc_label(cl, *d) +
               (readable(*d) ? "未能读取复议或裁判结果（维持、撤销、确认违法、变更、驳回等）"
                             : "无可提取文本") +
               "，请人工核对并登记结果：" + r.description));
  }
  return unread ? Outcome::not_checkable : Outcome::passed;
}

}  // namespace auditor
