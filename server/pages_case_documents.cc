// The documents of the case page (server/pages_case.h), stage by stage.
#include <algorithm>

#include "reports/labels.h"
#include "server/html.h"
#include "server/pages_case.h"

namespace auditor::server {
namespace {

std::string format_label(const std::string& format) {
  if (format == "docx") return "DOCX";
  if (format == "pdf") return "PDF";
  if (format == "ofd") return "OFD";
  if (format == "image") return "图片";
  if (format == "unsupported") return "不支持的格式";
  return "未知格式";
}

// The lower-case extension of the member a document came from ("卷宗.pdf#第3-4页": "pdf").
std::string extension_of(const std::string& path) {
  const std::string member = path.substr(0, path.rfind("#第"));
  const std::size_t dot = member.find_last_of('.');
  if (dot == std::string::npos || member.find('/', dot) != std::string::npos) return "";
  std::string ext = member.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// The first page of a split part ("#第3-4页" → 3), for the PDF viewer's #page=.
std::string first_page(const std::string& path) {
  const std::size_t mark = path.rfind("#第");
  if (mark == std::string::npos) return "";
  std::string digits;
  for (std::size_t i = mark + 4; i < path.size() && path[i] >= '0' && path[i] <= '9'; ++i)
    digits += path[i];
  return digits;
}

std::string document_name(const Document& d, const Checklist& checklist) {
  if (d.type)
    if (const DocType* t = checklist.doc_type(*d.type)) return t->name;
  if (std::string line = first_title_line(d.title); !line.empty()) return line + "（未识别）";
  return d.path.substr(d.path.find_last_of('/') + 1) + "（未识别）";
}

std::string facts_html(const Document& d) {
  if (d.facts.empty()) return "";
  std::string out =
      "<details class=\"facts\"><summary>提取的要素（" + std::to_string(d.facts.size()) +
      " 项）</summary><table><thead><tr><th>要素</th><th>值</th><th>原文</th></tr></thead><tbody>";
  for (const Fact& f : d.facts)
    out += "<tr><td>" + html_escape(f.kind) + "</td><td>" + html_escape(f.value) + "</td><td>" +
           html_escape(f.snippet) + "</td></tr>";
  return out + "</tbody></table></details>";
}

std::string text_html(const Document& d) {
  if (!d.has_text || d.text.empty())
    return "<p class=\"no-text\">无可提取的文字（扫描件、图片或无法读取）。</p>";
  std::string text = d.text;
  std::string note;
  if (text.size() > kMaxShownText) {
    std::size_t cut = kMaxShownText;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    note = "<p class=\"cut\">文字过长，页面只显示前 " + std::to_string(cut / 1024) + " KB（共 " +
           std::to_string(text.size() / 1024) + " KB）。</p>";
    text.resize(cut);
  }
  std::string shown;
  for (char c : text) shown += c == '\f' ? std::string("\n—— 分页 ——\n") : std::string(1, c);
  return "<details class=\"text\"><summary>文书文字</summary><pre>" + html_escape(shown) +
         "</pre>" + note + "</details>";
}

std::string original_html(const Document& d, long long id, std::size_t n, const std::string& name) {
  const std::string src =
      "/api/cases/" + std::to_string(id) + "/documents/" + std::to_string(n) + "/original";
  const std::string ext = extension_of(d.path);
  std::string out = "<div class=\"original\">";
  if (d.format == "pdf") {
    const std::string page = first_page(d.path);
    out += "<iframe src=\"" + src + (page.empty() ? "" : "#page=" + page) +
           "\" loading=\"lazy\" title=\"原件：" + html_escape(name) + "\"></iframe>";
  } else if (d.format == "image" && (ext == "png" || ext == "jpg" || ext == "jpeg")) {
    out += "<img src=\"" + src + "\" loading=\"lazy\" alt=\"原件：" + html_escape(name) + "\">";
  }
  out += "<p><a class=\"original-link\" href=\"" + src + "\"" +
         (d.format == "pdf" || d.format == "image" ? "" : " download") + ">" +
         (d.format == "pdf" || d.format == "image" ? "单独打开原件" : "下载原件") + "</a></p>";
  return out + "</div>";
}

std::string document_html(const Document& d, long long id, std::size_t n,
                          const Checklist& checklist) {
  const std::string name = document_name(d, checklist);
  std::string out = "<article class=\"document\" data-document=\"" + std::to_string(n) + "\"><h3>" +
                    html_escape(name) + "</h3><p class=\"doc-meta\">文件：" + html_escape(d.path) +
                    "　格式：" + format_label(d.format);
  if (d.number) out += "　文号：" + html_escape(*d.number);
  if (d.date) out += "　日期：" + html_escape(*d.date);
  if (d.pages) out += "　页数：" + std::to_string(*d.pages);
  if (!d.signatures.empty()) {
    const auto intact = std::count_if(d.signatures.begin(), d.signatures.end(),
                                      [](const Signature& s) { return s.intact(); });
    out += "　电子签章：" + std::to_string(d.signatures.size()) + " 个（" + std::to_string(intact) +
           " 个校验一致）";
  }
  out += "</p>" + facts_html(d) + text_html(d) + original_html(d, id, n, name);
  return out + "</article>";
}

}  // namespace

std::string documents_html(const CaseView& v, const Checklist& checklist) {
  const std::vector<Document>& docs = v.result.c.documents;
  std::string out = "<section class=\"documents\"><h2>卷内文书（按阶段，共 " +
                    std::to_string(docs.size()) + " 份）</h2>";
  std::vector<bool> shown(docs.size(), false);
  auto stage_html = [&](const std::string& title, const std::string& number, auto belongs) {
    std::string part;
    for (std::size_t i = 0; i < docs.size(); ++i)
      if (!shown[i] && belongs(docs[i])) {
        shown[i] = true;
        part += document_html(docs[i], v.row.id, i + 1, checklist);
      }
    if (part.empty()) return;
    out += "<section class=\"stage\" data-stage=\"" + number + "\"><h2>" + html_escape(title) +
           "</h2>" + part + "</section>";
  };
  for (const Stage& st : checklist.stages)
    stage_html("第" + std::to_string(st.number) + "阶段 " + st.name, std::to_string(st.number),
               [&](const Document& d) { return d.stage == st.number; });
  stage_html("未分阶段", "", [](const Document&) { return true; });
  if (docs.empty()) out += "<p>未读取到文书。</p>";
  return out + "</section>";
}

}  // namespace auditor::server
