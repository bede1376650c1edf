// Inspecting one file as the auditor sees it (`auditor extract`): every
// member of a case archive, or the single document, read, split when it is a
// whole case file, and classified.
#pragma once

#include <filesystem>

#include "auditor/checklist.h"
#include "auditor/model.h"
#include "importers/import.h"

namespace auditor {

// A case archive (a zip that is not itself a DOCX or OFD package) gives its
// members; any other file is one document. A file over the size limit or
// unreadable comes back rejected with a Chinese reason.
Case inspect_file(const std::filesystem::path& path, const Checklist& checklist,
                  const ImportOptions& opt);

}  // namespace auditor
