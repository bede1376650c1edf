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
#include <vector>

#include "importers/doc_limits.h"
#include "importers/layout/layout.h"
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

// More words than any form or letter page holds: the layout's cost grows
// with words times column starts, so such a page is read in raw order.
constexpr std::size_t kMaxLayoutWords = 6000;

// The words of a page as layout.h takes them; false when some text is
// rotated or the page holds too many words.
bool page_words(const poppler::page& page, std::vector<text_layout::Word>& words) {
  const std::vector<poppler::text_box> boxes = page.text_list();
  if (boxes.size() > kMaxLayoutWords) return false;
  for (const poppler::text_box& b : boxes) {
    if (b.rotation() != 0) return false;
    const poppler::rectf r = b.bbox();
    std::string t = utf8(b.text());
    std::erase_if(t, [](char c) { return c == '\f' || c == '\r' || c == '\n' || c == '\t'; });
    if (t.empty()) continue;
    words.push_back({r.left(), r.top(), r.right(), r.bottom(), std::move(t), b.has_space_after()});
  }
  return true;
}

// Page text in content-stream order, for pages holding rotated text: keeps a
// table row of a LibreOffice PDF on one line. Form feeds and CRs are dropped.
std::string raw_text(const poppler::page& page) {
  std::string text = utf8(page.text(page.page_rect(), poppler::page::raw_order_layout));
  std::erase_if(text, [](char c) { return c == '\f' || c == '\r'; });
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

// The pages whose text is extracted (importers/doc_limits.h): at most
// kMaxPages, and none once the text or the words held for the layout reach
// their budget. Checked before a page is extracted, so a page tree naming
// one heavy content stream thousands of times stops early; one page's own
// cost is bounded by the parse process's time limit (importers/sandbox.h).
class Budget {
 public:
  // Whether page `index` (of `pages`) is extracted; notes why not.
  bool allows(int index, int pages) {
    if (!why_.empty()) return false;
    const std::string from = "，自第 " + std::to_string(index + 1) + " 页起未读取";
    if (index >= kMaxPages)
      why_ = "共 " + std::to_string(pages) + " 页，超过 " + std::to_string(kMaxPages) +
             " 页的上限" + from;
    else if (text_ >= kMaxTextBytes)
      text_over(from);
    else if (words_ >= kMaxDocWords)
      why_ = "文字块超过 " + std::to_string(kMaxDocWords) + " 个的上限" + from;
    return why_.empty();
  }
  void spend(const std::vector<text_layout::Word>& words, const std::string& raw) {
    words_ += words.size();
    text_ += raw.size();
    for (const text_layout::Word& w : words) text_ += w.text.size() + 1;
  }
  // The text was cut at kMaxTextBytes inside the last page taken.
  void text_cut() {
    if (why_.empty()) text_over("，其后的文字未读取");
  }
  const std::string& why() const { return why_; }

 private:
  void text_over(const std::string& rest) {
    why_ = "文字超过 " + std::to_string(mb_of(kMaxTextBytes)) + " MB 的上限" + rest;
  }
  std::size_t text_ = 0;   // bytes of the pages taken (words and a separator each)
  std::size_t words_ = 0;  // words of those pages held for the layout
  std::string why_;        // Chinese; empty while nothing was left out
};

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
  // Pages rebuilt from word positions (layout.h), rotated ones in raw order;
  // taken while the page, text and word budgets last, checked before a
  // page's text is extracted.
  std::vector<std::vector<text_layout::Word>> words;
  std::vector<std::string> raw;
  Budget budget;
  for (int i = 0; i < pages && budget.allows(i, pages); ++i) {
    std::vector<text_layout::Word>& w = words.emplace_back();
    std::string& r = raw.emplace_back();
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;
    if (!page_words(*page, w)) {
      w.clear();
      r = raw_text(*page);
    }
    budget.spend(w, r);
  }
  std::vector<std::string> laid = text_layout::page_texts(std::move(words));
  // Each page after the first starts with a form feed (after the '\n' that
  // ends the page before, even an empty one): importers/split_documents.h cuts
  // a whole-case PDF at its pages; importers/facts_text.cc drops the mark.
  std::string text;
  for (std::size_t i = 0; i < laid.size(); ++i) {
    if (i > 0) {
      if (!text.empty() && text.back() != '\n') text += '\n';
      text += '\f';
    }
    text += text_layout::join_cjk_digits(raw[i].empty() ? laid[i] : raw[i]);
  }
  if (cap_text(text)) budget.text_cut();  // the last page taken went past the budget
  doc.has_text = text.find_first_not_of(" \t\n\f") != std::string::npos;
  doc.text = std::move(text);
  if (!budget.why().empty()) return Status::failure("PDF " + budget.why());
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
