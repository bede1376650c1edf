// Internal to the checklist loader: the <scoring> element of checklist.xml
// and standalone <profile> files (format: docs/scoring.md). The public entry
// points are load_profile and check_profile in auditor/scoring.h.
#pragma once

#include <pugixml.hpp>

#include "auditor/checklist.h"
#include "auditor/checklist_xml.h"

namespace auditor::checklist_xml {

// Reads <scoring> inline, or the file its profile="PATH" attribute names
// (relative to the checklist file). A broken referenced file fails with its
// own file:line, followed by where it was referenced.
Status parse_scoring(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out);

// Cross-file check once the rules are loaded: every rule id the checklist's
// profile names exists.
Status check_scoring(const Checklist& cl);

}  // namespace auditor::checklist_xml
