// make_serve_db: the database of the load benchmark of `auditor serve`
// (bench/bench_serve.cc, docs/performance.md), made through the app/ front
// door as the workbench makes it, never by writing rows:
//   users   an admin, 8 inspectors (one per district department) and two
//           users for each of the 5 streets of the generated cases, all with
//           kServeBenchPassword (add_user);
//   rounds  4 inspection rounds holding 40, 30, 20 and 10 % of the cases,
//           each created by an inspector (create_round) and planned for them
//           and the inspector after them (record_round_plan);
//   cases   the generated test cases (testdata/generator, DOCX and PNG),
//           renumbered for every pass over the five so that no two share a
//           case or document number, 1 in 200 cut short (a damaged upload:
//           rejected); written on --jobs threads as uploads are stored,
//           <db>.data/uploads/<sha256>.zip, and audited into their round
//           with audit_round (--jobs, default 2) in uploads of 500;
//   review  after each upload, the first finding of 1 in 33 of its cases
//           with findings is decided by the round's creator (decide_finding):
//           confirmed (a manual check: passed) twice in three, dismissed
//           (failed) with a reason once; every 10th decision, when a
//           confirmation, gets a street user's objection (object_finding).
// Usage: make_serve_db <db> [cases] [--jobs N]
//   cases defaults to 10000; <db> must not exist yet. Reproducible: the same
//   cases give the same archives (the times in the trail differ).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/objection.h"
#include "app/review.h"
#include "app/round_plan.h"
#include "app/serve_access.h"
#include "app/users.h"
#include "auditor/review.h"
#include "bench/make_serve_db.h"
#include "testdata/generator/archives.h"
#include "util/atomic_file.h"
#include "util/hash.h"

namespace {

using namespace auditor;
namespace fs = std::filesystem;

struct Person {
  const char* name;
  const char* unit;
};
constexpr Person kInspectors[] = {{"王建国", "区城管局"},   {"李明", "区司法局"},
                                  {"陈静", "区市场监管局"}, {"张伟", "区生态环境分局"},
                                  {"刘洋", "区卫生健康局"}, {"黄敏", "区应急管理局"},
                                  {"周强", "区住房建设局"}, {"吴芳", "区文化广电旅游局"}};
// The streets of the generated cases (testdata/generator/specs.cc).
constexpr const char* kStreets[] = {"赤岗", "新港", "南石头", "琶洲", "昌岗"};
constexpr const char* kRounds[] = {"2026年第一季度行政处罚案卷评查",
                                   "2026年第二季度行政处罚案卷评查",
                                   "2026年第三季度行政处罚案卷评查", "2026年专项评查（噪声）"};
constexpr int kRoundShare[] = {40, 30, 20, 10};  // percent of the cases
constexpr int kBatch = 500;                      // archives per upload

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "make_serve_db: %s\n", what.c_str());
  std::exit(1);
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

std::string street_user(int street, int k) {
  return std::string(kStreets[street]) + "街道" + std::to_string(k + 1);
}

void add_users(const fs::path& db) {
  std::vector<NewUser> users = {{bench::kServeBenchAdmin, UserRole::admin, "", ""}};
  for (const Person& p : kInspectors) users.push_back({p.name, UserRole::inspector, "", ""});
  for (int s = 0; s < 5; ++s)
    for (int k = 0; k < 2; ++k)
      users.push_back({street_user(s, k), UserRole::street, kStreets[s], ""});
  for (NewUser& u : users) {
    u.password = bench::kServeBenchPassword;
    if (Result<User> r = add_user(db, u, "make_serve_db"); !r) die(u.name + "：" + r.error());
  }
}

// The archive `g` of the benchmark: the generated case g % 5 of pass g / 5.
class Archives {
 public:
  std::string bytes(int g) {
    if (g / 5 != pass_ || cache_.empty()) {
      pass_ = g / 5;
      cache_.clear();
      for (testdata::Archive& a : testdata::build_archives(pass_ * 1000))
        if (a.bytes.rfind("PK", 0) == 0) cache_.push_back(std::move(a.bytes));
      if (cache_.size() < 5) die("生成的测试案卷不足五个");
    }
    std::string b = cache_[g % 5];
    if (g % 200 == 199) b.resize(b.size() / 2);  // a damaged upload
    return b;
  }

 private:
  int pass_ = -1;
  std::vector<std::string> cache_;
};

// Writes archives first .. first + n - 1 into `uploads` as uploads are
// stored (<sha256>.zip) on `threads` threads (a pass over the five cases
// each); their paths in order.
std::vector<std::string> write_archives(const fs::path& uploads, int first, int n, int threads) {
  std::vector<std::string> paths(static_cast<std::size_t>(n));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      Archives archives;
      for (int g = first; g < first + n; ++g) {
        if ((g / 5) % threads != t) continue;
        const std::string bytes = archives.bytes(g);
        const fs::path file = uploads / (sha256_hex(bytes) + ".zip");
        if (Status s = write_file_atomic(file, bytes); !s.ok()) die(s.reason);
        paths[static_cast<std::size_t>(g - first)] = file.string();
      }
    });
  for (std::thread& w : workers) w.join();
  return paths;
}

// What the review step needs of a stored case.
struct Stored {
  std::string id;  // case number, else archive path
  Text street;
  std::vector<Finding> findings;
};

struct Counts {
  int with_findings = 0;  // cases with findings seen so far
  int decided = 0, dismissed = 0, objections = 0, refused = 0;
};

// Decides the first finding of 3 % of `cases` as `inspector`, and has a
// street user object to every 10th confirmed one.
void review(const ReviewScope& scope, const std::string& inspector,
            const std::vector<Stored>& cases, const Checklist& checklist, Counts& n) {
  for (const Stored& c : cases) {
    if (c.findings.empty() || n.with_findings++ % 33 != 0) continue;
    const Finding& f = c.findings.front();
    const std::string key = finding_keys(c.findings).front();
    Decision d;
    d.key = key;
    d.inspector = inspector;
    const bool manual = f.kind == "manual_check";
    const bool dismiss = n.decided % 3 == 2;
    if (dismiss) {
      d.verdict = manual ? FindingVerdict::failed : FindingVerdict::dismissed;
      d.reason = manual ? "现场核对，送达地址与登记地址不一致" : "现场核实，当事人已补正材料";
    } else {
      d.verdict = manual ? FindingVerdict::passed : FindingVerdict::confirmed;
    }
    if (Result<RecordedDecision> r = decide_finding(scope, c.id, d); !r) {
      if (n.refused++ < 3) std::fprintf(stderr, "decision refused: %s\n", r.error().c_str());
      continue;
    }
    ++n.decided;
    n.dismissed += dismiss && !manual;
    if (d.verdict != FindingVerdict::confirmed || n.decided % 10 != 1) continue;
    int street = 0;
    while (street < 5 && !(c.street && same_street(*c.street, kStreets[street]))) ++street;
    if (street == 5) continue;
    NewObjection o{key, "该文书已按期送达，送达回证附后", street_user(street, 0), ""};
    if (Result<Objection> r = object_finding(scope, c.id, o, checklist); r)
      ++n.objections;
    else if (n.refused++ < 3)
      std::fprintf(stderr, "objection refused: %s\n", r.error().c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path db;
  int total = 10000, jobs = 2;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc)
      jobs = std::atoi(argv[++i]);
    else if (db.empty())
      db = argv[i];
    else if (std::atoi(argv[i]) > 0)
      total = std::atoi(argv[i]);
    else
      die("usage: make_serve_db <db> [cases] [--jobs N]");
  }
  if (db.empty() || jobs < 1) die("usage: make_serve_db <db> [cases] [--jobs N]");
  if (fs::exists(db)) die(db.string() + " 已存在");
  const auto start = std::chrono::steady_clock::now();
  Result<Checklist> checklist = load_audit_checklist(default_checklist_dir());
  if (!checklist) die(checklist.error());
  add_users(db);
  std::printf("users: 1 admin, 8 inspectors, 10 street users (%.1f s)\n", seconds_since(start));

  const fs::path uploads = fs::absolute(db).string() + ".data/uploads";
  fs::create_directories(uploads);
  Counts counts;
  double t_write = 0, t_audit = 0, t_review = 0;
  for (int r = 0, g = 0; r < 4; ++r) {
    const Person& creator = kInspectors[r];
    User by;
    by.name = creator.name;
    by.role = UserRole::inspector;
    Result<std::optional<RoundInfo>> round = create_round(db, kRounds[r], "inspection", by);
    if (!round || !*round) die(round ? std::string("轮次已存在") : round.error());
    const ReviewScope scope{db, kRounds[r]};
    const int n = r == 3 ? total - g : total * kRoundShare[r] / 100;
    std::size_t stored_cases = 0;
    // The round filled by uploads of kBatch archives, each reviewed as it lands.
    for (int done = 0; done < n; done += kBatch) {
      auto t = std::chrono::steady_clock::now();
      const int batch = std::min(kBatch, n - done);
      AuditRequest request;
      request.db = db;
      request.jobs = jobs;
      request.round = kRounds[r];
      request.mode = "";
      request.inspector = creator.name;
      request.tool_version = AUDITOR_VERSION;
      request.inputs = write_archives(uploads, g, batch, jobs);
      g += batch;
      t_write += seconds_since(t);
      t = std::chrono::steady_clock::now();
      std::vector<Stored> stored;
      AuditObserver observer;
      observer.case_done = [&](const CaseResult& c, Reuse) {
        if (!c.c.rejected)
          stored.push_back(
              {c.c.info.case_number.value_or(c.c.archive), c.c.info.street, c.audit.findings});
      };
      Result<AuditOutcome> out = audit_round(request, *checklist, observer);
      if (!out) die(out.error());
      if (out->store_failed) die("有案卷未能存入数据库");
      t_audit += seconds_since(t);
      t = std::chrono::steady_clock::now();
      if (done == 0) {  // a plan names the round's latest run: after the first
        PlanRequest plan;
        plan.streets.assign(std::begin(kStreets), std::end(kStreets));
        for (const Person* p : {&kInspectors[r], &kInspectors[r + 4]})
          plan.inspectors.push_back(std::string(p->name) + "@" + p->unit);
        plan.by = creator.name;
        if (Result<RoundPlan> p = record_round_plan(scope, plan); !p) die(p.error());
      }
      review(scope, creator.name, stored, *checklist, counts);
      t_review += seconds_since(t);
      stored_cases += stored.size();
    }
    std::printf("round %d: %d archives, %zu stored cases\n", r + 1, n, stored_cases);
  }
  std::printf("archives written %.1f s, audited %.1f s, plans and review %.1f s\n", t_write,
              t_audit, t_review);
  std::printf("review: %d decisions (%d dismissed), %d objections, %d refused\n", counts.decided,
              counts.dismissed, counts.objections, counts.refused);
  std::printf("%d cases in %s, %.1f s in all\n", total, db.c_str(), seconds_since(start));
  return 0;
}
