#include "app/round_reports.h"

#include "app/round_plan.h"
#include "app/street_stats.h"
#include "store/round_reader.h"
#include "util/date.h"

namespace auditor {
namespace {

// The round named `name`, failing when it does not exist.
Result<RoundInfo> existing_round(Store& store, const std::string& name) {
  Result<std::optional<RoundInfo>> found = find_round(store, name);
  if (!found) return found.failure();
  if (!*found)
    return Error{name.empty() ? "数据库中还没有审查轮次，请先运行 auditor audit"
                              : "数据库中没有名为「" + name + "」的审查轮次",
                 Code::not_found};
  return **found;
}

// The round to compare with, loaded for comparison only; nullopt when none.
Result<std::optional<RoundData>> comparison_round(Store& store, const RoundData& current,
                                                  const std::optional<std::string>& name) {
  std::optional<RoundInfo> previous;
  if (name) {
    Result<RoundInfo> named = existing_round(store, *name);
    if (!named) return Error{named.error()};
    if (named->id == current.round.id) return Error{"不能把审查轮次与它自身比较"};
    previous = *named;
  } else {
    Result<std::optional<RoundInfo>> same_scope = previous_round(store, current);
    if (!same_scope) return Error{same_scope.error()};
    previous = *same_scope;
  }
  if (!previous) return std::optional<RoundData>();
  Result<RoundData> loaded = load_round(store, *previous, false);
  if (!loaded) return Error{loaded.error()};
  return std::optional<RoundData>(std::move(*loaded));
}

}  // namespace

Result<std::unique_ptr<RoundReport>> read_round_report(Store& store, const ReportRequest& request) {
  Result<RoundInfo> round = existing_round(store, request.round);
  if (!round) return round.failure();
  Result<std::size_t> count = case_count(store, *round);
  if (!count) return count.failure();
  auto out = std::make_unique<RoundReport>();
  // Without sheets the documents and checks are never read.
  out->sheets = sheets_for(*count, request.sheets);
  Result<RoundData> data = load_round(store, *round, out->sheets);
  if (!data) return data.failure();
  out->data = std::move(*data);
  Result<RoundPlanRecord> plan = read_round_plan(store, round->id);
  if (!plan) return plan.failure();
  out->data.plan = std::move(plan->plan);
  out->data.draw = std::move(plan->draw);
  out->data.assignments = std::move(plan->assignments);
  if (request.drawn_only) keep_drawn(out->data);
  if (request.checklist) review_round(out->data, *request.checklist);
  if (request.compare) {
    Result<std::optional<RoundData>> previous =
        comparison_round(store, out->data, request.compare_with);
    if (!previous) return previous.failure();
    out->previous = std::move(*previous);
  }
  out->summary = summarize(out->data, out->previous ? &*out->previous : nullptr);
  if (request.street_stats) {
    // An unreadable map counts every case as 其他; the section names the map used.
    const FieldMap fields = field_map_or_default(default_field_map_file(), nullptr);
    if (Status s = add_street_stats(store, *out, fields, request.checklist, request.period);
        !s.ok())
      return Error{s.reason, s.code};
  }
  out->today = request.today.empty() ? Date::today().iso() : request.today;
  return out;
}

Status write_round_reports(Store& store, const ReportRequest& request, ReportWritten* written) {
  Result<std::unique_ptr<RoundReport>> report = read_round_report(store, request);
  if (!report) return Status::failure(report.failure());
  if (written) *written = {(*report)->data.cases.size(), (*report)->sheets};
  return write_report_files((*report)->input(request.names), request.formats, request.dir);
}

Status write_round_reports(const std::filesystem::path& db, const ReportRequest& request,
                           ReportWritten* written) {
  Result<std::unique_ptr<Store>> store = Store::open_read_only(db);
  if (!store) return Status::failure(store.failure());
  return write_round_reports(**store, request, written);
}

}  // namespace auditor
