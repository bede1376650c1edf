// The data that flows through the pipeline: importers fill a Case, the checker
// adds Findings, reports and the store read both. Plain values, no behaviour.
// A value the tool does not know is std::nullopt, never a guess.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auditor {

using Text = std::optional<std::string>;

// One fact pulled from a document's text, e.g. kind "fine" value "3000".
// Kinds are listed in docs/facts.md; `snippet` is the text it came from.
struct Fact {
  std::string kind;
  std::string value;
  std::string snippet;
  // Its provenance when it was read from text that OCR made of a scanned
  // page (Document::ocr_pages): that page (1-based, of the member file) and
  // the confidence of the line it stands on (0..100). 0: the file's own text.
  int ocr_page = 0;
  int ocr_confidence = 0;
};

// One line of a page read by OCR: where it ends, in bytes from the page's
// start in Document::text, and Tesseract's confidence in it (0..100, the
// mean of its words').
struct OcrLine {
  std::uint32_t end = 0;
  int confidence = 0;
};

// A page of a document whose text OCR read from its image (a scan: JPEG,
// PNG, TIFF, or a PDF page without a text layer). docs/formats/ocr.md.
struct OcrPage {
  int page = 0;        // 1-based page of the member file
  int confidence = 0;  // 0..100: mean word confidence of the page
  int rotation = 0;    // 0 90 180 270: clockwise turn applied to read it
  double skew = 0;     // degrees of tilt straightened before reading
  // Its text: bytes [begin, end) of Document::text (empty when OCR found no
  // usable text: a photo, a blank page).
  std::size_t begin = 0, end = 0;
  std::vector<OcrLine> lines;
  // The cache key (store/ocr_cache.h): SHA-256 of the member's bytes the
  // page image came from, with `page`.
  std::string image_sha256;
  bool fresh = false;  // read in this run, not taken from the cache
};

// What OCR read from one page image: the text (each line ending '\n'; table
// cells separated by '\t'; no space between Han characters) and its page
// record (begin 0, end the text's size). As the OCR module gives it and the
// store's cache keeps it (store/ocr_cache.h).
struct OcrReading {
  OcrPage page;
  std::string text;
};

// What a cached reading must have been made with to be reused: the engine,
// its data, the rendering resolution of PDF pages and the layout rules
// (docs/formats/ocr.md). Raised whenever one of them changes.
inline constexpr char kOcrSettings[] = "tesseract5/chi_sim/pdf200dpi/layout2";

// One electronic signature of an OFD document (GB/T 38540).
struct Signature {
  std::string id;           // Signature ID attribute
  std::string type;         // "Seal" or "Sign"
  std::optional<int> page;  // 1-based page of the stamp, when declared
  Text time;                // SignatureDateTime as written
  Text provider;            // ProviderName
  Text seal_name;           // organ name found in Seal.esl, when readable
  int references = 0;       // <Reference> entries
  int digests_ok = 0;       // of those, how many digests match the file bytes
  bool intact() const { return references > 0 && digests_ok == references; }
};

// Where a document's type came from, strongest first.
enum class Source { manifest, title, name, folder, none };

struct Document {
  std::string path;          // member name, decoded to UTF-8, as in the archive
  std::string format;        // docx ofd pdf image doc xls ppt works ole2 unsupported unknown
  Text type;                 // canonical document type (checklist doc id); nullopt = unknown
  std::optional<int> stage;  // 1..8
  Source type_source = Source::none;
  Text number;  // document number (文号) as written
  Text date;    // ISO yyyy-mm-dd
  std::optional<int> pages;
  Text seal;                                    // seal name declared by the manifest
  bool has_text = false;                        // false: scan, vector-only, encrypted, unsupported
  std::string title;                            // first heading lines, used for classification
  std::string text;                             // full extracted text (UTF-8)
  std::map<std::string, std::string> metadata;  // title, author, created...
  std::vector<Fact> facts;
  std::vector<Signature> signatures;
  // The pages whose text OCR read, in page order; empty when all of the
  // text is the file's own (or OCR was off). docs/formats/ocr.md.
  std::vector<OcrPage> ocr_pages;
};

// The first fact of `kind` in `d`, if any (the document's own number and
// date come from it when no manifest declares them).
inline Text first_fact(const Document& d, std::string_view kind) {
  for (const Fact& f : d.facts)
    if (f.kind == kind) return f.value;
  return std::nullopt;
}

// A problem met while importing one member, reported as an `import` finding.
struct ImportIssue {
  std::string member;  // decoded name, or hex of the raw bytes when undecodable
  std::string reason;  // Chinese, for the inspector
};

// Case-level data declared by a manifest (or later derived from facts).
struct CaseInfo {
  Text case_number;
  Text street;
  Text party;
  Text party_id;   // credit code or ID number
  Text procedure;  // "general" or "simple"
  std::optional<double> fine;
  std::map<std::string, std::string> dates;  // filed, decided, closed... ISO
  std::map<std::string, std::string> flags;  // hearing_requested=true...
};

// A file's size and modification time: an archive whose stamp equals the
// stored one is taken as unchanged without being read (as git and rsync do).
struct FileStamp {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;  // since the file clock's epoch
  bool operator==(const FileStamp&) const = default;
};

struct Case {
  std::string archive;             // path as given on the command line
  std::string sha256;              // of the archive bytes
  std::optional<FileStamp> stamp;  // of the archive file when read from one
  bool rejected = false;           // archive could not be read at all
  std::string error;               // Chinese reason when rejected
  bool has_manifest = false;
  CaseInfo info;
  std::vector<Document> documents;
  std::vector<ImportIssue> issues;
  // The stored case this one was read back from (CaseLoader), 0 when parsed:
  // saving it again into its own round updates it in place.
  long long stored_id = 0;
  // Its position in the run's input (app/audit.cc): cases are saved as they
  // complete, and a round lists each run's cases in this order.
  std::optional<long long> input_ord;
};

struct Finding {
  std::string rule;      // stable rule id from the checklist
  std::string kind;      // import missing_document deadline numbering ...
  std::string severity;  // veto major minor info
  std::optional<int> stage;
  Text document;        // document type or member the finding is about
  std::string message;  // Chinese
  std::string basis;    // legal basis
  std::vector<std::string> evidence;
  double deduction = 0;
};

}  // namespace auditor
