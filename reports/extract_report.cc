#include "reports/extract_report.h"

#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include "util/text_safety.h"

namespace auditor {
namespace {

template <typename T>
nlohmann::ordered_json or_null(const std::optional<T>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

std::string type_name(const Document& d, const Checklist& checklist) {
  if (!d.type) return "未知";
  const DocType* t = checklist.doc_type(*d.type);
  return t ? t->name : *d.type;
}

std::vector<std::string> issues_of(const Document& d, const std::vector<ImportIssue>& issues) {
  std::vector<std::string> out;
  for (const ImportIssue& i : issues)
    if (i.member == d.path) out.push_back(i.reason);
  return out;
}

std::string signature_line(const Signature& s) {
  std::ostringstream out;
  out << s.type << " " << s.id << "  第 " << (s.page ? std::to_string(*s.page) : "?")
      << " 页  时间 " << s.time.value_or("未知") << "  提供者 " << s.provider.value_or("未知")
      << "  印章 " << s.seal_name.value_or("未知") << "  摘要校验 " << s.digests_ok << "/"
      << s.references << (s.intact() ? "（完整）" : "（不一致，文件可能被改动）");
  return out.str();
}

// Every date the document's text gives with the label it was written under
// ("签收日期：2024-04-08"), then its signature date, for `extract` to show.
std::vector<std::pair<std::string, std::string>> dates_of(const Document& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Fact& f : d.facts) {
    if (f.kind != "labelled_date") continue;
    const std::size_t eq = f.value.rfind('=');
    if (eq != std::string::npos) out.push_back({f.value.substr(0, eq), f.value.substr(eq + 1)});
  }
  for (const Fact& f : d.facts)
    if (f.kind == "doc_date") out.push_back({"落款日期", f.value});
  return out;
}

// "layer": the file's own text; "ocr": all of it read by OCR; "mixed":
// some pages each.
std::string ocr_source(const Document& d) {
  constexpr std::string_view kBlank = " \t\r\n\f";
  bool ocr = false, own = false;
  std::size_t at = 0;
  auto own_text = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < d.text.size() && !own; ++k)
      own = kBlank.find(d.text[k]) == std::string_view::npos;
  };
  for (const OcrPage& p : d.ocr_pages) {
    ocr = ocr || p.end > p.begin;
    own_text(at, p.begin);
    at = p.end;
  }
  own_text(at, d.text.size());
  return !ocr ? "layer" : own ? "mixed" : "ocr";
}

}  // namespace

nlohmann::ordered_json document_json(const Document& d, const Checklist& checklist,
                                     const std::vector<ImportIssue>& issues) {
  nlohmann::ordered_json j;
  j["path"] = d.path;
  j["format"] = d.format;
  j["type"] = or_null(d.type);
  j["type_name"] = d.type ? nlohmann::ordered_json(type_name(d, checklist)) : nullptr;
  j["stage"] = or_null(d.stage);
  j["title"] = d.title;
  j["has_text"] = d.has_text;
  j["pages"] = or_null(d.pages);
  j["number"] = or_null(d.number);
  j["date"] = or_null(d.date);
  j["metadata"] = d.metadata;
  // Text OCR made (docs/formats/ocr.md): per page, and on each fact read
  // from it.
  j["text_source"] = ocr_source(d);
  j["ocr_pages"] = nlohmann::ordered_json::array();
  for (const OcrPage& p : d.ocr_pages)
    j["ocr_pages"].push_back({{"page", p.page},
                              {"confidence", p.confidence},
                              {"rotation", p.rotation},
                              {"skew", p.skew},
                              {"chars", p.end - p.begin}});
  j["facts"] = nlohmann::ordered_json::array();
  for (const Fact& f : d.facts) {
    nlohmann::ordered_json fact = {{"kind", f.kind}, {"value", f.value}, {"snippet", f.snippet}};
    if (f.ocr_page != 0) {
      fact["ocr_page"] = f.ocr_page;
      fact["ocr_confidence"] = f.ocr_confidence;
    }
    j["facts"].push_back(std::move(fact));
  }
  j["dates"] = nlohmann::ordered_json::array();
  for (const auto& [label, date] : dates_of(d))
    j["dates"].push_back({{"label", label}, {"date", date}});
  j["signatures"] = nlohmann::ordered_json::array();
  for (const Signature& s : d.signatures)
    j["signatures"].push_back({{"id", s.id},
                               {"type", s.type},
                               {"page", or_null(s.page)},
                               {"time", or_null(s.time)},
                               {"provider", or_null(s.provider)},
                               {"seal_name", or_null(s.seal_name)},
                               {"references", s.references},
                               {"digests_ok", s.digests_ok},
                               {"intact", s.intact()}});
  j["issues"] = issues_of(d, issues);
  j["text"] = d.text;
  return j;
}

std::string document_text(const Document& d, const Checklist& checklist,
                          const std::vector<ImportIssue>& issues) {
  std::ostringstream out;
  out << "== " << d.path << " ==\n"
      << "格式：" << d.format << "    类型：" << type_name(d, checklist)
      << (d.type ? "（" + *d.type + "）" : "") << "    阶段："
      << (d.stage ? std::to_string(*d.stage) : "未知") << "    页数："
      << (d.pages ? std::to_string(*d.pages) : "未知") << "\n";
  for (const std::string& reason : issues_of(d, issues)) out << "问题：" << reason << "\n";
  if (!d.ocr_pages.empty()) {
    const std::string source = ocr_source(d);
    out << (source == "ocr" ? "文字来源：扫描件文字识别（OCR），请核对原件"
            : source == "mixed" ? "文字来源：文本层与扫描件文字识别（OCR），请核对原件"
                                : "文字识别：扫描页未识别出文字")
        << "\n";
    for (const OcrPage& p : d.ocr_pages)
      out << "  第 " << p.page << " 页："
          << (p.end > p.begin ? "识别置信度 " + std::to_string(p.confidence) + "%"
                              : std::string("未识别出文字"))
          << (p.rotation ? "，已旋转 " + std::to_string(p.rotation) + " 度" : "") << "\n";
  }
  for (const auto& [key, value] : d.metadata) out << "元数据 " << key << "：" << value << "\n";
  const auto dates = dates_of(d);
  out << "日期：" << (dates.empty() ? "未读到带标签的日期" : "") << "\n";
  for (const auto& [label, date] : dates) out << "  " << label << "：" << date << "\n";
  out << "要素：" << (d.facts.empty() ? "无" : "") << "\n";
  for (const Fact& f : d.facts)
    out << "  " << f.kind << " = " << f.value << "    「" << f.snippet << "」"
        << (f.ocr_page ? "（识别文字，第 " + std::to_string(f.ocr_page) + " 页，置信度 " +
                             std::to_string(f.ocr_confidence) + "%）"
                       : "")
        << "\n";
  if (!d.signatures.empty()) out << "电子签章：\n";
  for (const Signature& s : d.signatures) out << "  " << signature_line(s) << "\n";
  // A page start ('\f', docs/whole-case-files.md) shown as a line of its own.
  std::string text = d.text;
  constexpr std::string_view kPageBreak = "—— 分页 ——\n";
  for (std::size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', ff)) {
    text.replace(ff, 1, kPageBreak);
    ff += kPageBreak.size();
  }
  out << "正文：" << (d.has_text ? "\n" + text : "无可提取文本") << "\n";
  return display_safe(out.str());
}

}  // namespace auditor
