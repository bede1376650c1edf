#include "auditor/provision_table_xml.h"

#include <fstream>
#include <sstream>

#include "auditor/kind_helpers.h"
#include "util/hash.h"

namespace auditor::substance_xml {

Status read(const std::filesystem::path& file, const char* root, checklist_xml::DataFile& f,
            std::string& sha256) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Status::failure(file.string() + ":0: 无法读取文件");
  sha256 = sha256_hex(bytes.str());
  if (Status s = f.parse(file.string(), file.filename().string(), bytes.str()); !s.ok()) return s;
  if (std::string(f.root().name()) != root)
    return f.fail(f.root(),
                  std::string("根元素应为 <") + root + ">，实为 <" + f.root().name() + ">");
  return Status::success();
}

Status date_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                 std::optional<Date>& out) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) return Status::success();
  out = Date::parse(a.value());
  if (!out) return f.fail(n, std::string(name) + " 须为 YYYY-MM-DD 日期，实为“" + a.value() + "”");
  return Status::success();
}

Status amount_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                   std::optional<double>& out) {
  const pugi::xml_attribute a = n.attribute(name);
  if (!a) return Status::success();
  double v = 0;
  if (Status s = f.number_attr(n, name, v); !s.ok()) return s;
  if (v < 0) return f.fail(n, std::string(name) + " 不能为负数");
  out = v;
  return Status::success();
}

Status count_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                  int& out) {
  if (!n.attribute(name)) return Status::success();
  if (Status s = f.int_attr(n, name, out); !s.ok()) return s;
  if (out < 1) return f.fail(n, std::string(name) + " 须为正整数");
  return Status::success();
}

std::vector<std::string> list_attr(const pugi::xml_node& n, const char* name) {
  return split_list(n.attribute(name).value());
}

}  // namespace auditor::substance_xml
