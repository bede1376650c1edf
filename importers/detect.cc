// Format detection by magic bytes and, for zips, by the parts inside; and the
// title lines used for classification.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "importers/formats.h"
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

std::string detect_format(std::string_view bytes, std::string_view /*name*/) {
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return "pdf";
  if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06"))
    return classify_zip(bytes);
  if (starts_with(bytes, "\xFF\xD8\xFF") || starts_with(bytes, "\x89PNG\r\n\x1A\n") ||
      starts_with(bytes, std::string_view("II*\0", 4)) ||
      starts_with(bytes, std::string_view("MM\0*", 4)))
    return "image";
  if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") ||  // OLE2: doc wps xls
      starts_with(bytes, "Rar!\x1A\x07") || starts_with(bytes, "7z\xBC\xAF\x27\x1C"))
    return "unsupported";
  return "unknown";
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
