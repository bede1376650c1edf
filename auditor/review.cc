#include "auditor/review.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace auditor {
namespace {

constexpr std::pair<FindingVerdict, const char*> kVerdicts[] = {
    {FindingVerdict::suggested, "suggested"}, {FindingVerdict::confirmed, "confirmed"},
    {FindingVerdict::dismissed, "dismissed"}, {FindingVerdict::changed, "changed"},
    {FindingVerdict::passed, "passed"},       {FindingVerdict::failed, "failed"},
    {FindingVerdict::withdrawn, "withdrawn"}};

bool is_manual(const Finding& f) { return f.kind == "manual_check"; }

bool needs_reason(FindingVerdict v) {
  return v == FindingVerdict::dismissed || v == FindingVerdict::changed ||
         v == FindingVerdict::failed;
}

const Rule* rule_of(const Checklist& cl, const std::string& id) {
  for (const Rule& r : cl.rules)
    if (r.id == id) return &r;
  return nullptr;
}

// A settled manual check that failed: a finding of its rule, deducting as
// the rule does unless the decision says otherwise.
Finding failed_check(const Finding& f, const Decision& d, const Checklist& cl) {
  Finding out = f;
  if (const Rule* r = rule_of(cl, f.rule)) {
    out.kind = r->kind;
    out.severity = r->severity;
    out.deduction = r->deduction;
  } else {
    out.severity = "minor";
  }
  if (d.severity) out.severity = *d.severity;
  if (d.deduction) out.deduction = *d.deduction;
  out.message = f.message + "（人工核对：" + d.reason + "）";
  return out;
}

Finding changed(const Finding& f, const Decision& d) {
  Finding out = f;
  if (d.severity) out.severity = *d.severity;
  if (d.deduction) out.deduction = *d.deduction;
  if (d.message) out.message = *d.message;
  return out;
}

// The machine's findings deduct their rule's deduction again before the caps
// are applied to what is counted (a dismissed first finding lets the next
// one of its rule deduct).
Finding uncapped(Finding f, const Checklist& cl) {
  if (const Rule* r = rule_of(cl, f.rule); r && !is_manual(f) && f.deduction < r->deduction)
    f.deduction = r->deduction;
  return f;
}

// The score of `counted` findings: a check whose findings were all
// dismissed passes, a failed manual check fails its rule.
Score score_counted(std::vector<Finding> counted, const std::vector<Check>& checks,
                    const std::set<std::string>& failed_manual, const Checklist& cl) {
  std::set<std::string> with_findings;
  for (const Finding& f : counted) with_findings.insert(f.rule);
  std::vector<Check> adjusted = checks;
  for (Check& c : adjusted) {
    if (failed_manual.count(c.rule))
      c.outcome = Outcome::failed;
    else if (c.outcome == Outcome::failed && !with_findings.count(c.rule))
      c.outcome = Outcome::passed;
  }
  cap_deductions(counted, cl.rules, cl.scoring);
  return score_case(counted, adjusted, cl.rules, cl.scoring);
}

}  // namespace

std::vector<std::string> finding_keys(const std::vector<Finding>& findings) {
  std::map<std::pair<std::string, std::string>, int> seen;
  std::vector<std::string> keys;
  keys.reserve(findings.size());
  for (const Finding& f : findings) {
    const std::string rule = f.rule.empty() ? f.kind : f.rule;
    const std::string subject = f.document.value_or("case");
    const int n = ++seen[{rule, subject}];
    keys.push_back(rule + "@" + subject + "#" + std::to_string(n));
  }
  return keys;
}

const char* verdict_name(FindingVerdict v) {
  for (const auto& [verdict, name] : kVerdicts)
    if (verdict == v) return name;
  return "suggested";
}

std::optional<FindingVerdict> verdict_named(std::string_view name) {
  for (const auto& [verdict, n] : kVerdicts)
    if (name == n) return verdict;
  return std::nullopt;
}

const char* verdict_label(FindingVerdict v) {
  switch (v) {
    case FindingVerdict::suggested:
      return "待定";
    case FindingVerdict::confirmed:
      return "已确认";
    case FindingVerdict::dismissed:
      return "不予认定";
    case FindingVerdict::changed:
      return "已修改";
    case FindingVerdict::passed:
      return "核对无误";
    case FindingVerdict::failed:
      return "核对有问题";
    case FindingVerdict::withdrawn:
      return "异议已采纳";
  }
  return "待定";
}

std::string decision_problem(const Finding& f, const Decision& d) {
  if (d.verdict == FindingVerdict::suggested)
    return "决定必须是确认、不予认定、修改、核对无误或核对有问题";
  if (d.verdict == FindingVerdict::withdrawn)
    return "异议已采纳不是评查人的决定，只能由 auditor review rule 采纳异议而来";
  if (needs_reason(d.verdict) && d.reason.empty())
    return std::string(verdict_label(d.verdict)) + "必须写明理由";
  const bool settles = d.verdict == FindingVerdict::passed || d.verdict == FindingVerdict::failed;
  if (is_manual(f) && !settles) return "人工核对项只能标为核对无误或核对有问题";
  if (!is_manual(f) && settles) return "只有人工核对项才能标为核对无误或核对有问题";
  static const std::set<std::string> kSeverities = {"veto", "major", "minor", "info"};
  if (d.severity && !kSeverities.count(*d.severity))
    return "严重程度只能是 veto、major、minor 或 info，不能是 " + *d.severity;
  if (d.deduction && *d.deduction < 0) return "扣分不能为负数";
  if (d.inspector.empty()) return "必须写明评查人";
  return "";
}

std::optional<double> counted_deduction(const ReviewedItem& item) {
  if (item.counted) return item.counted->deduction;
  if (item.verdict == FindingVerdict::suggested && !is_manual(item.machine))
    return item.machine.deduction;
  return std::nullopt;
}

bool item_counts(const ReviewedItem& item) {
  return item.counted.has_value() && item.verdict != FindingVerdict::withdrawn;
}

const char* ruling_label(bool accepted) { return accepted ? "采纳" : "不予采纳"; }

std::string case_key(const std::optional<std::string>& case_number, const std::string& archive) {
  return case_number && !case_number->empty() ? *case_number : archive;
}

std::vector<Record> split_record(
    const Record& round,
    const std::vector<std::pair<std::optional<std::string>, std::string>>& cases) {
  std::map<std::string, std::size_t> by_number, by_archive;
  std::set<std::string> repeated;  // numbers of more than one case: the archive decides
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [number, archive] = cases[i];
    if (number && !number->empty() && !by_number.emplace(*number, i).second)
      repeated.insert(*number);
    by_archive.emplace(archive, i);
  }
  for (const std::string& n : repeated) by_number.erase(n);
  const auto owner = [&](const CaseRef& at) -> std::optional<std::size_t> {
    if (auto it = by_number.find(at.key); it != by_number.end()) return it->second;
    if (auto it = by_archive.find(at.archive); it != by_archive.end()) return it->second;
    return std::nullopt;
  };
  std::vector<Record> out(cases.size());
  for (const RecordedDecision& d : round.decisions)
    if (auto i = owner(d.at)) out[*i].decisions.push_back(d);
  for (const RecordedAdded& a : round.added)
    if (auto i = owner(a.at)) out[*i].added.push_back(a);
  for (const SignOff& s : round.signoffs)
    if (auto i = owner(s.at)) out[*i].signoffs.push_back(s);
  for (const Reopen& r : round.reopens)
    if (auto i = owner(r.at)) out[*i].reopens.push_back(r);
  for (const Objection& o : round.objections)
    if (auto i = owner(o.at)) out[*i].objections.push_back(o);
  for (const Ruling& r : round.rulings)
    if (auto i = owner(r.at)) out[*i].rulings.push_back(r);
  for (const RectifyItem& it : round.rectify_items)
    if (auto i = owner(it.at)) out[*i].rectify_items.push_back(it);
  for (const RectifyUpdate& u : round.rectify_updates)
    if (auto i = owner(u.at)) out[*i].rectify_updates.push_back(u);
  return out;
}

std::vector<Decision> decisions_of(const Record& r) {
  std::vector<std::pair<long long, Decision>> by_seq;
  by_seq.reserve(r.decisions.size() + r.rulings.size());
  for (const RecordedDecision& d : r.decisions) by_seq.emplace_back(d.seq, d.decision);
  for (const Ruling& ruling : r.rulings) {
    if (!ruling.accepted) continue;
    Decision d;
    d.key = ruling.finding;
    d.verdict = FindingVerdict::withdrawn;
    d.reason = ruling.reason;
    d.inspector = ruling.name;
    d.decided_at = ruling.ruled_at;
    by_seq.emplace_back(ruling.seq, std::move(d));
  }
  std::stable_sort(by_seq.begin(), by_seq.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Decision> out;
  out.reserve(by_seq.size());
  for (auto& [seq, d] : by_seq) out.push_back(std::move(d));
  return out;
}

std::vector<AddedFinding> added_of(const Record& r) {
  std::vector<AddedFinding> out;
  out.reserve(r.added.size());
  for (const RecordedAdded& a : r.added) out.push_back(a.added);
  return out;
}

const RecordedDecision* latest_decision(const Record& r, const std::string& key) {
  const RecordedDecision* latest = nullptr;
  for (const RecordedDecision& d : r.decisions)
    if (d.decision.key == key) latest = &d;
  return latest;
}

const Ruling* ruling_of(const Record& r, long long seq) {
  for (const Ruling& ruling : r.rulings)
    if (ruling.objection == seq) return &ruling;
  return nullptr;
}

const Objection* objection_with(const Record& r, long long seq) {
  for (const Objection& o : r.objections)
    if (o.seq == seq) return &o;
  return nullptr;
}

const RectifyItem* rectify_item_with(const Record& r, long long seq) {
  for (const RectifyItem& it : r.rectify_items)
    if (it.seq == seq) return &it;
  return nullptr;
}

const SignOff* RecordState::signed_as(const std::string& role) const {
  for (const SignOff& s : signoffs)
    if (s.role == role) return &s;
  return nullptr;
}

RecordState record_state(const Record& r, bool second_review) {
  long long reopened = 0;
  for (const Reopen& o : r.reopens) reopened = std::max(reopened, o.seq);
  RecordState out;
  for (const SignOff& s : r.signoffs)
    if (s.seq > reopened) out.signoffs.push_back(s);
  out.locked = !out.signoffs.empty();
  out.complete =
      out.signed_as(kSignerRole) && (!second_review || out.signed_as(kReviewerRole) != nullptr);
  return out;
}

ReviewedCase review_case(const Audit& audit, const std::vector<Decision>& decisions,
                         const std::vector<AddedFinding>& added, const Checklist& checklist) {
  const std::vector<std::string> keys = finding_keys(audit.findings);
  std::map<std::string, const Decision*> latest;
  for (const Decision& d : decisions) latest[d.key] = &d;

  ReviewedCase out;
  std::vector<Finding> as_is, at_least, at_most;  // score, min (all counted), max (none)
  std::set<std::string> failed_manual, failed_manual_min, present;
  for (std::size_t i = 0; i < audit.findings.size(); ++i) {
    const Finding f = uncapped(audit.findings[i], checklist);
    ReviewedItem item;
    item.key = keys[i];
    item.machine = audit.findings[i];
    present.insert(keys[i]);
    if (auto it = latest.find(keys[i]);
        it != latest.end() && (it->second->verdict == FindingVerdict::withdrawn ||
                               decision_problem(f, *it->second).empty())) {
      item.decision = *it->second;
      item.verdict = it->second->verdict;
    }
    switch (item.verdict) {
      case FindingVerdict::suggested:
        ++out.undecided;
        if (is_manual(f)) {
          Decision worst;
          worst.key = keys[i];
          worst.verdict = FindingVerdict::failed;
          worst.reason = "未核对";
          at_least.push_back(failed_check(f, worst, checklist));
          failed_manual_min.insert(f.rule);
        } else {
          as_is.push_back(f);
          at_least.push_back(f);
        }
        break;
      case FindingVerdict::confirmed:
        item.counted = f;
        break;
      case FindingVerdict::changed:
        item.counted = changed(f, *item.decision);
        break;
      case FindingVerdict::failed:
        item.counted = failed_check(f, *item.decision, checklist);
        failed_manual.insert(f.rule);
        failed_manual_min.insert(f.rule);
        break;
      case FindingVerdict::dismissed:
      case FindingVerdict::passed:
      case FindingVerdict::withdrawn:
        break;
    }
    if (item.counted) {
      as_is.push_back(*item.counted);
      at_least.push_back(*item.counted);
      at_most.push_back(*item.counted);
    }
    out.items.push_back(std::move(item));
  }
  for (const AddedFinding& a : added) {
    ReviewedItem item;
    item.key = a.key;
    item.machine = a.finding;
    item.verdict = FindingVerdict::confirmed;
    Decision entry;
    entry.key = a.key;
    entry.verdict = FindingVerdict::confirmed;
    entry.inspector = a.inspector;
    entry.decided_at = a.added_at;
    item.decision = entry;
    item.added = true;
    present.insert(a.key);
    if (auto it = latest.find(a.key);
        it != latest.end() && it->second->verdict == FindingVerdict::withdrawn) {
      item.verdict = FindingVerdict::withdrawn;
      item.decision = *it->second;
    } else {
      item.counted = a.finding;
      as_is.push_back(a.finding);
      at_least.push_back(a.finding);
      at_most.push_back(a.finding);
    }
    out.items.push_back(std::move(item));
  }
  for (const auto& [key, d] : latest)
    if (!present.count(key)) out.obsolete.push_back(*d);

  out.score = score_counted(as_is, audit.checks, failed_manual, checklist);
  out.min_score = score_counted(at_least, audit.checks, failed_manual_min, checklist).value;
  out.max_score = score_counted(at_most, audit.checks, failed_manual, checklist).value;
  return out;
}

const char* recheck_name(RecheckState s) {
  switch (s) {
    case RecheckState::not_yet:
      return "not_yet";
    case RecheckState::fixed:
      return "fixed";
    case RecheckState::open:
      return "open";
    case RecheckState::manual:
      return "manual";
  }
  return "not_yet";
}

const char* recheck_label(RecheckState s) {
  switch (s) {
    case RecheckState::not_yet:
      return "待复查";
    case RecheckState::fixed:
      return "已整改";
    case RecheckState::open:
      return "未整改";
    case RecheckState::manual:
      return "待人工复查";
  }
  return "待复查";
}

CaseRectification recheck_case(const Record& r, const std::vector<Finding>& findings, long long run,
                               const std::string& today) {
  const std::vector<std::string> keys = finding_keys(findings);
  const std::set<std::string> now(keys.begin(), keys.end());
  std::set<std::string> then;
  bool again = false;  // audited again since some item was made
  CaseRectification out;
  for (const RectifyItem& it : r.rectify_items) {
    RecheckedItem x;
    x.item = it;
    for (const RectifyUpdate& u : r.rectify_updates)
      if (u.item == it.seq) x.updates.push_back(u);
    if (!x.updates.empty()) x.status = x.updates.back().status, x.note = x.updates.back().note;
    if (it.run == run)
      x.recheck = RecheckState::not_yet;
    else if (!it.machine)
      x.recheck = RecheckState::manual;
    else
      x.recheck = now.count(it.finding) ? RecheckState::open : RecheckState::fixed;
    x.overdue = x.status != kRectifyDone && !it.due.empty() && it.due < today;
    again = again || it.run != run;
    then.insert(it.keys_then.begin(), it.keys_then.end());
    out.items.push_back(std::move(x));
  }
  if (!again) return out;
  std::set<std::string> decided;
  for (const Decision& d : decisions_of(r)) decided.insert(d.key);
  for (const std::string& k : keys)
    if (!then.count(k) && !decided.count(k)) out.new_findings.push_back(k);
  return out;
}

}  // namespace auditor
