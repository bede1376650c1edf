#include "app/street_stats.h"

#include <charconv>

#include "app/data_dirs.h"
#include "reports/round_summary.h"
#include "store/street_stats_reader.h"

namespace auditor {
namespace {

// `text` as a whole non-negative number into `out`; `out` unchanged otherwise.
void number(const std::string& text, int& out) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec == std::errc() && end == text.data() + text.size() && n >= 0) out = n;
}

}  // namespace

std::filesystem::path default_field_map_file() { return data_dir() / "fields" / "fields.xml"; }

FieldMap field_map_or_default(const std::filesystem::path& file, std::string* problem) {
  Result<FieldMap> loaded = load_field_map(file);
  if (loaded) return std::move(*loaded);
  if (problem) *problem = loaded.error();
  FieldMap fallback;
  fallback.id = "（未能读取执法领域对照表）";
  fallback.fields = {"其他"};
  fallback.default_field = "其他";
  return fallback;
}

void decision_limit(const Checklist* checklist, StatsOptions& options) {
  if (!checklist) return;
  for (const Rule& r : checklist->rules) {
    if (r.kind != "deadline") continue;
    auto param = [&r](const char* name) {
      auto it = r.params.find(name);
      return it == r.params.end() ? std::string() : it->second;
    };
    if (param("from") != "filed" || param("to") != "decided") continue;
    number(param("limit"), options.decision_limit);
    number(param("extension_days"), options.extension_days);
    return;
  }
}

Status add_street_stats(Store& store, RoundReport& report, const FieldMap& fields,
                        const Checklist* checklist, const StatsPeriod& period) {
  Result<std::map<std::string, StatsCase>> stored = read_stats_cases(store, report.data.round.id);
  if (!stored) return Status::failure(stored.failure());
  const RoundData& data = report.data;
  std::vector<StatsCase> cases;
  cases.reserve(data.cases.size());
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const Case& c = data.cases[i].c;
    if (c.rejected) continue;
    auto it = stored->find(c.archive);
    StatsCase s = it == stored->end() ? StatsCase{} : std::move(it->second);
    s.street = street_label(data.facts[i]);
    // Filed and closed as section 二 counts them (a filing_date fact anywhere).
    s.filing_document = s.filing_document || data.facts[i].filed;
    s.closing_document = s.closing_document || data.facts[i].closed;
    s.procedure = c.info.procedure.value_or("");
    cases.push_back(std::move(s));
  }
  StatsOptions options;
  options.period = period;
  decision_limit(checklist, options);
  options.reference = data.as_of.substr(0, 10);
  if (period.to && (options.reference.empty() || *period.to < options.reference))
    options.reference = *period.to;
  report.summary.street_stats = street_stats(cases, fields, options, kUnknownStreet);
  return Status::success();
}

}  // namespace auditor
