// Loading a checklist folder: every *.xml below it, in sorted relative-path
// order, each dispatched by its root element.
#include "auditor/checklist.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "auditor/checklist_xml.h"
#include "auditor/scope.h"
#include "util/hash.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;

// Relative paths (generic form) of the *.xml data files under `dir`, sorted.
Result<std::vector<std::string>> data_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error{"检查清单目录不存在：" + dir.string()};
  std::vector<std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".xml")
      out.push_back(fs::relative(it->path(), dir, ec).generic_string());
  if (ec) return Error{"无法读取检查清单目录 " + dir.string() + "：" + ec.message()};
  if (out.empty()) return Error{"检查清单目录中没有 .xml 数据文件：" + dir.string()};
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Error{"无法读取检查清单文件：" + path.string()};
  return bytes.str();
}

Status parse_file(const checklist_xml::DataFile& f, Checklist& out, checklist_xml::Defined& seen) {
  const std::string root = f.root().name();
  if (root == "checklist") return checklist_xml::parse_header(f, out, seen);
  if (root == "doctypes") return checklist_xml::parse_doc_types(f, out, seen);
  if (root == "rules") return checklist_xml::parse_rules(f, out, seen);
  if (root == "seals") return checklist_xml::parse_seals(f, out);
  if (root == "numbering") return checklist_xml::parse_numbering(f, out);
  return f.fail(f.root(), "未知的根元素 <" + root + ">（应为 checklist、doctypes 或 rules）");
}

}  // namespace

const DocType* Checklist::doc_type(const std::string& type_id) const {
  for (const DocType& t : doc_types)
    if (t.id == type_id) return &t;
  return nullptr;
}

const Stage* Checklist::stage(int number) const {
  for (const Stage& s : stages)
    if (s.number == number) return &s;
  return nullptr;
}

const Procedure* Checklist::procedure(const std::string& id) const {
  for (const Procedure& p : procedures)
    if (p.id == id) return &p;
  return nullptr;
}

Result<Checklist> load_checklist(const fs::path& dir, std::string_view reader_data_sha256) {
  Result<std::vector<std::string>> files = data_files(dir);
  if (!files) return Error{files.error()};
  Checklist cl;
  checklist_xml::Defined seen;
  // sha256 over each file's relative path, a NUL, then its bytes; then the
  // referenced calendar and profile files' digests.
  Hasher hash;
  for (const std::string& rel : *files) {
    const fs::path path = dir / rel;
    Result<std::string> bytes = read_file(path);
    if (!bytes) return Error{bytes.error()};
    hash.update(rel);
    hash.update(std::string_view("\0", 1));
    hash.update(*bytes);
    checklist_xml::DataFile f;
    Status s = f.parse(path.string(), rel, std::move(*bytes));
    if (s.ok()) s = parse_file(f, cl, seen);
    if (!s.ok()) return Error{s.reason};
  }
  if (!seen.has_header) return Error{"检查清单目录中没有 <checklist> 清单头文件：" + dir.string()};
  if (Status s = checklist_xml::validate(cl, dir); !s.ok()) return Error{s.reason};
  // The files the data refers to outside the folder count too.
  hash.update(std::string_view("\0calendar\0", 10));
  if (cl.calendar) hash.update(cl.calendar->sha256());
  hash.update(std::string_view("\0profile\0", 9));
  hash.update(cl.scoring.sha256);
  hash.update(std::string_view("\0scope\0", 7));
  if (cl.scope) hash.update(cl.scope->sha256);
  // Facts are read with data compiled into the importers (the date labels):
  // when it changes, a re-check reads the stored texts' facts again.
  hash.update(std::string_view("\0facts\0", 7));
  hash.update(reader_data_sha256);
  cl.sha256 = hash.finish_hex();
  return cl;
}

}  // namespace auditor
