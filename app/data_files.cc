#include "app/data_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "auditor/checklist_xml.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;

struct XmlFile {
  fs::path path;
  std::string root;   // empty when malformed
  std::string error;  // "<file>:<line>: <reason>" when malformed
  int line = 0;       // of the root element
};

XmlFile read_root(const fs::path& path) {
  XmlFile x;
  x.path = path;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) {
    x.error = path.string() + ":0: 无法读取文件";
    return x;
  }
  checklist_xml::DataFile f;
  if (Status s = f.parse(path.string(), path.filename().string(), bytes.str()); !s.ok()) {
    x.error = s.reason;
    return x;
  }
  x.root = f.root().name();
  x.line = f.line_of(f.root());
  return x;
}

bool inside(const fs::path& file, const fs::path& folder) {
  auto [f, d] = std::mismatch(file.begin(), file.end(), folder.begin(), folder.end());
  return d == folder.end();
}

}  // namespace

Result<DataFiles> find_data_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error{"目录不存在：" + dir.string()};
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".xml") paths.push_back(it->path());
  if (ec) return Error{"无法读取目录 " + dir.string() + "：" + ec.message()};
  if (paths.empty()) return Error{"目录中没有 .xml 数据文件：" + dir.string()};
  std::sort(paths.begin(), paths.end());

  std::vector<XmlFile> files;
  DataFiles out;
  for (const fs::path& p : paths) {
    files.push_back(read_root(p));
    if (files.back().root == "checklist") out.checklists.push_back(p.parent_path());
  }
  for (const XmlFile& x : files) {
    const bool owned = std::any_of(out.checklists.begin(), out.checklists.end(),
                                   [&](const fs::path& c) { return inside(x.path, c); });
    if (owned) continue;  // load_checklist reads and reports it
    if (!x.error.empty()) {
      out.errors.push_back(x.error);
    } else if (x.root == "profile") {
      out.profiles.push_back(x.path);
    } else if (x.root == "calendar") {
      out.calendars.push_back(x.path);
    } else if (x.root == "must-check") {
      out.must_check.push_back(x.path);
    } else if (x.root == "scope") {
      out.scopes.push_back(x.path);
    } else if (x.root == "discretion") {
      out.discretion.push_back(x.path);
    } else if (x.root == "provisions") {
      out.provisions.push_back(x.path);
    } else if (x.root == "remedy") {
      out.remedies.push_back(x.path);
    } else if (x.root == "fields") {
      out.fields.push_back(x.path);
    } else {
      out.errors.push_back(
          x.path.string() + ":" + std::to_string(x.line) + ": 根元素 <" + x.root +
          "> 不属于任何检查清单（所在目录及其上级目录中没有 <checklist> 清单头文件）");
    }
  }
  return out;
}

}  // namespace auditor
