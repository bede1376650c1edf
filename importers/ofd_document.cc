#include "importers/ofd_document.h"

#include "importers/doc_limits.h"
#include "importers/ofd_signatures.h"
#include "importers/ofd_xml.h"

namespace auditor::ofd {

bool DocumentReader::read(const std::string& entry, pugi::xml_node body,
                          const std::string& doc_path) {
  Result<std::unique_ptr<pugi::xml_document>> xml = pkg_.read_xml(doc_path);
  if (!xml) {
    note(xml.error());
    return false;
  }
  const pugi::xml_node root = (*xml)->document_element();
  if (local_name(root) != "Document") {
    note(doc_path + " 的根元素不是 Document");
    return false;
  }
  Templates templates;
  for (pugi::xml_node tp : children(child(root, "CommonData"), "TemplatePage"))
    templates.emplace(trim(attr(tp, "ID")), TemplatePage{attr(tp, "BaseLoc"), attr(tp, "ZOrder")});
  const std::vector<pugi::xml_node> pages = children(child(root, "Pages"), "Page");
  if (pages.size() > limits_.max_entries) {
    note(doc_path + " 声明了 " + std::to_string(pages.size()) + " 页，超过上限");
    return false;
  }
  // Pages are taken while the budgets last, checked before a page's runs
  // are copied; laid out together: a table's columns are learnt over all
  // its pages.
  std::vector<std::vector<TextRun>> runs;
  for (std::size_t k = 0; k < pages.size() && !capped_; ++k) {
    const int number = pages_ + static_cast<int>(k) + 1;
    const std::vector<const Part*> parts = page_parts(number, pages[k], doc_path, templates);
    if (!fits(parts)) break;
    std::vector<TextRun>& page = runs.emplace_back();
    for (const Part* part : parts) page.insert(page.end(), part->runs.begin(), part->runs.end());
  }
  // Each page after the package's first starts with a form feed, as the PDF
  // and DOCX readers mark pages (importers/split_documents.h cuts a whole-case
  // file at them; importers/facts_text.cc drops the mark).
  std::vector<std::vector<std::string>> laid = page_lines(runs);
  runs.clear();
  for (std::size_t k = 0; k < laid.size(); ++k) {
    if (pages_ + k > 0) {
      if (laid[k].empty()) laid[k].emplace_back();
      laid[k].front().insert(0, 1, '\f');
    }
    lines_.insert(lines_.end(), laid[k].begin(), laid[k].end());
  }
  read_signatures(entry, body, doc_path, pages_, pages);
  pages_ += static_cast<int>(pages.size());
  return true;
}

const DocumentReader::Part* DocumentReader::part_of(const std::string& path,
                                                    const std::string& what) {
  auto cached = parts_.find(path);
  if (cached != parts_.end()) return cached->second ? &*cached->second : nullptr;
  std::optional<Part>& slot = parts_[path];
  Result<std::unique_ptr<pugi::xml_document>> xml = pkg_.read_xml(path);
  if (!xml) {
    note(what + "：" + xml.error());
    return nullptr;
  }
  const pugi::xml_node root = (*xml)->document_element();
  Part part;
  part.runs = page_runs(root);
  for (const TextRun& r : part.runs) part.text_bytes += r.text.size();
  for (pugi::xml_node t : children(root, "Template"))
    part.templates.emplace_back(trim(attr(t, "TemplateID")), trim(attr(t, "ZOrder")));
  slot = std::move(part);
  return &*slot;
}

// Text order per page: Background templates, the page's own content, then
// Foreground templates (ZOrder from the page's <Template>, else from the
// TemplatePage, default Background). Templates of templates are not
// followed, so references cannot loop.
std::vector<const DocumentReader::Part*> DocumentReader::page_parts(int number, pugi::xml_node page,
                                                                    const std::string& doc_path,
                                                                    const Templates& templates) {
  const std::string what = "第 " + std::to_string(number) + " 页";
  const std::string loc = attr(page, "BaseLoc");
  std::optional<std::string> path = pkg_.locate(doc_path, loc);
  if (!path) {
    note(what + "：找不到页面内容「" + loc + "」");
    return {};
  }
  const Part* part = part_of(*path, what);
  if (!part) return {};
  std::vector<const Part*> background, foreground;
  for (const auto& [id, zorder] : part->templates) {
    auto declared = templates.find(id);
    if (declared == templates.end()) {
      note(what + "：引用的模板页 " + id + " 未在 Document.xml 中声明");
      continue;
    }
    std::optional<std::string> tpath = pkg_.locate(doc_path, declared->second.loc);
    if (!tpath) {
      note(what + "：找不到模板页「" + declared->second.loc + "」");
      continue;
    }
    const Part* tpl = part_of(*tpath, "模板页 " + id);
    if (!tpl) continue;
    const std::string& z = zorder.empty() ? declared->second.zorder : zorder;
    (z == "Foreground" ? foreground : background).push_back(tpl);
  }
  background.push_back(part);
  background.insert(background.end(), foreground.begin(), foreground.end());
  return background;
}

bool DocumentReader::fits(const std::vector<const Part*>& parts) {
  std::size_t text = 0, runs = 0;
  for (const Part* p : parts) {
    text += p->text_bytes;
    runs += p->runs.size();
  }
  const std::size_t taken = static_cast<std::size_t>(pages_taken_);
  const std::string from = "，自第 " + std::to_string(taken + 1) + " 页起未读取";
  if (taken >= static_cast<std::size_t>(kMaxPages)) {
    note("页数超过 " + std::to_string(kMaxPages) + " 页的上限" + from);
  } else if (text_bytes_ + text > kMaxTextBytes) {
    note("文字超过 " + std::to_string(mb_of(kMaxTextBytes)) + " MB 的上限" + from);
  } else if (runs_ + runs > kMaxDocWords) {
    note("文字块超过 " + std::to_string(kMaxDocWords) + " 个的上限" + from);
  } else {
    text_bytes_ += text;
    runs_ += runs;
    ++pages_taken_;
    return true;
  }
  capped_ = true;
  return false;
}

// Signatures.xml is found through DocBody/Signatures; when that is absent or
// dangling, a Signatures.xml beside Document.xml is used (iOFD writes one
// there without referencing it).
void DocumentReader::read_signatures(const std::string& entry, pugi::xml_node body,
                                     const std::string& doc_path, int first_page,
                                     const std::vector<pugi::xml_node>& page_elements) {
  PageNumbers numbers;
  for (std::size_t k = 0; k < page_elements.size(); ++k) {
    const std::string id = trim(attr(page_elements[k], "ID"));
    if (!id.empty()) numbers.emplace(id, first_page + static_cast<int>(k) + 1);
  }
  std::optional<std::string> list;
  const std::string loc = trimmed_text(child(body, "Signatures"));
  if (!loc.empty()) {
    list = pkg_.locate(entry, loc);
    if (!list) note("找不到签名列表「" + loc + "」");
  }
  if (!list) list = pkg_.locate(doc_path, "Signatures.xml");
  if (list) ofd::read_signatures(pkg_, *list, numbers, signatures_, damage_);
}

}  // namespace auditor::ofd
