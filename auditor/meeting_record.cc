// Rule kind meeting, the record's content: signatures, dissent and the
// conclusion against the decision (contracts in meeting.h).
#include <algorithm>
#include <set>

#include "auditor/conditions.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting.h"
#include "auditor/meeting_facts.h"

namespace auditor {
namespace {

std::string names(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

std::string joined(const std::set<std::string>& items) {
  return names(std::vector<std::string>(items.begin(), items.end()));
}

// The record that decided: the latest dated, else the last on file.
const Document* deciding_record(const std::vector<const Document*>& records, const Checklist& cl) {
  const Document* best = records.back();
  std::optional<Date> best_date = own_date(*best, cl);
  for (const Document* d : records)
    if (std::optional<Date> v = own_date(*d, cl); v && (!best_date || *v > *best_date)) {
      best = d;
      best_date = v;
    }
  return best;
}

}  // namespace

Outcome meeting_signatures(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  return over_records(r, ctx, out, "请人工核对出席人员是否逐一签名", [&](const Document& d) {
    const std::string label = doc_label(cl, d);
    const std::vector<std::string> signers = fact_values(d, "meeting_signer");
    const bool blank = !fact_values(d, "meeting_unsigned").empty();
    std::string problem;
    if (signers.empty() && blank) {
      out.push_back(record_finding(
          r, cl, d, "manual_check",
          label + "的出席人员签名栏为空（电子文本），请核对原件是否由出席人员逐一签名"));
      return RecordVerdict::unknown;
    }
    if (signers.empty()) {
      problem = "未见出席人员签名";
    } else {
      std::set<std::string> signed_keys;
      for (const std::string& s : signers) signed_keys.insert(name_key(s));
      std::vector<std::string> missing;
      for (const Attendee& a : voters_of(d))
        if (!signed_keys.count(name_key(a.name))) missing.push_back(a.name);
      if (missing.empty()) return RecordVerdict::passed;
      problem = "参加人员" + names(missing) + "未签名";
    }
    Finding f = record_finding(r, cl, d, "meeting");
    f.message = fill_message(r.message, {{"document", label}, {"problem", problem}});
    if (!signers.empty()) f.evidence.push_back("签名：" + names(signers));
    out.push_back(std::move(f));
    return RecordVerdict::failed;
  });
}

Outcome meeting_dissent(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const char* ask = "请人工核对是否记录了参会人员的意见及不同意见";
  return over_records(r, ctx, out, ask, [&](const Document& d) {
    const std::string label = doc_label(cl, d);
    const std::vector<std::string> dissent = fact_values(d, "dissent");
    const std::vector<std::string> vote = fact_values(d, "meeting_vote");
    const auto has = [](const std::vector<std::string>& v, const char* x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    if (has(dissent, "recorded")) return RecordVerdict::passed;
    if (has(vote, "majority")) {
      Finding f = record_finding(r, cl, d, "meeting");
      f.message = fill_message(
          r.message,
          {{"document", label}, {"problem", "记录为多数同意，但未载明不同意见及其理由"}});
      out.push_back(std::move(f));
      return RecordVerdict::failed;
    }
    if (has(vote, "unanimous") || has(dissent, "none")) return RecordVerdict::passed;
    std::set<std::string> spoke;
    for (const std::string& n : fact_values(d, "meeting_opinion")) spoke.insert(name_key(n));
    const std::vector<Attendee> voters = voters_of(d);
    if (!voters.empty() && std::all_of(voters.begin(), voters.end(), [&](const Attendee& a) {
          return spoke.count(name_key(a.name)) > 0;
        }))
      return RecordVerdict::passed;
    // Nothing said of the vote: whether anyone dissented is not known.
    out.push_back(record_finding(r, cl, d, "manual_check",
                                 label +
                                     "未载明参会人员的表决意见及有无不同意见，请人工核对讨论中有无"
                                     "不同意见及是否如实记录"));
    return RecordVerdict::unknown;
  });
}

Outcome meeting_conclusion(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> records = records_of(r, ctx.c, "collective_discussion");
  const std::vector<const Document*> decisions =
      documents_of(ctx.c, split_list(rule_param(r, "decision")));
  if (records.empty() || decisions.empty()) return Outcome::not_applicable;
  const Document& record = *deciding_record(records, cl);
  const Document& decision = *decisions.front();
  const std::string label = doc_label(cl, record);
  const std::string decision_label = doc_label(cl, decision);
  if (!readable(record) || !readable(decision)) {
    out.push_back(
        record_finding(r, cl, readable(record) ? decision : record, "manual_check",
                       (readable(record) ? decision_label : label) +
                           "无可提取文字，请人工核对讨论结论与处罚决定的处罚种类和数额一致"));
    return Outcome::not_checkable;
  }
  const std::vector<std::string> conclusion = fact_values(record, "meeting_conclusion");
  if (conclusion.empty()) {
    out.push_back(record_finding(r, cl, record, "manual_check",
                                 "未能从" + label +
                                     "中识别讨论结论（结论意见、讨论决定、会审意见），请人工核对"
                                     "结论与" +
                                     decision_label + "的处罚种类和数额一致"));
    return Outcome::not_checkable;
  }
  std::set<std::string> concluded, decided;
  for (const std::string& k : fact_values(record, "conclusion_penalty")) concluded.insert(k);
  for (const std::string& k : fact_values(decision, "penalty_kind")) decided.insert(k);
  if (decision.type == "no_penalty_decision") decided.insert("不予处罚");
  std::vector<std::string> problems;
  if (!concluded.empty() && !decided.empty() && concluded != decided)
    problems.push_back("处罚种类为" + joined(concluded) + "，决定书为" + joined(decided));
  const std::vector<std::string> fines = fact_values(record, "conclusion_fine");
  Text decided_fine = first_fact(decision, "fine");
  const std::optional<double> decided_yuan =
      decided_fine ? fact_amount(*decided_fine) : std::nullopt;
  if (decided_yuan && !fines.empty() &&
      std::none_of(fines.begin(), fines.end(),
                   [&](const std::string& f) { return fact_amount(f) == decided_yuan; }))
    problems.push_back("罚款" + names(fines) + "元，决定书为" + *decided_fine + "元");
  if (!problems.empty()) {
    std::string problem;
    for (const std::string& p : problems) problem += (problem.empty() ? "" : "；") + p;
    Finding f = record_finding(r, cl, record, "meeting");
    f.message = fill_message(
        r.message, {{"document", label}, {"decision", decision_label}, {"problem", problem}});
    f.evidence.push_back("讨论结论：" + conclusion.front());
    f.evidence.push_back(decision_label);
    out.push_back(std::move(f));
    return Outcome::failed;
  }
  // Nothing to compare: the conclusion states no kind (同意承办人意见), or
  // a fine without its amount.
  const bool no_kinds = concluded.empty();
  const bool no_amount = concluded.count("罚款") && fines.empty() && decided_fine;
  if (no_kinds || no_amount) {
    out.push_back(record_finding(r, cl, record, "manual_check",
                                 label + "的讨论结论（“" + conclusion.front() + "”）未载明" +
                                     (no_kinds ? "处罚种类" : "罚款数额") + "，请人工核对与" +
                                     decision_label + "一致"));
    return Outcome::not_checkable;
  }
  return Outcome::passed;
}

}  // namespace auditor
