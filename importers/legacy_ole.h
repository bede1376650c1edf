// What an OLE2 compound file (Word 97-2003, Kingsoft WPS, Excel, Works ...)
// is, told by the names in its root storage. This is the sniffer that
// detect_format runs in the program's own process, before any sandbox: it
// reads only the header, the sector allocation table and the directory,
// with every count bounded by the file's size, and no stream. Reading the
// streams is the parsers' job, in the parse process (importers/legacy_doc.h,
// with libgsf, whose allocations abort on failure and must not run here).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace auditor {

inline constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

enum class OleKind {
  word,          // a WordDocument stream: Word 97-2003 .doc, Kingsoft WPS .wps
  workbook,      // Workbook or Book: Excel .xls, Kingsoft ET .et
  presentation,  // "PowerPoint Document": .ppt, Kingsoft .dps
  works,         // Microsoft Works word processor .wps (MN0, or CONTENTS)
  encrypted,     // EncryptionInfo + EncryptedPackage: a password-protected DOCX/XLSX
  other,         // a compound file of another program
  damaged,       // the header, allocation table or directory cannot be read
};

// Calls `name` with each child (stream or storage) of the root storage, as
// written (the compound file compares names without case; so do callers);
// false when the structure does not hold (some names may have been passed).
// Cost: one pass over the allocation table sectors and the directory chain,
// each at most the file's sector count, and a bit per directory entry.
bool for_each_root_name(std::string_view bytes,
                        const std::function<void(std::u16string_view)>& name);

// The kind of a file starting with kOleMagic.
OleKind ole_kind(std::string_view bytes);

// The format name detect_format gives each kind: "doc" "xls" "ppt" "works"
// "ole2" (encrypted, other and damaged).
std::string ole_format(OleKind kind);

// Why a compound file of this kind is not read: the Chinese reason of its
// import finding (empty for word, which has a reader).
std::string ole_unread_reason(OleKind kind);

}  // namespace auditor
