#include "importers/ofd_package.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "importers/doc_limits.h"
#include "importers/ofd_xml.h"

namespace auditor::ofd {
namespace {

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c < 0x80 ? std::tolower(c) : c); });
  return s;
}

std::string folder_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

}  // namespace

std::optional<std::string> normalize_path(std::string_view p) {
  std::vector<std::string> parts;
  std::string seg;
  auto flush = [&]() -> bool {
    if (seg == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    seg.clear();
    return true;
  };
  for (char c : p) {
    if (c == '/' || c == '\\') {
      if (!flush()) return std::nullopt;
    } else {
      seg += c;
    }
  }
  if (!flush()) return std::nullopt;
  std::string out;
  for (const std::string& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

Result<std::unique_ptr<OfdPackage>> OfdPackage::open(std::string_view bytes,
                                                     const ZipLimits& limits) {
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, limits);
  if (!zip) return Error{zip.error()};
  std::unique_ptr<OfdPackage> pkg(new OfdPackage());
  pkg->zip_ = std::move(*zip);
  const std::vector<ZipEntry>& entries = pkg->zip_->entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ZipEntry& e = entries[i];
    if (e.is_dir || !e.name_ok) continue;
    std::optional<std::string> name = normalize_path(e.name);
    if (!name || name->empty()) continue;
    if (pkg->by_name_.emplace(*name, i).second) pkg->by_lower_.emplace(lower_ascii(*name), *name);
  }
  return pkg;
}

std::optional<std::string> OfdPackage::find(const std::string& normalized) const {
  if (by_name_.count(normalized)) return normalized;
  auto it = by_lower_.find(lower_ascii(normalized));
  if (it != by_lower_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> OfdPackage::locate(std::string_view from, std::string_view loc) const {
  const std::string where = trim(loc);
  if (where.empty()) return std::nullopt;
  if (where[0] != '/' && where[0] != '\\') {
    const std::string folder = folder_of(from);
    if (std::optional<std::string> rel = normalize_path(folder + "/" + where))
      if (std::optional<std::string> hit = find(*rel)) return hit;
  }
  if (std::optional<std::string> abs = normalize_path(where)) return find(*abs);
  return std::nullopt;
}

Result<std::string_view> OfdPackage::read(const std::string& path) {
  auto named = by_name_.find(path);
  if (named == by_name_.end()) return Error{"找不到 " + path};
  const std::size_t index = named->second;
  auto cached = bytes_.find(index);
  if (cached != bytes_.end()) return std::string_view(cached->second);
  Result<std::string> data = zip_->read(index);
  if (!data) return Error{data.error()};
  return std::string_view(bytes_.emplace(index, std::move(*data)).first->second);
}

Result<std::unique_ptr<pugi::xml_document>> OfdPackage::read_xml(const std::string& path) {
  auto named = by_name_.find(path);
  if (named == by_name_.end()) return Error{"找不到 " + path};
  const std::size_t index = named->second;
  const std::string too_big = path + " 解析所需内存超过单个部件 " +
                              std::to_string(mb_of(kMaxXmlTreeBytes)) + " MB 的上限（约需 ";
  if (const std::uint64_t size = zip_->entries()[index].size; size > kMaxXmlTreeBytes)
    return Error{too_big + std::to_string(mb_of(size)) + " MB 以上），未读取"};
  std::string owned;  // parsed parts are not kept: their tree is what is used
  std::string_view data;
  if (auto cached = bytes_.find(index); cached != bytes_.end()) {
    data = cached->second;
  } else {
    Result<std::string> read = zip_->read(index);
    if (!read) return Error{read.error()};
    owned = std::move(*read);
    data = owned;
  }
  if (const std::uint64_t need = xml_tree_bytes(data); need > kMaxXmlTreeBytes)
    return Error{too_big + std::to_string(mb_of(need)) + " MB），未读取"};
  return parse_xml(data, path);
}

}  // namespace auditor::ofd
