// The review-record actions on one case and its files, for the web front
// end (the case page and its JSON API), each as the signed-in user and
// through the app/ function the command line uses: add a finding
// (add_finding), rule on an objection (rule_objection), make and update a
// rectification item (rectify_finding, update_rectification), sign
// (sign_case), mark it or a finding typical (mark_typical); the case's 评查表 (the round reports'
// renderers) and an original document read back from the stored archive. Free of HTTP.
//
// Every function first finds the case as `u` may see it (app/serve_access.h):
// nullopt when `u` may not (the caller answers 404, never 403). Who may act:
//   add, rule, rectify, sign,  admin and inspector (may_write); a street
//   mark typical               user is refused (Code::invalid).
//   update a rectification     anyone who sees the case: the inspected
//                              street reports its progress.
//   the sheet, an original,    anyone who sees the case.
//   the typical marks
// The user's name is the record's name (inspector, 裁定人, 签字人 …), so
// every change lands in the trail with it. A refusal writes nothing and
// carries the app/ function's Chinese reason.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/rectification.h"
#include "app/review.h"
#include "app/serve_access.h"
#include "app/typical.h"
#include "auditor/checklist.h"
#include "importers/import.h"
#include "store/users.h"
#include "util/status.h"

namespace auditor {

// add_finding on case `id`, f.inspector = u.name.
Result<std::optional<RecordedAdded>> add_finding_on_case(const std::filesystem::path& db,
                                                         long long id, const User& u, NewFinding f,
                                                         const Checklist& checklist);

// rule_objection on objection `objection` of case `id` (accept: 采纳),
// named u.name. nullopt also when the objection is not one of the case's.
Result<std::optional<Ruling>> rule_on_case(const std::filesystem::path& db, long long id,
                                           long long objection, const User& u, bool accept,
                                           const std::string& reason, const Checklist& checklist);

// rectify_finding on case `id` (r.name = u.name, created today).
Result<std::optional<RectifyItem>> rectify_on_case(const std::filesystem::path& db, long long id,
                                                   const User& u, NewRectification r,
                                                   const Checklist& checklist);

// update_rectification of item `item` of case `id`, named u.name. nullopt
// also when the item is not one of the case's.
Result<std::optional<RectifyUpdate>> update_rectification_on_case(
    const std::filesystem::path& db, long long id, long long item, const User& u,
    const std::string& status, const std::string& note, const Checklist& checklist);

// sign_case on case `id` as `role` (kSignerRole or kReviewerRole), named
// u.name.
Result<std::optional<SignOff>> sign_on_case(const std::filesystem::path& db, long long id,
                                            const User& u, const std::string& role,
                                            const Checklist& checklist);

// mark_typical on case `id` (c.case_id: the case's archive, c.inspector =
// u.name). Refused besides mark_typical's reasons: a mark without a note.
Result<std::optional<TypicalMark>> mark_typical_on_case(const std::filesystem::path& db,
                                                        long long id, const User& u,
                                                        TypicalChange c);

// The typical marks in force on case `id` (the case's own first, then its
// findings', each in trail order: typical_in_force). Read-only.
Result<std::optional<std::vector<TypicalMark>>> typical_marks_on_case(
    const std::filesystem::path& db, long long id, const User& u);

// A file of a case to send.
struct CaseFile {
  std::string bytes;
  std::string media_type;     // "application/pdf", "image/png", …
  std::string name;           // UTF-8, for the user; the sender makes it header-safe
  std::string extension;      // "pdf", "png", "docx", … ("bin" when unknown)
  bool shown_inline = false;  // a browser shows it itself: PDF, PNG, JPEG
};

// The original bytes of document `n` (1-based, the stored order of the
// case's documents) of case `id`, read from the stored archive with the
// command line's limits (`opt`: max_archive_bytes, the zip limits sharing
// one inflation budget, max_nesting); the member of a split whole-case file
// ("卷宗.pdf#第3-4页") is the whole file. The media type comes from the
// bytes (detect_format), never from the name. nullopt when `u` may not see
// the case or it has no document `n`. Fails with Code::not_found when the
// archive file or the member is gone, Code::corrupt when the file's
// SHA-256 is not the one audited, or with the zip reader's reason. At most
// kOriginalReaders archives are held in memory at once; more requests wait.
constexpr int kOriginalReaders = 2;
Result<std::optional<CaseFile>> case_original(const std::filesystem::path& db, long long id,
                                              std::size_t n, const User& u,
                                              const ImportOptions& opt);

// The case's 评查表 alone as `format` ("docx" or "html": html_case_sheet,
// docx_case_sheet of reports/report.h), with its record scored with
// `checklist`. nullopt when `u` may not see the case; Code::invalid for
// another format.
Result<std::optional<CaseFile>> case_sheet(const std::filesystem::path& db, long long id,
                                           const User& u, const Checklist& checklist,
                                           const std::string& format);

}  // namespace auditor
