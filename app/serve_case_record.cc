#include "app/serve_case_record.h"

#include <algorithm>

#include "app/objection.h"
#include "app/review_session.h"
#include "store/case_access.h"
#include "store/typical.h"
#include "util/date.h"

namespace auditor {
namespace {

constexpr const char* kStreetRefused =
    "街道用户只能查看案卷、提出异议和报告整改情况，不能作出评查决定";

// The case `id` as `u` sees it, for a write only writers may make: nullopt
// when invisible, a refusal for a street user.
Result<std::optional<CaseTarget>> writable_target(const std::filesystem::path& db, long long id,
                                                  const User& u) {
  Result<std::optional<CaseTarget>> target = visible_case_target(db, id, u);
  if (!target || !*target) return target;
  if (!may_write(u)) return refused(kStreetRefused);
  return target;
}

ReviewScope scope_of(const std::filesystem::path& db, const CaseTarget& t) {
  return {db, t.round.name};
}

}  // namespace

Result<std::optional<RecordedAdded>> add_finding_on_case(const std::filesystem::path& db,
                                                         long long id, const User& u, NewFinding f,
                                                         const Checklist& checklist) {
  Result<std::optional<CaseTarget>> t = writable_target(db, id, u);
  if (!t) return t.failure();
  if (!*t) return std::optional<RecordedAdded>();
  f.inspector = u.name;
  Result<RecordedAdded> r = add_finding(scope_of(db, **t), (*t)->row.archive, f, checklist);
  if (!r) return with_file_name(r.failure(), (*t)->row);
  return std::optional<RecordedAdded>(std::move(*r));
}

Result<std::optional<Ruling>> rule_on_case(const std::filesystem::path& db, long long id,
                                           long long objection, const User& u, bool accept,
                                           const std::string& reason, const Checklist& checklist) {
  Result<std::optional<CaseView>> v = visible_case(db, id, u, checklist);
  if (!v) return v.failure();
  if (!*v || !objection_with((*v)->review.record, objection)) return std::optional<Ruling>();
  if (!may_write(u)) return refused("异议由评查人员裁定，街道用户不能裁定异议");
  Result<Ruling> r = rule_objection({db, (*v)->round.name}, objection, accept, reason, u.name);
  if (!r) return with_file_name(r.failure(), (*v)->row);
  return std::optional<Ruling>(std::move(*r));
}

Result<std::optional<RectifyItem>> rectify_on_case(const std::filesystem::path& db, long long id,
                                                   const User& u, NewRectification r,
                                                   const Checklist& checklist) {
  Result<std::optional<CaseTarget>> t = writable_target(db, id, u);
  if (!t) return t.failure();
  if (!*t) return std::optional<RectifyItem>();
  r.name = u.name;
  Result<RectifyItem> item =
      rectify_finding(scope_of(db, **t), (*t)->row.archive, r, checklist, Date::today());
  if (!item) return with_file_name(item.failure(), (*t)->row);
  return std::optional<RectifyItem>(std::move(*item));
}

Result<std::optional<RectifyUpdate>> update_rectification_on_case(
    const std::filesystem::path& db, long long id, long long item, const User& u,
    const std::string& status, const std::string& note, const Checklist& checklist) {
  Result<std::optional<CaseView>> v = visible_case(db, id, u, checklist);
  if (!v) return v.failure();
  if (!*v || !rectify_item_with((*v)->review.record, item)) return std::optional<RectifyUpdate>();
  Result<RectifyUpdate> r =
      update_rectification({db, (*v)->round.name}, item, status, note, u.name);
  if (!r) return with_file_name(r.failure(), (*v)->row);
  return std::optional<RectifyUpdate>(std::move(*r));
}

Result<std::optional<SignOff>> sign_on_case(const std::filesystem::path& db, long long id,
                                            const User& u, const std::string& role,
                                            const Checklist& checklist) {
  Result<std::optional<CaseTarget>> t = writable_target(db, id, u);
  if (!t) return t.failure();
  if (!*t) return std::optional<SignOff>();
  Result<SignOff> r = sign_case(scope_of(db, **t), (*t)->row.archive, role, u.name, checklist);
  if (!r) return with_file_name(r.failure(), (*t)->row);
  return std::optional<SignOff>(std::move(*r));
}

Result<std::optional<TypicalMark>> mark_typical_on_case(const std::filesystem::path& db,
                                                        long long id, const User& u,
                                                        TypicalChange c) {
  Result<std::optional<CaseTarget>> t = writable_target(db, id, u);
  if (!t) return t.failure();
  if (!*t) return std::optional<TypicalMark>();
  if (!c.remove && c.note.empty()) return refused("标记典型案例必须写明典型意义");
  c.case_id = (*t)->row.archive;
  c.inspector = u.name;
  Result<TypicalMark> r = mark_typical(scope_of(db, **t), c);
  if (!r) return with_file_name(r.failure(), (*t)->row);
  return std::optional<TypicalMark>(std::move(*r));
}

Result<std::optional<std::vector<TypicalMark>>> typical_marks_on_case(
    const std::filesystem::path& db, long long id, const User& u) {
  using Found = std::optional<std::vector<TypicalMark>>;
  Result<std::optional<CaseTarget>> t = visible_case_target(db, id, u);
  if (!t) return t.failure();
  if (!*t) return Found();
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  // Every case of the round: a mark belongs to a case by the round's rule
  // of case identity, which looks at the other cases' numbers.
  Result<std::vector<CaseRow>> rows = list_case_rows(**store, (*t)->round.id, std::nullopt);
  if (!rows) return rows.failure();
  Result<std::vector<TypicalMark>> marks = load_typical_marks(**store, (*t)->round.id);
  if (!marks) return marks.failure();
  std::vector<std::pair<std::optional<std::string>, std::string>> cases;
  std::size_t at = rows->size();
  for (const CaseRow& r : *rows) {
    if (r.id == id) at = cases.size();
    cases.emplace_back(r.case_number, r.archive);
  }
  if (at == rows->size()) return Found();
  std::vector<TypicalMark> mine = std::move(typical_in_force(*marks, cases)[at]);
  std::stable_partition(mine.begin(), mine.end(),
                        [](const TypicalMark& m) { return m.finding.empty(); });
  return Found(std::move(mine));
}

}  // namespace auditor
