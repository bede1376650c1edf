// Which procedure a case follows (普通程序, 简易程序, 不予处罚, 撤销立案, 移送):
// the checklist's <procedures> (docs/formats/checklist.md, "Procedures")
// decide which rules apply to it.
#pragma once

#include <string>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct ProcedureChoice {
  std::string id;   // Procedure::id; empty when the checklist has no procedures
  std::string why;  // Chinese, for evidence: what decided it
};

// The manifest's declared procedure (CaseInfo::procedure) when the checklist
// knows it; else the first procedure, in checklist order, with one of its
// evidence documents on file; else the default procedure. `c` must be
// classified.
ProcedureChoice case_procedure(const Case& c, const Checklist& cl);

// Whether rule `r` applies to a case following procedure `id` (a rule naming
// no procedure applies to every one, and every rule applies when `id` is
// empty).
bool applies_to_procedure(const Rule& r, const std::string& id);

}  // namespace auditor
