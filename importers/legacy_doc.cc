// parse_doc: Word 97-2003 (.doc) and Kingsoft WPS (.wps in Word's
// structure) documents. libgsf opens the compound file from the bytes in
// memory (no file is opened) and hands over the streams; the text comes from
// importers/legacy_doc_text.h. Runs in the parse process.
#include <gsf/gsf-doc-meta-data.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>
#include <gsf/gsf-meta-names.h>
#include <gsf/gsf-msole-utils.h>
#include <gsf/gsf-timestamp.h>
#include <gsf/gsf-utils.h>

#include <memory>
#include <mutex>
#include <optional>

#include "importers/doc_limits.h"
#include "importers/formats.h"
#include "importers/legacy_doc_text.h"
#include "util/utf8.h"

namespace auditor {
namespace {

struct Unref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GsfPtr = std::unique_ptr<T, Unref>;

// libgsf reports damage through g_warning as well as its return values: the
// warnings would go to the terminal, so they are dropped. Nothing else in
// the parse process logs through glib.
void quiet(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void init_gsf() {
  static std::once_flag once;
  std::call_once(once, [] {
    gsf_init();
    // Parts of libgsf log without a domain (nullptr).
    for (const char* domain : {static_cast<const char*>(nullptr), "libgsf", "libgsf:msole",
                               "libgsf:MSOLE", "GLib-GObject"})
      g_log_set_handler(
          domain,
          static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL |
                                      G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
          quiet, nullptr);
  });
}

enum class Stream { read, absent, damaged };

// The whole of the root's stream `name` into `out`. A stream cannot be
// longer than the file that holds it: a size claiming more is damage.
Stream read_stream(GsfInfile* ole, const char* name, std::uint64_t file_size, std::string& out) {
  GsfPtr<GsfInput> in(gsf_infile_child_by_name(ole, name));
  if (!in) return Stream::absent;
  const gsf_off_t size = gsf_input_size(in.get());
  if (size < 0 || static_cast<std::uint64_t>(size) > file_size) return Stream::damaged;
  out.resize(static_cast<std::size_t>(size));
  if (size > 0 && !gsf_input_read(in.get(), static_cast<std::size_t>(size),
                                  reinterpret_cast<guint8*>(out.data())))
    return Stream::damaged;
  return Stream::read;
}

std::optional<std::string> text_property(GsfDocMetaData* meta, const char* name) {
  GsfDocProp* prop = gsf_doc_meta_data_lookup(meta, name);
  const GValue* v = prop ? gsf_doc_prop_get_val(prop) : nullptr;
  if (!v) return std::nullopt;
  if (G_VALUE_HOLDS_STRING(v) && g_value_get_string(v) && *g_value_get_string(v))
    return valid_utf8(g_value_get_string(v));
  if (G_VALUE_HOLDS(v, GSF_TIMESTAMP_TYPE)) {
    const auto* stamp = static_cast<const GsfTimestamp*>(g_value_get_boxed(v));
    if (!stamp) return std::nullopt;
    gchar* s = gsf_timestamp_as_string(stamp);
    std::optional<std::string> out;
    if (s && *s) out = s;
    g_free(s);
    return out;
  }
  if (G_VALUE_HOLDS_INT(v)) return std::to_string(g_value_get_int(v));
  return std::nullopt;
}

// Title, author, dates, pages and the writing program from the summary
// information streams; absent or broken ones are ignored, as in DOCX.
void read_properties(GsfInfile* ole, Document& doc) {
  GsfPtr<GsfDocMetaData> meta(gsf_doc_meta_data_new());
  for (const char* name : {"\005SummaryInformation", "\005DocumentSummaryInformation"}) {
    GsfPtr<GsfInput> in(gsf_infile_child_by_name(ole, name));
    if (!in) continue;
    if (GError* err = gsf_doc_meta_data_read_from_msole(meta.get(), in.get())) g_error_free(err);
  }
  const std::pair<const char*, const char*> kept[] = {
      {GSF_META_NAME_TITLE, "title"},
      {GSF_META_NAME_CREATOR, "creator"},
      {GSF_META_NAME_DATE_CREATED, "created"},
      {GSF_META_NAME_DATE_MODIFIED, "modified"},
      {GSF_META_NAME_GENERATOR, "application"},
      // WPS Office writes its build, with the language id (2052: zh-CN).
      {"KSOProductBuildVer", "kingsoft_build"}};
  for (const auto& [name, key] : kept)
    if (std::optional<std::string> v = text_property(meta.get(), name)) doc.metadata[key] = *v;
  // LibreOffice writes a last-saved time from before the document was
  // created (2009): a modification time only counts from creation on.
  if (doc.metadata.count("modified") && doc.metadata.count("created") &&
      doc.metadata["modified"] < doc.metadata["created"])
    doc.metadata.erase("modified");
  if (std::optional<std::string> pages = text_property(meta.get(), GSF_META_NAME_PAGE_COUNT)) {
    const int n = std::atoi(pages->c_str());
    if (n > 0) doc.pages = n;
  }
}

}  // namespace

Status parse_doc(std::string_view bytes, Document& doc) {
  init_gsf();
  GsfPtr<GsfInput> input(gsf_input_memory_new(reinterpret_cast<const guint8*>(bytes.data()),
                                              static_cast<gsf_off_t>(bytes.size()), FALSE));
  GError* err = nullptr;
  GsfPtr<GsfInfile> ole(input ? gsf_infile_msole_new(input.get(), &err) : nullptr);
  if (err) g_error_free(err);
  if (!ole) return Status::failure("DOC 文件损坏：复合文档结构无法读取", Code::corrupt);

  std::string word, table;
  if (read_stream(ole.get(), "WordDocument", bytes.size(), word) != Stream::read)
    return Status::failure("DOC 文件损坏：WordDocument 流无法读取", Code::corrupt);
  Result<WordFib> fib = read_word_fib(word);
  if (!fib) return Status::failure(fib.failure());
  read_properties(ole.get(), doc);
  if (fib->encrypted)
    return Status::failure(
        "DOC 文件已加密（设置了打开密码），需要密码才能打开，无法读取内容；请提供未加密的版本",
        Code::unsupported);
  const char* table_name = fib->table1 ? "1Table" : "0Table";
  if (read_stream(ole.get(), table_name, bytes.size(), table) != Stream::read)
    return Status::failure(std::string("DOC 文件损坏：") + table_name + " 流缺失或无法读取",
                           Code::corrupt);
  std::string data;  // optional: large paragraph properties, pictures
  if (read_stream(ole.get(), "Data", bytes.size(), data) != Stream::read) data.clear();
  ole.reset();

  WordText text = word_text(word, table, data, *fib);
  doc.has_text = text.text.find_first_not_of(" \t\n\f") != std::string::npos;
  doc.title = title_lines(text.text);
  doc.text = std::move(text.text);
  if (text.problems.empty() && !text.capped) return Status::success();
  std::string damage;
  for (const std::string& p : text.problems) damage += (damage.empty() ? "" : "；") + p;
  // A piece table that cannot be read at all is damage; a cut one, or text
  // past the limit (not damage), leaves what was read.
  if (!doc.has_text && !text.capped)
    return Status::failure("DOC 文件损坏：" + damage, Code::corrupt);
  std::string reason = damage.empty() ? "" : "DOC 部分内容无法读取（" + damage + "）";
  if (text.capped)
    reason += (reason.empty() ? "DOC " : "；") + std::string("文字超过 ") +
              std::to_string(mb_of(kMaxTextBytes)) + " MB 的上限，其后的内容未读取";
  return Status::failure(reason + "，其余文字已提取");
}

}  // namespace auditor
