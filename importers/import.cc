#include "importers/import.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>

#include "importers/formats.h"
#include "importers/manifest.h"
#include "importers/names.h"
#include "importers/parse_batch.h"
#include "importers/parse_document.h"
#include "util/hash.h"

namespace auditor {
namespace {

constexpr const char* kManifestName = "manifest.xml";

// The format names of polyglot issues, as users know them.
std::string format_label(const std::string& format) {
  if (format == "image") return "图像";
  if (format == "zip") return "ZIP";
  std::string upper = format;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  return upper;
}

// Detects the member's format by its signature at offset 0; a file that is
// a second format too gets an issue, and is read as its first one only.
std::string detect_member(std::string_view bytes, const std::string& path, DocumentBatch& batch) {
  std::string format = detect_format(bytes, path);
  const std::string other = polyglot_format(bytes, format);
  if (!other.empty())
    batch.issue({path, "文件同时是 " + format_label(format) + " 和 " + format_label(other) +
                           " 两种格式（多格式文件），只按文件开头的 " + format_label(format) +
                           " 格式读取；请核对原件"});
  return format;
}

// Copies what the manifest declares onto the documents it names; entries
// naming no member become import issues.
void apply_manifest(const Manifest& m, Case& c) {
  c.info = m.info;
  std::map<std::string, Document*> by_path;
  for (Document& d : c.documents) by_path[d.path] = &d;
  for (const ManifestDocument& md : m.documents) {
    auto it = by_path.find(md.member);
    if (it == by_path.end()) {
      c.issues.push_back({md.member, "卷内清单（manifest.xml）列出的文件在压缩包中不存在"});
      continue;
    }
    Document& d = *it->second;
    if (md.type) {
      d.type = md.type;
      d.type_source = Source::manifest;
    }
    if (md.stage) d.stage = md.stage;
    if (md.number) d.number = md.number;
    if (md.date) d.date = md.date;
    if (md.pages) d.pages = md.pages;
    if (md.seal) d.seal = md.seal;
  }
}

bool is_manifest(const ZipEntry& e) {
  std::string lower = e.name;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower == kManifestName;
}

// Reads every member of `zip` into `batch`, descending into nested zips up
// to opt.max_nesting levels; `prefix` is the nested archive's path plus "/".
void read_members(ZipReader& zip, const std::string& prefix, int depth, const ImportOptions& opt,
                  DocumentBatch& batch, std::string* manifest_xml) {
  for (std::size_t i = 0; i < zip.entries().size(); ++i) {
    const ZipEntry& e = zip.entries()[i];
    if (e.is_dir) continue;
    std::string path =
        prefix + (e.name_ok ? e.name : "[文件名无法解码:" + hex_bytes(e.raw_name) + "]");
    if (!e.name_ok)
      batch.issue(
          {path, "文件名既不是 UTF-8 也不是 GBK/GB18030 编码，原始字节：" + hex_bytes(e.raw_name)});
    if (!e.unsafe_reason.empty()) {
      batch.issue({path, e.unsafe_reason});
      continue;
    }
    Result<std::string> bytes = zip.read(i);
    if (!bytes) {
      batch.issue({path, bytes.error()});
      continue;
    }
    if (manifest_xml && depth == 0 && is_manifest(e)) {
      *manifest_xml = std::move(*bytes);
      continue;
    }
    std::string format = detect_member(*bytes, path, batch);
    if (format == "zip") {
      if (depth >= opt.max_nesting) {
        batch.issue({path, "压缩包嵌套层数超过上限（" + std::to_string(opt.max_nesting) +
                               " 层），未读取其中内容"});
        continue;
      }
      Result<std::unique_ptr<ZipReader>> inner = ZipReader::open(*bytes, opt.limits);
      if (!inner) {
        batch.issue({path, inner.error()});
        continue;
      }
      read_members(**inner, path + "/", depth + 1, opt, batch, nullptr);
      continue;
    }
    batch.add(std::move(path), std::move(format), std::move(*bytes));
  }
}

// Files that operating systems and editors leave in archives: never a
// document of the case (__MACOSX/ resource forks, ._ AppleDouble files,
// Thumbs.db, .DS_Store, desktop.ini, ~$ Office lock files).
bool system_file(const std::string& path) {
  if (path.rfind("__MACOSX/", 0) == 0 || path.find("/__MACOSX/") != std::string::npos) return true;
  std::string base = path.substr(path.find_last_of('/') + 1);
  std::transform(base.begin(), base.end(), base.begin(), ::tolower);
  return base == "thumbs.db" || base == ".ds_store" || base == "desktop.ini" ||
         base.rfind("._", 0) == 0 || base.rfind("~$", 0) == 0;
}

// Whether the archive holds anything that could be a document of the case:
// a member of a document format, or a member that could not be read (its
// issue is reported). An archive of folders, system files and unknown
// formats only is not a case file.
bool holds_documents(const Case& c) {
  for (const Document& d : c.documents)
    if (d.format != "unknown" && !system_file(d.path)) return true;
  for (const ImportIssue& i : c.issues) {
    const bool parsed = std::any_of(c.documents.begin(), c.documents.end(),
                                    [&](const Document& d) { return d.path == i.member; });
    if (!parsed && !system_file(i.member) && i.member != kManifestName) return true;
  }
  return false;
}

void import_bytes(std::string_view bytes, const ImportOptions& options, Case& c) {
  // One inflation budget for the archive and everything nested in it.
  std::uint64_t inflated = 0;
  ImportOptions opt = options;
  opt.limits.shared_total = &inflated;
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, opt.limits);
  if (!zip) {
    c.rejected = true;
    c.error = zip.error();
    return;
  }
  std::string manifest_xml;
  DocumentBatch batch(opt, c.documents, c.issues);
  read_members(**zip, "", 0, opt, batch, &manifest_xml);
  batch.finish();
  if (!holds_documents(c)) {
    c.rejected = true;
    c.error = "压缩包中没有可识别的文书，不是案卷";
    if (!c.documents.empty()) {
      std::string names;
      for (std::size_t k = 0; k < c.documents.size() && k < 5; ++k)
        names += (k ? "、" : "") + c.documents[k].path;
      c.error += "（仅有：" + names + (c.documents.size() > 5 ? " 等" : "") + "）";
    }
    c.documents.clear();  // a rejected case holds no documents, like an unreadable zip
    return;
  }
  if (manifest_xml.empty()) return;
  Result<Manifest> m = parse_manifest(manifest_xml);
  if (!m) {
    c.issues.push_back({kManifestName, "卷内清单无法解析，按无清单的压缩包处理：" + m.error()});
    return;
  }
  c.has_manifest = true;
  apply_manifest(*m, c);
}

}  // namespace

Document read_document(std::string path, std::string_view bytes, const ImportOptions& opt,
                       std::vector<ImportIssue>& issues) {
  std::vector<Document> documents;
  DocumentBatch batch(opt, documents, issues);
  std::string format = detect_member(bytes, path, batch);
  batch.add(std::move(path), std::move(format), std::string(bytes));
  batch.finish();
  return std::move(documents.front());
}

Case import_archive_bytes(std::string label, std::string_view bytes, const ImportOptions& opt) {
  Case c;
  c.archive = std::move(label);
  c.sha256 = sha256_hex(bytes);
  import_bytes(bytes, opt, c);
  return c;
}

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return FileStamp{
      size, std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count()};
}

Result<ArchiveFile> read_archive_file(const std::filesystem::path& path, const ImportOptions& opt) {
  const std::optional<FileStamp> stamp = stamp_of(path);
  std::ifstream in(path, std::ios::binary);
  if (!stamp || !in) return Error{"无法打开文件"};
  const std::string too_big =
      "压缩包超过大小上限（" + std::to_string(opt.max_archive_bytes >> 20) + " MB）";
  if (stamp->size > opt.max_archive_bytes) return Error{too_big};
  ArchiveFile file{{}, {}, *stamp};
  file.bytes.reserve(stamp->size);
  Hasher hash;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    std::string_view chunk(buf, static_cast<std::size_t>(in.gcount()));
    if (file.bytes.size() + chunk.size() > opt.max_archive_bytes) return Error{too_big};
    hash.update(chunk);
    file.bytes.append(chunk);
  }
  if (in.bad()) return Error{"读取文件失败"};
  file.sha256 = hash.finish_hex();
  return file;
}

Case import_archive_file(std::string label, const Result<ArchiveFile>& file,
                         const ImportOptions& opt) {
  Case c;
  c.archive = std::move(label);
  if (!file) {
    c.rejected = true;
    c.error = file.error();
    return c;
  }
  c.sha256 = file->sha256;
  c.stamp = file->stamp;
  import_bytes(file->bytes, opt, c);
  return c;
}

Case import_archive(const std::filesystem::path& path, const ImportOptions& opt) {
  return import_archive_file(path.string(), read_archive_file(path, opt), opt);
}

}  // namespace auditor
