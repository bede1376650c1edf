#include "app/audit.h"

#include <chrono>
#include <ctime>

#include "app/pipeline.h"
#include "auditor/round.h"
#include "store/number_uniqueness.h"
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

// Audits `archives` into `run` of `store`, then runs the cross-case
// numbering post-pass.
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
  check(store.begin_batch());
  auto take = [&](CaseResult&& r, Reuse reuse) {
    if (reuse != Reuse::unchanged) {
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
    if (observer.case_done) observer.case_done(r, reuse);
    out.totals.add(r);
    if (!how.keep_results) return;
    // The results carry no document text: dropping it keeps a large batch small.
    for (Document& d : r.c.documents) std::string().swap(d.text);
    out.results.push_back(std::move(r));
  };
  if (how.full) {
    audit_batch(archives, checklist, how.import, how.jobs,
                [&](CaseResult&& r) { take(std::move(r), Reuse::parsed); });
  } else {
    // Without kept results an unchanged case only needs its summary line.
    audit_batch_incremental(store, archives, checklist, how.import, how.jobs, out.round,
                            how.keep_results ? Load::summary : Load::findings,
                            [&](CaseResult&& r, Reuse reuse) { take(std::move(r), reuse); });
  }
  check(store.commit_batch());
  // Serial numbers are unique across cases: compared once the run is stored
  // (a run that stored no case has nothing to compare).
  if (saved == 0) return;
  check(apply_number_uniqueness(store, run, checklist, [&](const CaseResult& r) {
    if (observer.renumbered) observer.renumbered(r);
    for (CaseResult& kept : out.results)
      if (kept.c.archive == r.c.archive) kept = r;
  }));
}

}  // namespace

Result<AuditOutcome> audit_round(const AuditRequest& request, const Checklist& checklist,
                                 const AuditObserver& observer) {
  Result<std::vector<std::filesystem::path>> archives = collect_archives(request.inputs);
  if (!archives) return archives.failure();
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
  audit_into(**store, *run, *archives, checklist, request, observer, out);
  (*store)->end_run(*run);
  return out;
}

}  // namespace auditor
