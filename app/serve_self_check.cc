#include "app/serve_self_check.h"

#include <algorithm>

#include "app/pipeline.h"
#include "app/review_session.h"
#include "app/round_plan.h"
#include "auditor/case_info.h"
#include "auditor/draw.h"
#include "store/case_access.h"
#include "store/record.h"
#include "util/date.h"
#include "util/hash.h"

namespace auditor {
namespace {

// The street and month of round `id` when it is a street's self-check round.
Result<std::optional<SelfCheckRound>> mark_of(Store& store, const RoundInfo& round) {
  using Found = std::optional<SelfCheckRound>;
  if (round.mode != "self_check") return Found();
  Result<std::vector<TrailEntry>> rows =
      load_trail_entries(store, round.id, {kSelfCheckRoundAction});
  if (!rows) return rows.failure();
  if (rows->empty()) return Found();
  const nlohmann::json& p = rows->front().payload;
  if (!p["street"].is_string() || !p["month"].is_string())
    return Error{"自查轮次的记录格式有误（第 " + std::to_string(rows->front().seq) + " 条）",
                 Code::corrupt};
  return Found(
      SelfCheckRound{round, p["street"].get<std::string>(), p["month"].get<std::string>()});
}

// Every street's self-check round (any street), by round id.
Result<std::map<long long, SelfCheckRound>> all_marks(Store& store) {
  std::map<long long, SelfCheckRound> out;
  Result<std::vector<RoundInfo>> rounds = list_rounds(store);
  if (!rounds) return rounds.failure();
  for (const RoundInfo& r : *rounds) {
    Result<std::optional<SelfCheckRound>> mark = mark_of(store, r);
    if (!mark) return mark.failure();
    if (*mark) out.emplace(r.id, std::move(**mark));
  }
  return out;
}

bool is_street(const User& u) {
  return u.role == UserRole::street && u.street && !u.street->empty();
}

// `u`'s street's self-check rounds among `marks`, newest month first.
std::vector<SelfCheckRound> own(const std::map<long long, SelfCheckRound>& marks, const User& u) {
  std::vector<SelfCheckRound> out;
  if (!is_street(u)) return out;
  for (const auto& [id, m] : marks)
    if (same_street(m.street, *u.street)) out.push_back(m);
  std::stable_sort(out.begin(), out.end(), [](const SelfCheckRound& a, const SelfCheckRound& b) {
    return a.month != b.month ? a.month > b.month : a.round.id > b.round.id;
  });
  return out;
}

// The open submission targets for `u` in `store`, given every mark.
Result<std::vector<RoundInfo>> targets_in(Store& store,
                                          const std::map<long long, SelfCheckRound>& marks,
                                          const User& u) {
  std::vector<RoundInfo> out;
  if (!is_street(u)) return out;
  Result<std::vector<RoundInfo>> rounds = list_rounds(store);
  if (!rounds) return rounds.failure();
  for (RoundInfo& r : *rounds) {
    if (r.mode != "self_check" || marks.count(r.id)) continue;
    Result<RoundPlanRecord> plan = read_round_plan(store, r.id);
    if (!plan) return plan.failure();
    if (plan->draw) continue;  // drawn: the population is fixed
    if (plan->plan && !plan->plan->street_of(*u.street)) continue;
    out.push_back(std::move(r));
  }
  return out;
}

bool valid_month(const std::string& m) {
  return m.size() == 7 && m[4] == '-' && Date::parse(m + "-01").has_value();
}

}  // namespace

Result<UploadTarget> upload_target(const std::filesystem::path& db, long long round_id,
                                   const User& u) {
  UploadTarget t;
  std::optional<SelfCheckRound> mark;
  {
    Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
    if (!store) return store.failure();
    Result<std::optional<RoundInfo>> round = round_by_id(**store, round_id);
    if (!round) return round.failure();
    if (!*round) return t;
    Result<std::optional<SelfCheckRound>> m = mark_of(**store, **round);
    if (!m) return m.failure();
    mark = std::move(*m);
    t.round = **round;
  }
  const bool own_street = mark && is_street(u) && same_street(mark->street, *u.street);
  if (mark && (u.role == UserRole::admin || own_street)) {
    t.access = UploadAccess::allowed;
    t.street = mark->street;
    return t;
  }
  Result<std::optional<RoundInfo>> visible = visible_round(db, round_id, u);
  if (!visible) return visible.failure();
  if (!*visible) return t;
  if (mark) {
    t.access = UploadAccess::refused;
    t.why = "街道自查轮次只能由该街道上传案卷";
  } else if (!may_write(u)) {
    t.access = UploadAccess::refused;
    t.why = "街道用户只能向本街道的自查轮次上传案卷";
  } else {
    t.access = UploadAccess::allowed;
  }
  return t;
}

Result<std::vector<SelfCheckRound>> self_check_rounds(const std::filesystem::path& db,
                                                      const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::map<long long, SelfCheckRound>> marks = all_marks(**store);
  if (!marks) return marks.failure();
  return own(*marks, u);
}

std::string current_month() { return Date::today().iso().substr(0, 7); }

Result<SelfCheckRound> open_self_check_round(const std::filesystem::path& db, const User& u,
                                             const std::string& month) {
  if (!is_street(u)) return refused("只有设置了所属街道的街道用户才能自查");
  if (!valid_month(month)) return refused("月份应为 YYYY-MM");
  std::optional<RunLock> lock;
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, true, &lock);
  if (!store) return store.failure();
  Store& st = **store;
  return in_record_transaction<SelfCheckRound>(st, [&]() -> Result<SelfCheckRound> {
    Result<std::map<long long, SelfCheckRound>> marks = all_marks(st);
    if (!marks) return marks.failure();
    for (const SelfCheckRound& r : own(*marks, u))
      if (r.month == month) return r;
    const std::string base = street_name(*u.street) + "街道自查 " + month;
    std::optional<RoundInfo> round;
    for (int n = 1; !round && n <= 100; ++n) {
      const std::string name = n == 1 ? base : base + "（" + std::to_string(n) + "）";
      Result<std::optional<RoundInfo>> made = insert_round(st, name, "self_check");
      if (!made) return made.failure();
      round = std::move(*made);
    }
    if (!round) return refused("无法为自查轮次取名：同名轮次过多");
    nlohmann::json payload = {{"street", *u.street}, {"month", month}, {"by", u.name}};
    Result<long long> seq = append_trail(st, round->id, kSelfCheckRoundAction, payload);
    if (!seq) return seq.failure();
    return SelfCheckRound{*round, *u.street, month};
  });
}

std::string self_check_refusal(const CaseResult& r, const std::string& street) {
  if (r.c.rejected) return "压缩包无法读取，未保存：" + r.c.error;
  const Text found = r.c.info.street ? r.c.info.street : first_fact(r.c, "street");
  if (!found || found->empty())
    return "未能从案卷中识别所属街道，不能作为本街道（" + street + "）的自查案卷保存";
  if (!same_street(*found, street))
    return "案卷属于「" + *found + "」，不是本街道（" + street + "）的案卷，未保存";
  return "";
}

std::vector<Screened> screen_archives(const std::vector<std::string>& archives,
                                      const std::string& street, const Checklist& checklist,
                                      const ImportOptions& opt, int jobs) {
  std::vector<std::filesystem::path> paths(archives.begin(), archives.end());
  std::vector<Screened> out(archives.size());
  audit_batch(paths, checklist, opt, jobs, [&](std::size_t i, CaseResult&& r) {
    out[i] = {self_check_refusal(r, street), r.c.info.case_number};
  });
  return out;
}

std::string self_check_file_name(const std::string& street, const std::string& case_number) {
  return sha256_hex(street_name(street) + "\n" + case_number) + ".zip";
}

Result<std::map<std::string, long long>> case_ids_by_archive(const std::filesystem::path& db,
                                                             long long round_id) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::vector<CaseRow>> rows = list_case_rows(**store, round_id, std::nullopt);
  if (!rows) return rows.failure();
  std::map<std::string, long long> out;
  for (const CaseRow& r : *rows) out[r.archive] = r.id;
  return out;
}

Result<std::vector<RoundInfo>> submission_targets(const std::filesystem::path& db, const User& u) {
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::map<long long, SelfCheckRound>> marks = all_marks(**store);
  if (!marks) return marks.failure();
  return targets_in(**store, *marks, u);
}

Result<std::optional<Submission>> check_submission(const std::filesystem::path& db, const User& u,
                                                   long long case_id, long long target_id) {
  using Found = std::optional<Submission>;
  if (!is_street(u)) return Found();
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::optional<CaseRow>> row = find_case_row(**store, case_id, *u.street);
  if (!row) return row.failure();
  if (!*row) return Found();
  Result<std::map<long long, SelfCheckRound>> marks = all_marks(**store);
  if (!marks) return marks.failure();
  auto mark = marks->find((*row)->round_id);
  if (mark == marks->end() || !same_street(mark->second.street, *u.street)) return Found();
  if ((*row)->rejected) return refused("无法读取的案卷不能提交");
  Result<std::vector<RoundInfo>> targets = targets_in(**store, *marks, u);
  if (!targets) return targets.failure();
  const Submission found{(*row)->archive, {}, (*row)->case_number};
  for (const RoundInfo& t : *targets)
    if (t.id == target_id) return Found(Submission{found.archive, t, found.case_number});
  // Submitted before: its corrected version may follow, even after the draw.
  Result<std::optional<RoundInfo>> target = round_by_id(**store, target_id);
  if (!target) return target.failure();
  if (*target && (*target)->mode == "self_check" && !marks->count(target_id)) {
    Result<std::vector<CaseRow>> rows = list_case_rows(**store, target_id, *u.street);
    if (!rows) return rows.failure();
    for (const CaseRow& r : *rows)
      if (r.archive == found.archive)
        return Found(Submission{found.archive, **target, found.case_number});
  }
  return refused("该轮次不接收本街道的自查提交（不存在、已抽取案卷或不含本街道）");
}

Result<SelfCheckView> self_check_view(const std::filesystem::path& db, const User& u,
                                      const std::string& month, const Checklist& checklist) {
  if (!is_street(u)) return refused("自查页面只供设置了所属街道的街道用户使用");
  SelfCheckView view;
  view.street = *u.street;
  // Where each of the street's archives was submitted: archive → (round, case).
  std::map<std::string, std::vector<std::pair<RoundInfo, long long>>> submitted;
  {
    Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
    if (!store) return store.failure();
    Result<std::map<long long, SelfCheckRound>> marks = all_marks(**store);
    if (!marks) return marks.failure();
    view.rounds = own(*marks, u);
    Result<std::vector<RoundInfo>> targets = targets_in(**store, *marks, u);
    if (!targets) return targets.failure();
    view.targets = std::move(*targets);
    Result<std::vector<RoundInfo>> rounds = list_rounds(**store);
    if (!rounds) return rounds.failure();
    for (const RoundInfo& r : *rounds) {
      if (r.mode != "self_check" || marks->count(r.id)) continue;
      Result<std::vector<CaseRow>> rows = list_case_rows(**store, r.id, *u.street);
      if (!rows) return rows.failure();
      for (const CaseRow& row : *rows) submitted[row.archive].emplace_back(r, row.id);
    }
  }
  for (const SelfCheckRound& r : view.rounds)
    if (r.month == month) view.shown = r;
  if (!view.shown) return view;
  Result<std::optional<CasePage>> page = visible_cases(db, view.shown->round.id, u, checklist);
  if (!page) return page.failure();
  if (!*page) return view;  // no case of the street stored yet
  std::vector<long long> ids;
  for (const CaseListItem& c : (*page)->cases) ids.push_back(c.row.id);
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::map<long long, std::vector<Finding>>> findings = load_case_findings(**store, ids);
  if (!findings) return findings.failure();
  for (CaseListItem& c : (*page)->cases) {
    SelfCheckCase sc;
    if (auto f = findings->find(c.row.id); f != findings->end()) sc.findings = f->second;
    if (auto s = submitted.find(c.row.archive); s != submitted.end()) sc.submitted = s->second;
    sc.targets = view.targets;
    for (const auto& [round, id] : sc.submitted)
      if (std::none_of(sc.targets.begin(), sc.targets.end(),
                       [&](const RoundInfo& t) { return t.id == round.id; }))
        sc.targets.push_back(round);
    sc.item = std::move(c);
    view.cases.push_back(std::move(sc));
  }
  return view;
}

}  // namespace auditor
