#include "importers/ofd_document.h"

#include "importers/ofd_signatures.h"
#include "importers/ofd_xml.h"

namespace auditor::ofd {
namespace {

constexpr std::size_t kMaxTextBytes = 64u << 20;

}  // namespace

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
  // Laid out together: a table's columns are learnt over all its pages.
  std::vector<std::vector<TextRun>> runs;
  for (std::size_t k = 0; k < pages.size(); ++k)
    runs.push_back(read_page(pages_ + static_cast<int>(k) + 1, pages[k], doc_path, templates));
  // Each page after the package's first starts with a form feed, as the PDF
  // and DOCX readers mark pages (importers/split_documents.h cuts a whole-case
  // file at them; importers/facts_text.cc drops the mark).
  std::vector<std::vector<std::string>> laid = page_lines(runs);
  for (std::size_t k = 0; k < laid.size(); ++k) {
    if (pages_ + k > 0) {
      if (laid[k].empty()) laid[k].emplace_back();
      laid[k].front().insert(0, 1, '\f');
    }
    add_lines(laid[k]);
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
  for (pugi::xml_node t : children(root, "Template"))
    part.templates.emplace_back(trim(attr(t, "TemplateID")), trim(attr(t, "ZOrder")));
  slot = std::move(part);
  return &*slot;
}

// Text order per page: Background templates, the page's own content, then
// Foreground templates (ZOrder from the page's <Template>, else from the
// TemplatePage, default Background). Templates of templates are not
// followed, so references cannot loop.
std::vector<TextRun> DocumentReader::read_page(int number, pugi::xml_node page,
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
  std::vector<TextRun> background, foreground;
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
    std::vector<TextRun>& dest = z == "Foreground" ? foreground : background;
    dest.insert(dest.end(), tpl->runs.begin(), tpl->runs.end());
  }
  background.insert(background.end(), part->runs.begin(), part->runs.end());
  background.insert(background.end(), foreground.begin(), foreground.end());
  return background;
}

void DocumentReader::add_lines(const std::vector<std::string>& lines) {
  for (const std::string& l : lines) {
    if (truncated_) return;
    if (text_bytes_ + l.size() > kMaxTextBytes) {
      truncated_ = true;
      note("文本超过 " + std::to_string(kMaxTextBytes >> 20) + " MB，其余部分未读取");
      return;
    }
    text_bytes_ += l.size() + 1;
    lines_.push_back(l);
  }
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
