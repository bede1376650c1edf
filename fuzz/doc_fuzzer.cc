// Fuzzes the Word 97-2003 / WPS reader. An input starting with 0x01 is a
// raw WordDocument stream and table stream (split at the offset the next 4
// bytes give, modulo the rest's size) for read_word_fib and word_text, so
// mutations reach the FIB, piece table and paragraph properties directly;
// any other input is a whole compound file for ole_kind (the sniffer the
// program runs outside the sandbox) and parse_doc (libgsf). Aborts when the
// text is not valid UTF-8 or exceeds kMaxTextBytes.
#include <cstdlib>

#include "fuzz/fuzz_common.h"
#include "importers/doc_limits.h"
#include "importers/formats.h"
#include "importers/legacy_doc_text.h"
#include "importers/legacy_ole.h"
#include "util/utf8.h"

// libgsf 1.14.50 leaks the directory entries of some damaged directory
// trees inside gsf_infile_msole_new (a few hundred bytes per such file; the
// parse process retires when it grows): not ours to fix, so LeakSanitizer
// ignores allocations made within libgsf. Matching needs whole stacks
// (libgsf has no frame pointers): slower mallocs, for this target only.
extern "C" const char* __lsan_default_suppressions() { return "leak:libgsf-1.so\n"; }
extern "C" const char* __asan_default_options() { return "fast_unwind_on_malloc=0"; }

namespace {

void check_text(const std::string& text) {
  if (text.size() > auditor::kMaxTextBytes || !auditor::is_valid_utf8(text)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = auditor::fuzz::as_view(data, size);
  if (size >= 5 && data[0] == 0x01) {
    const std::uint32_t at = static_cast<std::uint32_t>(data[1]) | data[2] << 8 | data[3] << 16 |
                             static_cast<std::uint32_t>(data[4]) << 24;
    const std::string_view rest = bytes.substr(5);
    const std::size_t split = rest.empty() ? 0 : at % rest.size();
    const std::string_view word = rest.substr(0, split), table = rest.substr(split);
    auditor::Result<auditor::WordFib> fib = auditor::read_word_fib(word);
    if (fib) check_text(auditor::word_text(word, table, table, *fib).text);
    return 0;
  }
  (void)auditor::ole_kind(bytes);
  auditor::Document doc;
  auditor::Status s = auditor::parse_doc(bytes, doc);
  (void)s;
  check_text(doc.text);
  return 0;
}
