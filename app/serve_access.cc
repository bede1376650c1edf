#include "app/serve_access.h"

#include <map>

#include "app/review_session.h"
#include "app/round_plan.h"
#include "app/serve_round_state.h"
#include "store/case_reader.h"
#include "store/record.h"
#include "util/date.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxRoundName = 200;  // bytes

// The name in the round's kRoundCreateAction row; "" when none.
Result<std::string> round_creator(Store& store, long long round_id) {
  Result<std::vector<TrailEntry>> rows = load_trail_entries(store, round_id, {kRoundCreateAction});
  if (!rows) return rows.failure();
  if (rows->empty()) return std::string();
  const nlohmann::json& by = rows->front().payload["by"];
  return by.is_string() ? by.get<std::string>() : std::string();
}

Result<bool> may_open(Store& store, const RoundInfo& round, const User& u) {
  switch (u.role) {
    case UserRole::admin:
      return true;
    case UserRole::inspector: {
      Result<RoundPlanRecord> plan = read_round_plan(store, round.id);
      if (!plan) return plan.failure();
      if (plan->plan && plan->plan->inspector(u.name)) return true;
      Result<std::string> creator = round_creator(store, round.id);
      if (!creator) return creator.failure();
      return !creator->empty() && *creator == u.name;
    }
    case UserRole::street:
      return round_has_street_case(store, round.id, u.street.value_or(std::string()));
  }
  return false;
}

// The round `id` opened by `u` in `store`; nullopt when absent or not theirs.
Result<std::optional<RoundInfo>> round_for(Store& store, long long id, const User& u) {
  Result<std::optional<RoundInfo>> round = round_by_id(store, id);
  if (!round || !*round) return round;
  Result<bool> ok = may_open(store, **round, u);
  if (!ok) return ok.failure();
  if (!*ok) return std::optional<RoundInfo>();
  return round;
}

// The case `id` and its round when `u` may see both.
Result<std::optional<CaseTarget>> case_for(Store& store, long long id, const User& u) {
  using Found = std::optional<CaseTarget>;
  Result<std::optional<CaseRow>> row = find_case_row(store, id, street_scope(u));
  if (!row) return row.failure();
  if (!*row) return Found();
  Result<std::optional<RoundInfo>> round = round_for(store, (*row)->round_id, u);
  if (!round) return round.failure();
  if (!*round) return Found();
  return Found(CaseTarget{**row, **round});
}

// The reviewed state of the stored case `row` of `round` of `db` (its audit
// in `result`): the composition list_reviews (app/review.cc) makes for each
// case of a round, with the case's share of the record from the round's
// cached state instead of loading the round.
Result<CaseReview> review_of(Store& store, const std::filesystem::path& db, const RoundInfo& round,
                             const CaseRow& row, const CaseResult& result,
                             const Checklist& checklist) {
  CaseReview c;
  c.ref = {case_key(row.case_number, row.archive), row.archive};
  c.facts.case_number = row.case_number;
  c.facts.street = row.street;
  c.facts.run_id = row.run_id;
  c.rejected = row.rejected;
  Result<std::optional<std::string>> second = round_setting(store, round.id, "second_review");
  if (!second) return second.failure();
  const std::string today = Date::today().iso();
  Result<std::shared_ptr<const RoundState>> state =
      round_state(store, db, round.id, checklist, today);
  if (!state) return state.failure();
  if (const Record* r = (*state)->record_of(row.id)) c.record = *r;
  c.state = record_state(c.record, second->value_or("") == "yes");
  if (!c.rejected)
    c.reviewed = review_case(result.audit, decisions_of(c.record), added_of(c.record), checklist);
  c.rectification = recheck_case(c.record, result.audit.findings, row.run_id, today);
  return c;
}

}  // namespace

Status check_serve_database(const std::filesystem::path& db) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return Status::failure(store.failure());
  return Status::success();
}

std::optional<std::string> street_scope(const User& u) {
  if (u.role != UserRole::street) return std::nullopt;
  return u.street.value_or(std::string());
}

bool may_write(const User& u) { return u.role == UserRole::admin || u.role == UserRole::inspector; }

Result<std::vector<RoundInfo>> visible_rounds(const std::filesystem::path& db, const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::vector<RoundInfo>> all = list_rounds(**store);
  if (!all) return all;
  // A street's rounds are those holding its cases: one pass over the cases.
  std::map<long long, std::size_t> counts;
  if (u.role == UserRole::street) {
    Result<std::map<long long, std::size_t>> c = case_counts(**store, street_scope(u));
    if (!c) return c.failure();
    counts = std::move(*c);
  }
  std::vector<RoundInfo> out;
  for (RoundInfo& r : *all) {
    Result<bool> ok =
        u.role == UserRole::street ? Result<bool>(counts.count(r.id) > 0) : may_open(**store, r, u);
    if (!ok) return ok.failure();
    if (*ok) out.push_back(std::move(r));
  }
  return out;
}

Result<std::optional<RoundInfo>> visible_round(const std::filesystem::path& db, long long id,
                                               const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  return round_for(**store, id, u);
}

Result<std::optional<RoundInfo>> create_round(const std::filesystem::path& db,
                                              const std::string& name, const std::string& mode,
                                              const User& by) {
  if (!may_write(by)) return refused("街道用户不能新建审查轮次");
  if (name.empty() || name.size() > kMaxRoundName || valid_utf8(name) != name)
    return refused("审查轮次名称不能为空，且不超过 200 字节");
  for (unsigned char ch : name)
    if (ch < 0x20 || ch == 0x7f) return refused("审查轮次名称不能含控制字符");
  Result<std::string> stored_mode = round_mode(mode);
  if (!stored_mode) return stored_mode.failure();
  std::optional<RunLock> lock;
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, true, &lock);
  if (!store) return store.failure();
  return in_record_transaction<std::optional<RoundInfo>>(
      **store, [&]() -> Result<std::optional<RoundInfo>> {
        Result<std::optional<RoundInfo>> round = insert_round(**store, name, *stored_mode);
        if (!round || !*round) return round;
        nlohmann::json payload = {{"name", name}, {"mode", *stored_mode}, {"by", by.name}};
        Result<long long> seq = append_trail(**store, (*round)->id, kRoundCreateAction, payload);
        if (!seq) return seq.failure();
        return round;
      });
}

Result<std::optional<CasePage>> visible_cases(const std::filesystem::path& db, long long id,
                                              const User& u, const Checklist& checklist,
                                              std::size_t offset, std::size_t limit) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::optional<RoundInfo>> round = round_for(**store, id, u);
  if (!round) return round.failure();
  if (!*round) return std::optional<CasePage>();
  Result<std::shared_ptr<const RoundState>> state =
      round_state(**store, db, id, checklist, Date::today().iso());
  if (!state) return state.failure();
  CasePage page;
  for (const RoundCase& c : (*state)->cases) {
    if (!in_scope(c.item.row, street_scope(u))) continue;
    if (page.total >= offset && page.total - offset < limit) page.cases.push_back(c.item);
    ++page.total;
  }
  return std::optional<CasePage>(std::move(page));
}

Result<std::map<long long, std::size_t>> visible_case_counts(const std::filesystem::path& db,
                                                             const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  return case_counts(**store, street_scope(u));
}

Result<std::optional<CaseTarget>> visible_case_target(const std::filesystem::path& db, long long id,
                                                      const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  return case_for(**store, id, u);
}

Result<std::optional<CaseView>> visible_case(const std::filesystem::path& db, long long id,
                                             const User& u, const Checklist& checklist,
                                             bool texts) {
  CaseView view;
  {
    Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
    if (!store) return store.failure();
    auto found = case_for(**store, id, u);
    if (!found) return found.failure();
    if (!*found) return std::optional<CaseView>();
    view.row = (*found)->row;
    view.round = (*found)->round;
    CaseLoader loader(**store);
    Result<CaseResult> loaded = loader.load(id, texts ? Load::full : Load::summary);
    if (!loaded) return loaded.failure();
    view.result = std::move(*loaded);
    Result<CaseReview> review =
        review_of(**store, db, view.round, view.row, view.result, checklist);
    if (!review) return review.failure();
    view.review = std::move(*review);
  }
  return std::optional<CaseView>(std::move(view));
}

Error with_file_name(Error e, const CaseRow& row) {
  const std::string name = std::filesystem::path(row.archive).filename().string();
  if (row.archive.empty() || name == row.archive) return e;
  for (std::size_t at = e.reason.find(row.archive); at != std::string::npos;
       at = e.reason.find(row.archive, at + name.size()))
    e.reason.replace(at, row.archive.size(), name);
  return e;
}

Result<std::optional<RecordedDecision>> decide_on_case(const std::filesystem::path& db,
                                                       long long id, const User& u, Decision d) {
  Result<std::optional<CaseTarget>> target = visible_case_target(db, id, u);
  if (!target) return target.failure();
  if (!*target) return std::optional<RecordedDecision>();
  if (!may_write(u)) return refused("街道用户只能查看案卷和提出异议，不能作出评查决定");
  d.inspector = u.name;
  Result<RecordedDecision> r =
      decide_finding({db, (*target)->round.name}, (*target)->row.archive, d);
  if (!r) return with_file_name(r.failure(), (*target)->row);
  return std::optional<RecordedDecision>(std::move(*r));
}

Result<std::optional<Objection>> object_on_case(const std::filesystem::path& db, long long id,
                                                const User& u, const std::string& finding,
                                                const std::string& reason,
                                                const Checklist& checklist) {
  Result<std::optional<CaseTarget>> target = visible_case_target(db, id, u);
  if (!target) return target.failure();
  if (!*target) return std::optional<Objection>();
  if (u.role == UserRole::inspector) return refused("异议由被评查的街道提出，评查人员不能提出异议");
  NewObjection o{finding, reason, u.name, u.role == UserRole::street ? u.street.value_or("") : ""};
  Result<Objection> r =
      object_finding({db, (*target)->round.name}, (*target)->row.archive, o, checklist);
  if (!r) return with_file_name(r.failure(), (*target)->row);
  return std::optional<Objection>(std::move(*r));
}

Result<std::optional<User>> active_user(const std::filesystem::path& db, const std::string& name) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::optional<StoredUser>> found = find_user(**store, name);
  if (!found) return found.failure();
  if (!*found || (*found)->user.disabled) return std::optional<User>();
  return std::optional<User>((*found)->user);
}

}  // namespace auditor
