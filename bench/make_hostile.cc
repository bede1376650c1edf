// make_hostile: writes the hostile PDFs of bench/hostile_pdf.h, each as a
// one-document case archive, for timing the real binary on them
// (docs/hostile-input.md):
//   OUT/nested-forms.zip     form XObjects fanning out 10 per level, 9 levels
//   OUT/shared-content.zip   2,500 pages sharing one 50,000-glyph stream
//
// Usage: make_hostile OUT
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "bench/hostile_pdf.h"

namespace {

// Writes `path` holding one member `name` with `data`; false on failure.
bool write_archive(const std::string& path, const char* name, const std::string& data) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) return false;
  zip_source_t* src = zip_source_buffer(zip, data.data(), data.size(), 0);
  if (src == nullptr || zip_file_add(zip, name, src, ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(src);
    zip_discard(zip);
    return false;
  }
  return zip_close(zip) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_hostile OUT\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  using auditor::bench::pdf_nested_forms;
  using auditor::bench::pdf_shared_content;
  if (!write_archive((out / "nested-forms.zip").string(), "附件/嵌套表单.pdf",
                     pdf_nested_forms(10, 9)) ||
      !write_archive((out / "shared-content.zip").string(), "附件/共享内容.pdf",
                     pdf_shared_content(2500, 50000))) {
    std::fprintf(stderr, "make_hostile: cannot write into %s\n", argv[1]);
    return 1;
  }
  std::printf("nested-forms.zip shared-content.zip in %s\n", argv[1]);
  return 0;
}
