#include "app/review_session.h"

#include "app/round_plan.h"
#include "auditor/draw.h"
#include "store/round_reader.h"

namespace auditor {

Result<std::unique_ptr<Store>> ReviewSession::open_store(const std::filesystem::path& db,
                                                         bool write, std::optional<RunLock>* lock) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db, ec))
    return Error{"数据库文件不存在：" + db.string() + "（请先用 auditor audit 审查案卷）",
                 Code::not_found};
  if (!write) return Store::open_read_only(db);
  if (Status s = Store::check_file(db); !s.ok())
    return Error{"无法打开数据库 " + db.string() + "：" + s.reason, s.code};
  Result<RunLock> taken = RunLock::acquire(db);
  if (!taken) return taken.failure();
  if (lock) lock->emplace(std::move(*taken));
  Result<std::unique_ptr<Store>> store = Store::open(db);
  if (!store) return Error{"无法打开数据库 " + db.string() + "：" + store.error(), store.code()};
  return store;
}

Result<ReviewSession> ReviewSession::open(const ReviewScope& scope, bool write, bool full,
                                          bool load, bool audits) {
  ReviewSession s;
  Result<std::unique_ptr<Store>> store = open_store(scope.db, write, &s.lock);
  if (!store) return store.failure();
  s.store = std::move(*store);
  Result<std::optional<RoundInfo>> round = find_round(*s.store, scope.round);
  if (!round) return round.failure();
  if (!*round)
    return Error{scope.round.empty() ? "数据库中还没有审查轮次，请先运行 auditor audit"
                                     : "数据库中没有名为「" + scope.round + "」的审查轮次",
                 Code::not_found};
  if (!load) {
    s.data.round = **round;
    return s;
  }
  Result<RoundData> data = load_round(*s.store, **round, full, audits);
  if (!data) return data.failure();
  s.data = std::move(*data);
  return s;
}

Status ReviewSession::load_audit(std::size_t i) { return load_case_audit(*store, data, i); }

Result<std::size_t> ReviewSession::find_case(const std::string& id) const {
  std::optional<std::size_t> by_archive, by_number;
  std::size_t numbered = 0;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    if (data.cases[i].c.archive == id) by_archive = i;
    if (data.facts[i].case_number == id) by_number = i, ++numbered;
  }
  if (by_archive) return *by_archive;
  if (numbered > 1)
    return Error{"审查轮次「" + data.round.name + "」中有 " + std::to_string(numbered) +
                     " 个案卷的案号都是 " + id + "，请用 --case 指定压缩包路径",
                 Code::invalid};
  if (by_number) return *by_number;
  return Error{"审查轮次「" + data.round.name + "」中没有案号或压缩包路径为「" + id + "」的案卷",
               Code::not_found};
}

CaseRef ReviewSession::ref(std::size_t i) const {
  return {case_key(data.facts[i].case_number, data.cases[i].c.archive), data.cases[i].c.archive};
}

std::string ReviewSession::case_name(std::size_t i) const {
  const Text& number = data.facts[i].case_number;
  const std::string& archive = data.cases[i].c.archive;
  return number ? "案卷 " + *number + "（" + archive + "）" : "案卷 " + archive;
}

const Record& ReviewSession::record(std::size_t i) const { return data.record(i); }

std::string ReviewSession::locked_reason(std::size_t i) const {
  const RecordState state = record_state(record(i), data.second_review);
  if (!state.locked) return "";
  const SignOff& s = state.signoffs.front();
  return case_name(i) + " 已由" + s.role + s.name + "于 " + s.signed_at +
         " 签字锁定；如需改动，请先用 auditor review reopen 写明理由重新打开";
}

std::optional<Error> plan_refusal(ReviewSession& s, std::size_t i, const std::string& name) {
  Result<RoundPlanRecord> r = read_round_plan(*s.store, s.data.round.id);
  if (!r) return r.failure();
  if (!r->plan || r->plan->inspectors.empty()) return std::nullopt;
  const Text& street = s.data.facts[i].street;
  std::string why;
  if (street && !street->empty())
    why = recusal_problem(*r->plan, name, street);
  else if (!r->plan->inspector(name))
    why = "「" + name + "」不在本轮评查计划的评查人员名单中";
  if (why.empty()) return std::nullopt;
  return refused(why);
}

}  // namespace auditor
