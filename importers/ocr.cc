#include "importers/ocr.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "importers/formats.h"
#include "importers/split_documents.h"

namespace auditor {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

int metadata_int(const Document& d, const char* key) {
  auto it = d.metadata.find(key);
  return it == d.metadata.end() ? 0 : std::atoi(it->second.c_str());
}

// Byte offset in `text` of the start of each '\f'-separated page, and one
// past the end (text.size() + 1, as if a '\f' followed).
std::vector<std::size_t> page_starts(const std::string& text) {
  std::vector<std::size_t> out{0};
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', ff + 1))
    out.push_back(ff + 1);
  out.push_back(text.size() + 1);
  return out;
}

}  // namespace

std::vector<int> pages_to_ocr(const Document& d) {
  std::vector<int> out;
  if (d.format == "image") {
    if (std::min(metadata_int(d, "width"), metadata_int(d, "height")) < kOcrMinSide) return out;
    for (int p = 1; p <= d.pages.value_or(1); ++p) out.push_back(p);
  } else if (d.format == "pdf" && !d.metadata.count("encrypted") && d.pages.value_or(0) > 0) {
    const std::vector<std::string> pages = text_pages(d.text);
    const std::size_t read = std::min<std::size_t>(pages.size(), *d.pages);
    for (std::size_t i = 0; i < read; ++i)
      if (blank(pages[i])) out.push_back(static_cast<int>(i) + 1);
  }
  return out;
}

void merge_ocr(Document& d, std::vector<OcrReading> readings) {
  std::sort(readings.begin(), readings.end(),
            [](const OcrReading& a, const OcrReading& b) { return a.page.page < b.page.page; });
  std::vector<std::string> pages;
  if (d.format == "pdf") {
    pages = text_pages(d.text);
  } else {
    pages.resize(std::max<std::size_t>(1, static_cast<std::size_t>(d.pages.value_or(1))));
  }
  std::map<int, OcrReading*> by_page;
  for (OcrReading& r : readings)
    if (r.page.page >= 1 && static_cast<std::size_t>(r.page.page) <= pages.size())
      by_page[r.page.page] = &r;
  std::string text;
  d.ocr_pages.clear();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) {
      if (!text.empty() && text.back() != '\n') text += '\n';
      text += '\f';
    }
    auto it = by_page.find(static_cast<int>(i) + 1);
    if (it == by_page.end()) {
      text += pages[i];
      continue;
    }
    OcrReading& r = *it->second;
    OcrPage page = std::move(r.page);
    page.begin = text.size();
    text += r.text;
    page.end = text.size();
    d.ocr_pages.push_back(std::move(page));
  }
  d.text = std::move(text);
  d.has_text = !blank(d.text);
  d.title = title_lines(d.text);
}

std::vector<OcrPage> ocr_pages_of_part(const Document& whole, std::size_t first, std::size_t last) {
  std::vector<OcrPage> out;
  const std::vector<std::size_t> starts = page_starts(whole.text);
  if (first >= last || last >= starts.size()) return out;
  const std::size_t from = starts[first], to = starts[last] - 1;
  for (const OcrPage& p : whole.ocr_pages) {
    if (p.begin < from || p.end > to) continue;
    OcrPage part = p;
    part.begin -= from;
    part.end -= from;
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace auditor
