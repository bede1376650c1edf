#include "app/serve_round_state.h"

#include <set>

#include "app/stamped_cache.h"
#include "store/case_access.h"
#include "store/record.h"

namespace auditor {
namespace {

constexpr const char* kSeverities[] = {"veto", "major", "minor", "info"};

// The trail rows a record holds, in its order: rows are never changed, so
// two shares with the same rows are the same.
std::vector<long long> seqs_of(const Record& r) {
  std::vector<long long> out;
  auto take = [&out](const auto& items) {
    for (const auto& i : items) out.push_back(i.seq);
  };
  take(r.decisions), take(r.added), take(r.signoffs), take(r.reopens);
  take(r.objections), take(r.rulings), take(r.rectify_items), take(r.rectify_updates);
  return out;
}

RoundCase case_state(const CaseRow& row, const Record& record, const std::vector<Finding>& findings,
                     const Checklist& checklist, const std::string& today) {
  RoundCase c;
  c.item.row = row;
  if (row.rejected) return c;
  Audit audit;
  audit.findings = findings;
  const ReviewedCase reviewed =
      review_case(audit, decisions_of(record), added_of(record), checklist);
  c.item.score = reviewed.score.value;
  if (!reviewed.score.grade.empty()) c.item.grade = reviewed.score.grade;
  c.item.provisional = reviewed.provisional();
  std::set<std::string> seen;
  for (const ReviewedItem& i : reviewed.items) {
    if (item_counts(i))
      seen.insert(i.counted->severity);
    else if (i.verdict == FindingVerdict::suggested && counted_deduction(i))
      seen.insert(i.machine.severity);
  }
  for (const char* s : kSeverities)
    if (seen.count(s)) c.severities.push_back(s);
  for (const RecheckedItem& i : recheck_case(record, findings, row.run_id, today).items)
    c.overdue += i.overdue ? 1 : 0;
  return c;
}

// The state of the round from its rows and record; a case whose row and
// share of the record are as in `previous` (made for the same basis) keeps
// its state from there, the others are scored with their stored findings.
Result<std::shared_ptr<const RoundState>> compute(Store& store, long long round_id,
                                                  const Checklist& checklist,
                                                  const std::string& today,
                                                  const std::string& basis,
                                                  const RoundState* previous) {
  Result<std::vector<CaseRow>> rows = list_case_rows(store, round_id, std::nullopt);
  if (!rows) return rows.failure();
  Result<Record> record = load_record(store, round_id);
  if (!record) return record.failure();
  auto state = std::make_shared<RoundState>();
  state->basis = basis;
  std::vector<std::pair<std::optional<std::string>, std::string>> keys;
  for (const CaseRow& r : *rows) keys.emplace_back(r.case_number, r.archive);
  state->records =
      record->empty() ? std::vector<Record>(rows->size()) : split_record(*record, keys);
  if (previous && previous->basis != basis) previous = nullptr;
  // The previous state of each case whose inputs are unchanged.
  std::vector<const RoundCase*> kept(rows->size(), nullptr);
  std::vector<long long> stale;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const CaseRow& row = (*rows)[i];
    if (previous) {
      auto at = previous->position.find(row.id);
      if (at != previous->position.end() && previous->cases[at->second].item.row == row &&
          seqs_of(previous->records[at->second]) == seqs_of(state->records[i]))
        kept[i] = &previous->cases[at->second];
    }
    if (!kept[i] && !row.rejected) stale.push_back(row.id);
  }
  Result<std::map<long long, std::vector<Finding>>> findings = load_case_findings(store, stale);
  if (!findings) return findings.failure();
  const std::vector<Finding> none;
  state->cases.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const CaseRow& row = (*rows)[i];
    state->position[row.id] = i;
    if (kept[i]) {
      state->cases.push_back(*kept[i]);
      continue;
    }
    auto f = findings->find(row.id);
    state->cases.push_back(case_state(row, state->records[i],
                                      f == findings->end() ? none : f->second, checklist, today));
    ++state->scored;
  }
  return std::shared_ptr<const RoundState>(std::move(state));
}

StampedCache<RoundState>& state_cache() {
  static StampedCache<RoundState> cache(kCachedRounds);
  return cache;
}

}  // namespace

const Record* RoundState::record_of(long long case_id) const {
  auto at = position.find(case_id);
  return at == position.end() ? nullptr : &records[at->second];
}

Result<std::shared_ptr<const RoundState>> round_state(Store& store, const std::filesystem::path& db,
                                                      long long round_id,
                                                      const Checklist& checklist,
                                                      const std::string& today, bool* computed) {
  Result<std::string> stamp = round_stamp(store, round_id);
  if (!stamp) return stamp.failure();
  const std::string basis = checklist.sha256 + ' ' + today;
  CacheLookup how;
  Result<std::shared_ptr<const RoundState>> state = state_cache().get(
      {db.string(), round_id}, *stamp + ' ' + basis,
      [&](const std::shared_ptr<const RoundState>& previous) {
        return compute(store, round_id, checklist, today, basis, previous.get());
      },
      &how);
  if (computed) *computed = how.computed;
  return state;
}

}  // namespace auditor
