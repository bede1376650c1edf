// Internal to the checklist loader: the <scope dir="..."/> element of the
// checklist header (docs/formats/scope.md), which loads the scope tables
// into Checklist::scope (auditor/scope_load.cc).
#pragma once

#include "auditor/checklist.h"
#include "auditor/checklist_xml.h"
#include "util/status.h"

namespace auditor::checklist_xml {

// Loads the scope folder `dir`, resolved relative to the header file; fails
// (file:line) on another attribute, a child element, a second <scope> or a
// scope table that does not load (its own file:line reason appended).
Status parse_scope_ref(const DataFile& f, const pugi::xml_node& n, Checklist& out);

}  // namespace auditor::checklist_xml
