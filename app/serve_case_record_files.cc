// The files of app/serve_case_record.h: an original document read back from
// the stored archive, and the case's 评查表.
#include <semaphore>

#include "app/review_session.h"
#include "app/serve_case_record.h"
#include "importers/formats.h"
#include "importers/zip_reader.h"
#include "reports/report.h"
#include "store/case_reader.h"
#include "store/round_reader.h"
#include "util/date.h"

namespace auditor {
namespace {

// Bounds the archives held in memory by case_original at once.
std::counting_semaphore<kOriginalReaders> original_readers(kOriginalReaders);

struct Held {
  Held() { original_readers.acquire(); }
  ~Held() { original_readers.release(); }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;
};

// The member name of a document path: a part of a split whole-case file
// ("卷宗.pdf#第3-4页", "卷宗.pdf#第5页") is in the archive as "卷宗.pdf".
std::string member_of_part(const std::string& path) {
  const std::size_t mark = path.rfind("#第");
  if (mark == std::string::npos || !path.ends_with("页")) return {};
  const std::string pages = path.substr(mark + 4, path.size() - mark - 4 - 3);
  if (pages.empty()) return {};
  for (char c : pages)
    if (!(c >= '0' && c <= '9') && c != '-') return {};
  return path.substr(0, mark);
}

// The bytes of the member at `path` (nested zips: "inner.zip/member"),
// descending at most `nesting` zips deeper.
Result<std::string> member_bytes(std::string_view zip_bytes, const std::string& path, int nesting,
                                 const ZipLimits& limits) {
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(zip_bytes, limits);
  if (!zip) return zip.failure();
  const std::vector<ZipEntry>& entries = (*zip)->entries();
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (!entries[i].is_dir && entries[i].name_ok && entries[i].name == path) return (*zip)->read(i);
  if (nesting > 0)
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const ZipEntry& e = entries[i];
      if (e.is_dir || !e.name_ok || !path.starts_with(e.name + "/")) continue;
      Result<std::string> inner = (*zip)->read(i);
      if (!inner) return inner.failure();
      if (detect_format(*inner, e.name) != "zip") continue;
      return member_bytes(*inner, path.substr(e.name.size() + 1), nesting - 1, limits);
    }
  return Error{"案卷文件中找不到这份文书的原件", Code::not_found};
}

// The media type, extension and whether a browser shows it, from the bytes.
void describe(CaseFile& f) {
  const std::string format = detect_format(f.bytes, f.name);
  const std::string_view b = f.bytes;
  auto set = [&f](const char* type, const char* ext, bool shown) {
    f.media_type = type, f.extension = ext, f.shown_inline = shown;
  };
  if (format == "pdf" && b.starts_with("%PDF-")) return set("application/pdf", "pdf", true);
  if (b.starts_with("\x89PNG\r\n\x1A\n")) return set("image/png", "png", true);
  if (b.starts_with("\xFF\xD8\xFF")) return set("image/jpeg", "jpg", true);
  if (format == "image") return set("image/tiff", "tif", false);
  if (format == "pdf") return set("application/pdf", "pdf", false);  // junk before %PDF-
  if (format == "docx")
    return set("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
               false);
  if (format == "ofd") return set("application/ofd", "ofd", false);
  set("application/octet-stream", "bin", false);
}

}  // namespace

Result<std::optional<CaseFile>> case_original(const std::filesystem::path& db, long long id,
                                              std::size_t n, const User& u,
                                              const ImportOptions& opt) {
  Result<std::optional<CaseTarget>> target = visible_case_target(db, id, u);
  if (!target) return target.failure();
  if (!*target) return std::optional<CaseFile>();
  CaseResult stored;
  {
    Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
    if (!store) return store.failure();
    CaseLoader loader(**store);
    Result<CaseResult> loaded = loader.load(id, Load::summary);
    if (!loaded) return loaded.failure();
    stored = std::move(*loaded);
  }
  if (n == 0 || n > stored.c.documents.size()) return std::optional<CaseFile>();
  const Document& doc = stored.c.documents[n - 1];
  const std::filesystem::path archive = (*target)->row.archive;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(archive, ec))
    return Error{"案卷文件已不在服务器上，无法显示原件", Code::not_found};
  Held held;
  Result<ArchiveFile> file = read_archive_file(archive, opt);
  if (!file) return Error{"无法读取案卷文件：" + file.error(), Code::io};
  if (!stored.c.sha256.empty() && file->sha256 != stored.c.sha256)
    return Error{"案卷文件在审查后已被更改，原件与审查结果不一致；请重新审查该案卷", Code::corrupt};
  // One inflation budget for the archive and everything nested in it, as import has.
  std::uint64_t inflated = 0;
  ZipLimits limits = opt.limits;
  limits.shared_total = &inflated;
  std::string path = doc.path;
  Result<std::string> bytes = member_bytes(file->bytes, path, opt.max_nesting, limits);
  if (!bytes && bytes.code() == Code::not_found)
    if (std::string whole = member_of_part(path); !whole.empty()) {
      inflated = 0;
      path = whole;
      bytes = member_bytes(file->bytes, path, opt.max_nesting, limits);
    }
  if (!bytes) return bytes.failure();
  CaseFile out;
  out.bytes = std::move(*bytes);
  out.name = path.substr(path.find_last_of('/') + 1);
  describe(out);
  return std::optional<CaseFile>(std::move(out));
}

Result<std::optional<CaseFile>> case_sheet(const std::filesystem::path& db, long long id,
                                           const User& u, const Checklist& checklist,
                                           const std::string& format) {
  if (format != "docx" && format != "html") return refused("评查表格式只能是 docx 或 html");
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  Result<std::optional<CaseTarget>> target = visible_case_target(db, id, u);
  if (!target) return target.failure();
  if (!*target) return std::optional<CaseFile>();
  Result<RoundData> data = load_round(**store, (*target)->round, false);
  if (!data) return data.failure();
  std::size_t i = 0;
  while (i < data->cases.size() && data->cases[i].c.archive != (*target)->row.archive) ++i;
  if (i == data->cases.size()) return std::optional<CaseFile>();
  // The sheet needs the documents and checks load_round(…, false) leaves out.
  Result<CaseResult> full = CaseLoader(**store).load(id, Load::summary);
  if (!full) return full.failure();
  RoundData one;
  one.round = data->round;
  one.runs = data->runs;
  one.as_of = data->as_of;
  one.second_review = data->second_review;
  one.cases.push_back(std::move(*full));
  one.facts.push_back(data->facts[i]);
  if (data->has_record()) one.records.push_back(data->records[i]);
  review_round(one, checklist);
  const RoundSummary summary = summarize(one, nullptr);
  const Vocabulary names = vocabulary(checklist);
  const ReportInput in{one, summary, names, true, Date::today().iso()};
  const std::string number = data->facts[i].case_number.value_or("案卷");
  CaseFile out;
  out.name = "评查表-" + number + "." + format;
  out.extension = format;
  out.shown_inline = false;
  if (format == "html") {
    out.bytes = html_case_sheet(in, 0);
    out.media_type = "text/html; charset=utf-8";
  } else {
    Result<std::string> docx = docx_case_sheet(in, 0);
    if (!docx) return docx.failure();
    out.bytes = std::move(*docx);
    out.media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return std::optional<CaseFile>(std::move(out));
}

}  // namespace auditor
