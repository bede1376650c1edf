#include "app/audit.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "app/incremental.h"
#include "app/pipeline.h"
#include "auditor/repeat.h"
#include "auditor/round.h"
#include "auditor/scoring.h"
#include "store/number_uniqueness.h"
#include "store/ocr_cache.h"
#include "store/run_lock.h"
#include "store/store.h"

namespace auditor {
namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// The default round name carries the local date, as the inspector sees it.
std::string today_local() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
  return buf;
}

// The cases of one party saved in this run (`by_party`: archives by
// party_id) did not see each other, as the parties' history is read before
// the batch: for each case of a party with more than one, the repeat rules
// (SUB-repeat-offence) run again against the history as stored now; their
// findings and outcomes replace the stored ones, and the case is re-scored
// and saved when they changed (changed(result)). Other findings stay as
// stored.
Status recheck_same_party(Store& store, long long run, const Checklist& checklist,
                          const std::map<std::string, std::vector<std::string>>& by_party,
                          const std::function<void(const CaseResult&)>& changed) {
  std::vector<std::string> archives;
  for (const auto& [party, of_party] : by_party)
    if (of_party.size() > 1) archives.insert(archives.end(), of_party.begin(), of_party.end());
  if (archives.empty()) return Status::success();
  const std::optional<PartyHistory> history = party_history(store, checklist);
  if (!history) return Status::success();
  std::set<std::string> rules;
  for (const Rule& rule : checklist.rules)
    if (is_repeat_rule(rule)) rules.insert(rule.id);
  Result<std::map<std::string, StoredAudit>> stored = load_stored_index(store);
  if (!stored) return Status::failure("未能核对同一当事人的前案：" + stored.error());
  CaseLoader loader(store);
  auto of_rules = [&](const std::vector<Finding>& findings) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Finding& f : findings)
      if (rules.count(f.rule)) out.emplace_back(f.rule, f.message);
    return out;
  };
  for (const std::string& archive : archives) {
    auto at = stored->find(archive);
    if (at == stored->end()) continue;
    Result<CaseResult> r = loader.load(at->second.case_id);
    if (!r)
      return Status::failure("无法读取案卷 " + archive + "，未能核对同一当事人的前案：" +
                             r.error());
    const Audit now = check_case(r->c, checklist, &*history);
    if (of_rules(now.findings) == of_rules(r->audit.findings)) continue;
    std::vector<Finding>& findings = r->audit.findings;
    std::erase_if(findings, [&](const Finding& f) { return rules.count(f.rule) > 0; });
    for (const Finding& f : now.findings)
      if (rules.count(f.rule)) findings.push_back(f);
    for (Check& k : r->audit.checks)
      for (const Check& n : now.checks)
        if (rules.count(k.rule) && n.rule == k.rule) k.outcome = n.outcome;
    const Score score = score_case(findings, r->audit.checks, checklist.rules, checklist.scoring);
    r->audit.score = score.value;
    r->audit.grade = score.grade;
    if (Status s = store.save_case(run, r->c, r->audit); !s.ok())
      return Status::failure(
          "同一当事人前案的核对结果未能写入数据库（" + archive + "）：" + s.reason, s.code);
    changed(*r);
  }
  return Status::success();
}

// Audits `archives` into `run` of `store`: each case is saved as soon as it
// is done, and reported to the observer in input order. Then the post-passes
// across cases: the same party's cases of this run, and numbering.
void audit_into(Store& store, long long run, const std::vector<std::filesystem::path>& archives,
                const Checklist& checklist, const AuditRequest& how, const AuditObserver& observer,
                AuditOutcome& out) {
  std::size_t saved = 0;
  // Cases are committed in batches of about half a second of work.
  using Clock = std::chrono::steady_clock;
  auto batch_started = Clock::now();
  auto check = [&](Status s) {
    if (s.ok()) return;
    out.store_failed = true;
    if (observer.store_failed) observer.store_failed(s.reason);
  };
  std::vector<Reuse> reuse(archives.size(), Reuse::parsed);
  std::map<std::string, std::vector<std::string>> by_party;  // archives saved, by party_id
  InOrder in_order([&](std::size_t i, CaseResult&& r) {
    if (observer.case_done) observer.case_done(r, reuse[i]);
    out.totals.add(r);
    if (how.keep_results) out.results.push_back(std::move(r));
  });
  check(store.begin_batch());
  auto take = [&](std::size_t i, CaseResult&& r, Reuse how_reused) {
    reuse[i] = how_reused;
    r.c.input_ord = static_cast<long long>(i);
    if (how_reused != Reuse::unchanged) {
      if (!r.c.rejected)
        if (std::string party = party_of(r.c); !party.empty())
          by_party[party].push_back(r.c.archive);
      if (Status s = store.save_case(run, r.c, r.audit); !s.ok())
        check(Status::failure("数据库写入失败（" + r.c.archive + "）：" + s.reason, s.code));
      else
        ++saved;
      if (Clock::now() - batch_started > std::chrono::milliseconds(500)) {
        check(store.commit_batch());
        check(store.begin_batch());
        batch_started = Clock::now();
      }
    }
    // What waits for an earlier case carries no document text: dropping it
    // keeps a large batch small.
    for (Document& d : r.c.documents) std::string().swap(d.text);
    in_order.put(i, std::move(r));
  };
  if (how.full) {
    const std::optional<PartyHistory> history = party_history(store, checklist);
    audit_batch(
        archives, checklist, how.import, how.jobs,
        [&](std::size_t i, CaseResult&& r) { take(i, std::move(r), Reuse::parsed); },
        history ? &*history : nullptr);
  } else {
    // Without kept results an unchanged case only needs its summary line.
    audit_batch_incremental(store, archives, checklist, how.import, how.jobs, out.round,
                            how.keep_results ? Load::summary : Load::findings,
                            [&](std::size_t i, CaseResult&& r, Reuse how_reused) {
                              take(i, std::move(r), how_reused);
                            });
  }
  check(store.commit_batch());
  // Serial numbers are unique across cases: compared once the run is stored
  // (a run that stored no case has nothing to compare). The cases it
  // re-scores are reported in input order.
  if (saved == 0) return;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < archives.size(); ++i) index.emplace(archives[i].string(), i);
  std::map<std::size_t, std::pair<CaseResult, std::string>> rescored;  // by input order
  auto changed_by = [&](const char* why) {
    return [&, why](const CaseResult& r) {
      auto at = index.find(r.c.archive);
      rescored.insert_or_assign(at == index.end() ? archives.size() + rescored.size() : at->second,
                                std::pair<CaseResult, std::string>(r, why));
    };
  };
  check(recheck_same_party(store, run, checklist, by_party, changed_by("同一当事人前案")));
  check(apply_number_uniqueness(store, run, checklist, changed_by("编号重复")));
  for (const auto& [i, changed] : rescored) {
    const auto& [r, why] = changed;
    if (observer.rescored) observer.rescored(r, why);
    for (CaseResult& kept : out.results)
      if (kept.c.archive == r.c.archive) kept = r;
  }
}

}  // namespace

Result<AuditOutcome> audit_round(const AuditRequest& request, const Checklist& checklist,
                                 const AuditObserver& observer) {
  Result<std::vector<std::filesystem::path>> archives = collect_archives(request.inputs);
  if (!archives) return archives.failure();
  // A file that is not this tool's database is refused before its lock file
  // is created beside it.
  if (Status s = Store::check_file(request.db); !s.ok())
    return Error{"无法打开数据库 " + request.db.string() + "：" + s.reason, s.code};
  Result<RunLock> lock = RunLock::acquire(request.db);
  if (!lock) return lock.failure();
  Result<std::unique_ptr<Store>> store = Store::open(request.db);
  if (!store)
    return Error{"无法打开数据库 " + request.db.string() + "：" + store.error(), store.code()};
  AuditOutcome out;
  out.round = request.round.empty() ? default_round_name(today_local()) : request.round;
  RunInfo info{request.tool_version, checklist.id,     checklist.version,
               checklist.sha256,     now_utc(),        out.round,
               request.mode,         request.inspector};
  Result<long long> run = (*store)->begin_run(info);
  if (!run) return Error{"数据库写入失败：" + run.error(), run.code()};
  if (observer.started) observer.started(archives->size());
  // One run date for the whole run (a batch may run past midnight); not part
  // of the checklist hash.
  Checklist for_run = checklist;
  for_run.settings.emplace("run_date", today_local());
  // Scans read before are taken from the store's cache (store/ocr_cache.h);
  // without it (the file cannot be opened a second time) every scan is read.
  AuditRequest how = request;
  std::unique_ptr<OcrCache> ocr_cache;
  if (how.import.ocr == OcrMode::on && !how.import.ocr_lookup)
    if (Result<std::unique_ptr<OcrCache>> opened = OcrCache::open(request.db)) {
      ocr_cache = std::move(*opened);
      how.import.ocr_lookup = [cache = ocr_cache.get()](const std::string& sha256, int page,
                                                        OcrReading& reading) {
        return cache->find(sha256, page, reading);
      };
    }
  audit_into(**store, *run, *archives, for_run, how, observer, out);
  (*store)->end_run(*run);
  return out;
}

}  // namespace auditor
