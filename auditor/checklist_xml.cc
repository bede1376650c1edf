#include "auditor/checklist_xml.h"

#include <algorithm>
#include <charconv>

namespace auditor::checklist_xml {
namespace {

const char* parse_status_reason(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_file_not_found:
      return "文件不存在";
    case pugi::status_io_error:
      return "读取失败";
    case pugi::status_out_of_memory:
      return "内存不足";
    case pugi::status_unrecognized_tag:
      return "无法识别的标记";
    case pugi::status_bad_pi:
      return "处理指令格式错误";
    case pugi::status_bad_comment:
      return "注释格式错误";
    case pugi::status_bad_cdata:
      return "CDATA 段格式错误";
    case pugi::status_bad_doctype:
      return "文档类型声明格式错误";
    case pugi::status_bad_pcdata:
      return "文本内容格式错误";
    case pugi::status_bad_start_element:
      return "开始标签格式错误";
    case pugi::status_bad_attribute:
      return "属性格式错误（引号或等号缺失）";
    case pugi::status_bad_end_element:
      return "结束标签格式错误";
    case pugi::status_end_element_mismatch:
      return "结束标签与开始标签不匹配";
    case pugi::status_append_invalid_root:
      return "根元素无效";
    case pugi::status_no_document_element:
      return "没有根元素";
    default:
      return "无法解析";
  }
}

}  // namespace

Status DataFile::parse(std::string label, std::string relative, std::string bytes) {
  label_ = std::move(label);
  relative_ = std::move(relative);
  bytes_ = std::move(bytes);
  // parse_default keeps offsets into `bytes_` (UTF-8 in, no conversion), so
  // offset_debug() maps back to lines of the file as written.
  pugi::xml_parse_result r =
      doc_.load_buffer(bytes_.data(), bytes_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    return Status::failure(label_ + ":" + std::to_string(line_at(r.offset)) + ": XML 格式错误：" +
                           parse_status_reason(r.status));
  }
  return Status::success();
}

int DataFile::line_at(std::ptrdiff_t offset) const {
  if (offset < 0) return 0;
  const auto end = bytes_.begin() + std::min<std::ptrdiff_t>(offset, bytes_.size());
  return 1 + static_cast<int>(std::count(bytes_.begin(), end, '\n'));
}

int DataFile::line_of(const pugi::xml_node& node) const { return line_at(node.offset_debug()); }

std::string DataFile::where(const pugi::xml_node& node) const {
  return label_ + ":" + std::to_string(line_of(node));
}

std::string DataFile::source(const pugi::xml_node& node) const {
  return relative_ + ":" + std::to_string(line_of(node));
}

Status DataFile::fail(const pugi::xml_node& node, const std::string& reason) const {
  return Status::failure(where(node) + ": " + reason);
}

std::string trimmed(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

Status DataFile::shape(const pugi::xml_node& node,
                       std::initializer_list<std::string_view> attributes,
                       std::initializer_list<std::string_view> children) const {
  for (const pugi::xml_attribute& a : node.attributes())
    if (std::find(attributes.begin(), attributes.end(), a.name()) == attributes.end())
      return fail(node, std::string("<") + node.name() + "> 有未知的属性 " + a.name());
  for (const pugi::xml_node& c : node.children()) {
    if (c.type() == pugi::node_pcdata && children.size() > 0 &&
        std::string_view(c.value()).find_first_not_of(" \t\r\n") != std::string_view::npos)
      return fail(node, std::string("<") + node.name() + "> 中不应有文字内容");
    if (c.type() == pugi::node_element &&
        std::find(children.begin(), children.end(), c.name()) == children.end())
      return fail(c, std::string("<") + node.name() + "> 中有未知的元素 <" + c.name() + ">");
  }
  return Status::success();
}

Status DataFile::text_attr(const pugi::xml_node& node, const char* name, std::string& out) const {
  pugi::xml_attribute a = node.attribute(name);
  if (!a) return fail(node, std::string("<") + node.name() + "> 缺少属性 " + name);
  out = a.value();
  if (out.empty()) return fail(node, std::string("<") + node.name() + "> 的属性 " + name + " 为空");
  return Status::success();
}

Status DataFile::int_attr(const pugi::xml_node& node, const char* name, int& out) const {
  std::string text;
  if (Status s = text_attr(node, name, text); !s.ok()) return s;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc() || ptr != end)
    return fail(node, std::string("属性 ") + name + " 应为整数，实为“" + text + "”");
  return Status::success();
}

Status DataFile::number_attr(const pugi::xml_node& node, const char* name, double& out) const {
  std::string text;
  if (Status s = text_attr(node, name, text); !s.ok()) return s;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc() || ptr != end)
    return fail(node, std::string("属性 ") + name + " 应为数字，实为“" + text + "”");
  return Status::success();
}

}  // namespace auditor::checklist_xml
