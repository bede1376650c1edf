#include "server/upload.h"

#include <fstream>
#include <memory>
#include <optional>

#include "server/sessions.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace auditor::server {
namespace {

// The client's file name as shown: its last path component, valid UTF-8,
// cut to kMaxClientName bytes on a character boundary.
std::string client_name(const std::string& sent, std::size_t n) {
  std::string name = valid_utf8(sent);
  if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string::npos)
    name.erase(0, slash + 1);
  if (name.size() > kMaxClientName) {
    std::size_t end = kMaxClientName;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
    name.resize(end);
  }
  return name.empty() ? "压缩包 " + std::to_string(n) : name;
}

// One archive being received.
struct Part {
  std::filesystem::path temp;
  std::ofstream out;
  Hasher hash;
  std::uint64_t bytes = 0;
  std::string name;
};

struct Receiver {
  Receiver(const std::filesystem::path& f, const UploadLimits& l) : folder(f), limits(l) {}
  const std::filesystem::path& folder;
  const UploadLimits& limits;
  std::unique_ptr<Part> part;  // null while reading a field that is not `archive`
  std::vector<ReceivedArchive> stored;
  std::size_t files = 0;
  int status = 0;
  std::string why;

  ~Receiver() { discard(); }

  bool fail(int code, std::string reason) {
    status = code;
    why = std::move(reason);
    return false;
  }
  void discard() {
    if (!part) return;
    part->out.close();
    std::error_code ec;
    std::filesystem::remove(part->temp, ec);
    part.reset();
  }
  // Renames the finished part to its digest.
  bool finish() {
    if (!part) return true;
    part->out.close();
    if (!part->out) return fail(500, "无法保存上传的压缩包");
    const std::filesystem::path file = folder / (part->hash.finish_hex() + ".zip");
    std::error_code ec;
    std::filesystem::rename(part->temp, file, ec);
    if (ec) return fail(500, "无法保存上传的压缩包：" + ec.message());
    stored.push_back({file.string(), std::move(part->name)});
    part.reset();
    return true;
  }
  bool header(const httplib::MultipartFormData& field) {
    if (!finish()) return false;
    if (field.name != "archive") return true;
    if (++files > limits.max_files)
      return fail(413, "一次最多上传 " + std::to_string(limits.max_files) + " 个压缩包");
    const std::string token = random_token();
    if (token.empty()) return fail(500, "无法生成临时文件名");
    part = std::make_unique<Part>();
    part->name = client_name(field.filename, files);
    part->temp = folder / (".upload-" + token + ".tmp");
    part->out.open(part->temp, std::ios::binary | std::ios::trunc);
    if (!part->out) return fail(500, "无法保存上传的压缩包");
    return true;
  }
  bool data(const char* bytes, std::size_t n) {
    if (!part) return true;
    part->bytes += n;
    if (part->bytes > limits.max_file_bytes) return fail(413, "压缩包超过大小上限");
    part->hash.update({bytes, n});
    part->out.write(bytes, static_cast<std::streamsize>(n));
    return static_cast<bool>(part->out) || fail(500, "无法保存上传的压缩包");
  }
};

}  // namespace

Result<std::vector<ReceivedArchive>> receive_archives(const httplib::ContentReader& reader,
                                                      const std::filesystem::path& folder,
                                                      const UploadLimits& limits, int& status) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  Receiver r(folder, limits);
  const bool read = reader([&](const httplib::MultipartFormData& field) { return r.header(field); },
                           [&](const char* data, std::size_t n) { return r.data(data, n); });
  if (read) r.finish();
  if (r.status == 0 && !read) r.fail(400, "上传的内容不完整、格式有误或超过大小上限");
  if (r.status == 0 && r.stored.empty()) r.fail(400, "请在表单字段 archive 中上传至少一个压缩包");
  status = r.status;
  if (r.status != 0) {
    r.discard();
    return Error{r.why};
  }
  return r.stored;
}

}  // namespace auditor::server
