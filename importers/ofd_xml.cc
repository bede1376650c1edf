#include "importers/ofd_xml.h"

#include <algorithm>
#include <cctype>

#include "importers/names.h"

namespace auditor::ofd {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The encoding named in the XML declaration, lower-cased; "" when none.
std::string declared_encoding(std::string_view bytes) {
  std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.size(), 256));
  if (head.substr(0, 5) != "<?xml") return "";
  const std::size_t end = head.find("?>");
  const std::size_t at = head.find("encoding");
  if (at == std::string_view::npos || (end != std::string_view::npos && at > end)) return "";
  const std::size_t quote = head.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return "";
  const std::size_t close = head.find(head[quote], quote + 1);
  if (close == std::string_view::npos) return "";
  std::string enc(head.substr(quote + 1, close - quote - 1));
  std::transform(enc.begin(), enc.end(), enc.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return enc;
}

}  // namespace

std::string_view local_name(pugi::xml_node n) {
  std::string_view name = n.name();
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node n, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) out.push_back(c);
  return out;
}

std::string attr(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    const std::size_t colon = name.rfind(':');
    if ((colon == std::string_view::npos ? name : name.substr(colon + 1)) == local)
      return a.value();
  }
  return "";
}

std::string inner_text(pugi::xml_node n) {
  std::string out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string trimmed_text(pugi::xml_node n) { return trim(inner_text(n)); }

Result<std::unique_ptr<pugi::xml_document>> parse_xml(std::string_view bytes,
                                                      const std::string& path) {
  auto doc = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result r;
  const std::string enc = declared_encoding(bytes);
  if (enc.rfind("gb", 0) == 0) {
    bool ok = true;
    const std::string utf8 = gb18030_to_utf8(bytes, ok);
    if (!ok) return Error{path + " 声明为 GBK 编码但含有无效字节"};
    r = doc->load_buffer(utf8.data(), utf8.size(), pugi::parse_default, pugi::encoding_utf8);
  } else {
    r = doc->load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
  }
  if (!r)
    return Error{path + " 不是有效的 XML（在第 " + std::to_string(r.offset) + " 字节处出错）"};
  if (!doc->document_element()) return Error{path + " 没有根元素"};
  return doc;
}

}  // namespace auditor::ofd
