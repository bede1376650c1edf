#include "app/review.h"

#include <set>

#include "app/review_session.h"
#include "app/round_plan.h"
#include "store/round_reader.h"
#include "store/typical.h"
#include "util/date.h"

namespace auditor {
namespace {

ReviewedCase reviewed_of(const ReviewSession& s, std::size_t i, const Checklist& checklist) {
  const Record& r = s.record(i);
  return review_case(s.data.cases[i].audit, decisions_of(r), added_of(r), checklist);
}

const Rule* rule_named(const Checklist& cl, const std::string& id) {
  for (const Rule& r : cl.rules)
    if (r.id == id) return &r;
  return nullptr;
}

bool known_severity(const std::string& s) {
  static const std::set<std::string> kSeverities = {"veto", "major", "minor", "info"};
  return kSeverities.count(s) > 0;
}

// The finding the inspector entered, or why it cannot be.
Result<Finding> entered_finding(const NewFinding& in, const Checklist& checklist) {
  Finding f;
  const bool other = in.rule.empty() || in.rule == "其他";
  f.rule = other ? "其他" : in.rule;
  const Rule* rule = other ? nullptr : rule_named(checklist, in.rule);
  if (!other && !rule)
    return refused("检查清单中没有规则 " + in.rule + "；不属于清单规则的问题请用「其他」");
  if (in.inspector.empty()) return refused("必须写明评查人（--as）");
  if (in.text.empty()) return refused("必须写明问题内容（--text）");
  if (!in.severity && !rule) return refused("「其他」问题必须写明严重程度（--severity）");
  if (!in.deduction && !rule) return refused("「其他」问题必须写明扣分（--deduction）");
  f.severity = in.severity ? *in.severity : rule->severity;
  f.deduction = in.deduction ? *in.deduction : rule->deduction;
  if (!known_severity(f.severity))
    return refused("严重程度只能是 veto、major、minor 或 info，不能是 " + f.severity);
  if (f.deduction < 0) return refused("扣分不能为负数");
  if (in.stage && (*in.stage < 1 || *in.stage > 8)) return refused("阶段只能是 1 到 8");
  if (in.page && *in.page < 1) return refused("页码必须从 1 开始");
  f.stage = in.stage ? in.stage : rule ? rule->stage : std::nullopt;
  f.document = in.document;
  f.basis = !in.basis.empty() ? in.basis : rule ? rule->basis : std::string();
  f.message = in.text;
  return f;
}

}  // namespace

Result<RoundReview> list_reviews(const ReviewScope& scope, const std::string& case_id,
                                 const Checklist& checklist) {
  Result<ReviewSession> s = ReviewSession::open(scope, false, true);
  if (!s) return s.failure();
  const RoundData& data = s->data;
  RoundReview out;
  out.round = data.round;
  out.second_review = data.second_review;
  if (!data.runs.empty() && data.runs.back().checklist_sha256 != checklist.sha256)
    out.checklist_note =
        "注意：本轮最近一次审查所用的检查清单或计分方案与现在不同，得分按现在的清单和方案计算";
  std::optional<std::size_t> only;
  if (!case_id.empty()) {
    Result<std::size_t> found = s->find_case(case_id);
    if (!found) return found.failure();
    only = *found;
  }
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    if (only && i != *only) continue;
    CaseReview c;
    c.ref = {case_key(data.facts[i].case_number, data.cases[i].c.archive), data.cases[i].c.archive};
    c.facts = data.facts[i];
    c.rejected = data.cases[i].c.rejected;
    c.record = s->record(i);
    c.state = record_state(c.record, data.second_review);
    if (!c.rejected) c.reviewed = reviewed_of(*s, i, checklist);
    c.rectification = recheck_case(c.record, data.cases[i].audit.findings, data.facts[i].run_id,
                                   Date::today().iso());
    out.cases.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<RoundReview>> list_reviews_if_recorded(const ReviewScope& scope,
                                                            const Checklist& checklist) {
  {
    Result<ReviewSession> s = ReviewSession::open(scope, false, false, false);
    if (!s) return s.failure();
    Result<Record> record = load_record(*s->store, s->data.round.id);
    if (!record) return record.failure();
    if (record->empty()) return std::optional<RoundReview>();
  }
  Result<RoundReview> all = list_reviews(scope, "", checklist);
  if (!all) return all.failure();
  return std::optional<RoundReview>(std::move(*all));
}

Result<RecordedDecision> decide_finding(const ReviewScope& scope, const std::string& case_id,
                                        const Decision& d) {
  return write_to_case<RecordedDecision>(
      scope, case_id, {" 的压缩包无法读取，没有可决定的问题"},
      [&](ReviewSession& s, std::size_t i) -> Result<RecordedDecision> {
        if (std::optional<Error> no = plan_refusal(s, i, d.inspector)) return *no;
        const Audit& audit = s.data.cases[i].audit;
        const std::vector<std::string> keys = finding_keys(audit.findings);
        std::size_t k = 0;
        while (k < keys.size() && keys[k] != d.key) ++k;
        if (k == keys.size())
          return refused(s.case_name(i) + " 没有编号为 " + d.key +
                         " 的问题；可用 auditor review list --case 查看各项的编号");
        if (std::string why = decision_problem(audit.findings[k], d); !why.empty())
          return refused(why);
        std::optional<long long> replaces;
        if (const RecordedDecision* latest = latest_decision(s.record(i), d.key))
          replaces = latest->id;
        Decision stamped = d;
        stamped.decided_at.clear();
        return record_decision(*s.store, s.data.round.id, s.ref(i), stamped, replaces);
      });
}

Result<RecordedAdded> add_finding(const ReviewScope& scope, const std::string& case_id,
                                  const NewFinding& f, const Checklist& checklist) {
  Result<Finding> finding = entered_finding(f, checklist);
  if (!finding) return finding.failure();
  return write_to_case<RecordedAdded>(
      scope, case_id, {" 的压缩包无法读取，不能添加问题"},
      [&](ReviewSession& s, std::size_t i) -> Result<RecordedAdded> {
        if (std::optional<Error> no = plan_refusal(s, i, f.inspector)) return *no;
        RecordedAdded a;
        a.added.finding = *finding;
        a.page = f.page;
        a.added.inspector = f.inspector;
        return record_added(*s.store, s.data.round.id, s.ref(i), a);
      });
}

Result<SignOff> sign_case(const ReviewScope& scope, const std::string& case_id,
                          const std::string& role, const std::string& name,
                          const Checklist& checklist) {
  if (role != kSignerRole && role != kReviewerRole)
    return refused("签字身份只能是评查人或复核人，不能是「" + role + "」");
  if (name.empty()) return refused("必须写明签字人（--as）");
  return write_to_case<SignOff>(
      scope, case_id, {" 的压缩包无法读取，没有可签字的评查表", false},
      [&](ReviewSession& s, std::size_t i) -> Result<SignOff> {
        if (std::optional<Error> no = plan_refusal(s, i, name)) return *no;
        const RecordState state = record_state(s.record(i), s.data.second_review);
        if (const SignOff* done = state.signed_as(role))
          return refused(s.case_name(i) + " 已由" + role + done->name + "于 " + done->signed_at +
                         " 签字；如需重新签字，请先用 auditor review reopen 写明理由重新打开");
        if (role == kSignerRole) {
          const ReviewedCase r = reviewed_of(s, i, checklist);
          if (r.provisional())
            return refused(s.case_name(i) + " 还有 " + std::to_string(r.undecided) +
                           " 项待定（未决定的问题或未核对的人工核对项），全部决定后才能签字");
        } else {
          if (!s.data.second_review)
            return refused("审查轮次「" + s.data.round.name +
                           "」未要求复核；需要复核时请先用 auditor round settings --second-review "
                           "yes 设置");
          const SignOff* signer = state.signed_as(kSignerRole);
          if (!signer) return refused(s.case_name(i) + " 尚未由评查人签字，复核人不能先签");
          if (signer->name == name) return refused("复核人不能与评查人是同一人（" + name + "）");
        }
        return record_signoff(*s.store, s.data.round.id, {s.ref(i), role, name, {}, 0});
      });
}

Result<Reopen> reopen_case(const ReviewScope& scope, const std::string& case_id,
                           const std::string& name, const std::string& reason) {
  if (name.empty()) return refused("必须写明重新打开的人（--as）");
  if (reason.empty()) return refused("重新打开已签字的案卷必须写明理由（--reason）");
  return write_to_case<Reopen>(
      scope, case_id, {" 的压缩包无法读取，没有可重新打开的评查表", false},
      [&](ReviewSession& s, std::size_t i) -> Result<Reopen> {
        if (!record_state(s.record(i), s.data.second_review).locked)
          return refused(s.case_name(i) + " 尚未签字，可以直接修改，无需重新打开");
        return record_reopen(*s.store, s.data.round.id, {s.ref(i), reason, name, {}, 0});
      });
}

Status set_round_settings(const ReviewScope& scope, const RoundSettings& settings) {
  if (!settings.second_review && !settings.rectify_days)
    return Status::failure("没有要设置的项目（--second-review 或 --rectify-days）");
  if (settings.rectify_days && (*settings.rectify_days < 1 || *settings.rectify_days > 365))
    return Status::failure("整改期限天数只能是 1 到 365");
  Result<ReviewSession> s = ReviewSession::open(scope, true, false, false);
  if (!s) return Status::failure(s.failure());
  const long long round = s->data.round.id;
  Result<bool> done = in_record_transaction<bool>(*s->store, [&]() -> Result<bool> {
    Status st = Status::success();
    if (settings.second_review)
      st = set_round_setting(*s->store, round, "second_review",
                             *settings.second_review ? "yes" : "no");
    if (st.ok() && settings.rectify_days)
      st = set_round_setting(*s->store, round, "rectify_days",
                             std::to_string(*settings.rectify_days));
    if (!st.ok()) return Error{st.reason, st.code};
    return true;
  });
  return done ? Status::success() : Status::failure(done.failure());
}

Result<TrailCheck> verify_record(const std::filesystem::path& db) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<TrailCheck> check = verify_trail(**store);
  if (!check) return check;
  // The typical marks against their trail rows (store/typical.h): the
  // earlier of the two first broken rows is reported.
  Result<std::optional<std::pair<long long, std::string>>> marks = check_typical_marks(**store);
  if (!marks) return marks.failure();
  if (*marks && (!check->broken_seq || (*marks)->first < *check->broken_seq)) {
    check->broken_seq = (*marks)->first;
    check->why = (*marks)->second;
  }
  return check;
}

}  // namespace auditor
