// PDF text and metadata through poppler-cpp, built as the module
// libauditor_pdf.so (importers/pdf_module.h). See docs/formats/pdf.md.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "importers/pdf_module.h"

namespace auditor {
namespace {

// An empty one-page-tree PDF, complete with its cross-reference table.
constexpr std::string_view kEmptyPdf =
    "%PDF-1.4\n"
    "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
    "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
    "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n"
    "trailer <</Size 3 /Root 1 0 R>>\nstartxref\n106\n%%EOF\n";

// Silences poppler's messages (a damaged PDF becomes a finding instead) and
// keeps its global tables (fonts, encodings) built while the process runs:
// poppler-cpp builds them when a document opens while none is open and frees
// them when the last one closes, which made every PDF pay for them again.
// One empty document holds them; it is destroyed at exit.
void init_poppler() {
  static const std::unique_ptr<poppler::document> held = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return std::unique_ptr<poppler::document>(poppler::document::load_from_raw_data(
        kEmptyPdf.data(), static_cast<int>(kEmptyPdf.size())));
  }();
}

std::string utf8(const poppler::ustring& u) {
  const poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// ISO 8601 in UTC; empty when the date is absent ((time_t)-1).
std::string iso_utc(std::time_t t) {
  if (t == static_cast<std::time_t>(-1)) return {};
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Code point of the UTF-8 sequence starting at s[i] (poppler's output is valid).
char32_t decode_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  return cp;
}

// Code point of the sequence ending just before s[i].
char32_t decode_before(std::string_view s, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return decode_at(s, start);
}

// Han ideographs, CJK punctuation (except the ideographic space) and
// full-width forms.
bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp > 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// LibreOffice starts a new text run where Han text meets ASCII digits and
// poppler shows the gap as one space ("〔2024〕31 号", "2024 年"); drop it.
std::string join_cjk_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i > 0 && i + 1 < s.size() && s[i - 1] != ' ' && s[i + 1] != ' ') {
      const char32_t before = decode_before(s, i), after = decode_at(s, i + 1);
      if ((is_cjk(before) && is_digit(after)) || (is_digit(before) && is_cjk(after))) continue;
    }
    out += s[i];
  }
  return out;
}

// Page text in content-stream order: keeps a table row of a LibreOffice PDF
// on one line and adds no layout padding. Form feeds and CRs are dropped.
std::string page_text(const poppler::page& page) {
  std::string text = utf8(page.text(page.page_rect(), poppler::page::raw_order_layout));
  std::erase_if(text, [](char c) { return c == '\f' || c == '\r'; });
  if (!text.empty() && text.back() != '\n') text += '\n';
  return join_cjk_digits(text);
}

void put(Document& doc, const char* key, std::string value) {
  if (!value.empty()) doc.metadata[key] = std::move(value);
}

Status read_pdf(std::string_view bytes, Document& doc) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Status::failure("PDF 文件过大（超过 2 GB），无法读取");
  init_poppler();
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) return Status::failure("PDF 无法打开：文件损坏");
  doc.has_text = false;
  if (pdf->is_locked()) {  // needs a password to open: nothing else is readable
    doc.metadata["encrypted"] = "true";
    return Status::success();
  }
  put(doc, "title", utf8(pdf->get_title()));
  put(doc, "author", utf8(pdf->get_author()));
  put(doc, "creator", utf8(pdf->get_creator()));
  put(doc, "producer", utf8(pdf->get_producer()));
  put(doc, "created", iso_utc(pdf->get_creation_date_t()));
  put(doc, "modified", iso_utc(pdf->get_modification_date_t()));
  const int pages = pdf->pages();
  doc.pages = pages;
  std::string text;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (page) text += page_text(*page);
  }
  doc.has_text = text.find_first_not_of(" \t\n") != std::string::npos;
  doc.text = std::move(text);
  return Status::success();
}

}  // namespace
}  // namespace auditor

extern "C" void auditor_read_pdf(std::string_view bytes, auditor::Document& doc,
                                 auditor::Status& status) {
  try {
    status = auditor::read_pdf(bytes, doc);
  } catch (const std::exception&) {  // bad_alloc and the like from poppler
    status = auditor::Status::failure("PDF 解析失败：文件损坏或过于复杂");
  }
}
static_assert(std::is_same_v<decltype(auditor_read_pdf), auditor::ReadPdf>);
