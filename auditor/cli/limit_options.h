// The --max-… options that bound what one archive may cost (memory, time,
// nesting, pages read by OCR) and --ocr on|off, shared by `audit`, `extract`
// and `serve`. Defaults are the ImportOptions /
// ZipLimits defaults; docs/hostile-input.md explains each limit.
#pragma once

#include "app/audit.h"
#include "auditor/cli/options.h"

namespace auditor::cli {

// Adds --max-entries --max-member-mb --max-total-mb --max-ratio
// --max-name-length --max-archive-mb --max-nesting --max-doc-seconds
// --max-doc-mb --ocr --max-ocr-pages to `desc`, each defaulting
// to the value already in `opt`. po::notify() writes the given values into
// `opt`, which must outlive the parse; an out-of-range value throws po::error
// with a Chinese reason (parse_options prints it as a usage error).
void add_limit_options(po::options_description& desc, ImportOptions& opt);

}  // namespace auditor::cli
