#include "app/inspect.h"

#include <algorithm>
#include <fstream>

#include "auditor/checker.h"
#include "importers/formats.h"
#include "importers/split_documents.h"

namespace auditor {
namespace {

// The documents of one input: every member of a case archive (a zip that
// is not itself a DOCX or OFD package), or the file itself.
Case read_input(const std::filesystem::path& path, const ImportOptions& opt) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > opt.max_archive_bytes && !ec) {
    Case refused;
    refused.archive = path.string();
    refused.rejected = true;
    refused.error = "文件超过大小上限（" + std::to_string(opt.max_archive_bytes >> 20) + " MB）";
    return refused;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes;
  if (!ec) {  // one sized read (a 200 MB file through a stream iterator took 9 s)
    bytes.resize(std::filesystem::file_size(path, ec));
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  }
  if (in.bad()) {
    Case failed;
    failed.archive = path.string();
    failed.rejected = true;
    failed.error = "无法读取文件";
    return failed;
  }
  if (detect_format(bytes, path.string()) == "zip")
    return import_archive_bytes(path.string(), bytes, opt);
  Case single;
  single.archive = path.string();
  single.documents.push_back(read_document(path.string(), bytes, opt, single.issues));
  return single;
}

}  // namespace

Case inspect_file(const std::filesystem::path& path, const Checklist& checklist,
                  const ImportOptions& opt) {
  Case c = read_input(path, opt);
  if (c.rejected) return c;
  split_documents(c, checklist);  // a whole-case file shown as its documents
  classify(c, checklist);
  return c;
}

}  // namespace auditor
