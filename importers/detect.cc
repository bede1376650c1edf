// Format detection by magic bytes and, for zips, by the parts inside; and the
// title lines used for classification.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "importers/formats.h"
#include "importers/legacy_ole.h"
#include "importers/parse_document.h"
#include "importers/zip_central.h"
#include "importers/zip_reader.h"

namespace auditor {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// "docx" or "ofd" when the zip's directory lists their main part, else "zip"
// (also when there is no readable directory). Only the directory is parsed:
// the reader that opens the package next reports any damage.
std::string classify_zip(std::string_view bytes) {
  auto records = read_central_directory(bytes, ZipLimits{}.max_entries);
  if (!records) return "zip";
  for (const CentralRecord& r : *records) {
    if (iequals(r.raw_name, "word/document.xml")) return "docx";
    if (iequals(r.raw_name, "OFD.xml")) return "ofd";
  }
  return "zip";
}

bool is_image(std::string_view bytes) {
  return starts_with(bytes, "\xFF\xD8\xFF") || starts_with(bytes, "\x89PNG\r\n\x1A\n") ||
         starts_with(bytes, std::string_view("II*\0", 4)) ||
         starts_with(bytes, std::string_view("MM\0*", 4));
}

// Microsoft Works 2 and 3 word processor files, before Works used OLE2:
// a first byte under 6, then 0xFE (as libwps detects them). Only files no
// other signature claimed get here.
bool is_old_works(std::string_view bytes) {
  return bytes.size() >= 128 && static_cast<unsigned char>(bytes[0]) < 6 &&
         static_cast<unsigned char>(bytes[1]) == 0xFE;
}

// A PDF header within the first KiB, where PDF readers look for it.
bool has_pdf_header(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// The zip at the end of `bytes`: all of them when their directory reads,
// or what follows the bytes put before a zip, as unzip reads such a file
// (its directory's offsets count from the zip's own start). The signature is
// looked for first (memchr-fast): read_central_directory tries every
// position of the last 64 KiB.
std::optional<std::string_view> zip_at_end(std::string_view bytes) {
  constexpr std::size_t kEocd = 22, kTail = 0xFFFF + kEocd;
  const std::string_view tail = bytes.substr(bytes.size() - std::min(bytes.size(), kTail));
  if (tail.find("PK\x05\x06") == std::string_view::npos) return std::nullopt;
  const std::size_t eocd = bytes.size() - tail.size() + tail.rfind("PK\x05\x06");
  if (eocd + kEocd > bytes.size()) return std::nullopt;
  if (read_central_directory(bytes, ZipLimits{}.max_entries)) return bytes;
  auto le32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return std::uint64_t{v};
  };
  const std::uint64_t end_of_directory = le32(eocd + 12) + le32(eocd + 16);
  if (end_of_directory == 0 || end_of_directory >= eocd) return std::nullopt;
  const std::string_view shifted = bytes.substr(eocd - end_of_directory);
  if (read_central_directory(shifted, ZipLimits{}.max_entries)) return shifted;
  return std::nullopt;
}

// Trims ASCII whitespace, NBSP (U+00A0) and the ideographic space (U+3000).
std::string_view trim(std::string_view s) {
  static constexpr std::string_view kSpaces[] = {" ",  "\t",       "\r",          "\v",
                                                 "\f", "\xC2\xA0", "\xE3\x80\x80"};
  auto strip_one = [&s](bool front) {
    for (std::string_view ws : kSpaces) {
      if (front && s.starts_with(ws)) {
        s.remove_prefix(ws.size());
        return true;
      }
      if (!front && s.ends_with(ws)) {
        s.remove_suffix(ws.size());
        return true;
      }
    }
    return false;
  };
  while (strip_one(true)) {
  }
  while (strip_one(false)) {
  }
  return s;
}

}  // namespace

// The signature at offset 0 decides. A PDF header later in the first KiB
// (junk before it, as PDF readers accept) counts only when nothing else
// starts the file: a zip-based document is a zip even when a member stored
// first is a PDF (polyglot_format names the other format).
std::string detect_format(std::string_view bytes, std::string_view /*name*/) {
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06"))
    return classify_zip(bytes);
  if (starts_with(bytes, "%PDF-")) return "pdf";
  if (is_image(bytes)) return "image";
  if (starts_with(bytes, kOleMagic)) return ole_format(ole_kind(bytes));
  if (starts_with(bytes, "Rar!\x1A\x07") || starts_with(bytes, "7z\xBC\xAF\x27\x1C"))
    return "unsupported";
  if (has_pdf_header(bytes)) return "pdf";
  if (is_old_works(bytes)) return "works";
  return "unknown";
}

std::string polyglot_format(std::string_view bytes, std::string_view format) {
  // A plain zip holding a stored PDF first is that PDF's archive, not a
  // polyglot: its members are read one by one.
  if ((format == "docx" || format == "ofd" || format == "image") && has_pdf_header(bytes))
    return "pdf";
  if (format == "pdf" || format == "image") {
    // A zip is read from its end: a directory there makes the file a zip too.
    if (const std::optional<std::string_view> zip = zip_at_end(bytes)) return classify_zip(*zip);
  }
  return {};
}

std::string title_lines(std::string_view text) {
  constexpr int kMaxLines = 3;
  std::string out;
  int taken = 0;
  while (!text.empty() && taken < kMaxLines) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = trim(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    if (line.empty()) continue;
    if (taken++ > 0) out += '\n';
    out += line;
  }
  return out;
}

}  // namespace auditor
