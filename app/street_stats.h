// The street statistics of a stored round (auditor/street_stats.h) for its
// 通报 and the workbench's round page: one computation, over the round as
// its reports read it (the drawn cases of a round with a draw).
#pragma once

#include <filesystem>
#include <string>

#include "app/round_reports.h"
#include "auditor/checklist.h"
#include "auditor/fields.h"
#include "auditor/street_stats.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// The bundled enforcement-field map: data_dir()/fields/fields.xml.
std::filesystem::path default_field_map_file();

// The map in `file`; when it cannot be read, a map that puts every case in
// 其他, with the reason in `*problem` (the statistics still count streets).
FieldMap field_map_or_default(const std::filesystem::path& file, std::string* problem);

// The decision limit of `checklist`: the `limit` and `extension_days` of
// its deadline rule from `filed` to `decided` (DL-decision-90d: 90 and 30);
// 90 and 30 when it has none.
void decision_limit(const Checklist* checklist, StatsOptions& options);

// Computes report.summary.street_stats from the store (the round's filing,
// decision and closing documents and the facts filing_date, provision,
// appeal_outcome; one query each): the cases of report.data (rejected ones
// left out), each under the 通报's street label. The deadline reference is
// the data's date (RoundData::as_of) or the period's end, the earlier.
Status add_street_stats(Store& store, RoundReport& report, const FieldMap& fields,
                        const Checklist* checklist, const StatsPeriod& period = {});

}  // namespace auditor
