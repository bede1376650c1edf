// auditor_parse: the parse process of importers/sandbox.h, one per worker
// thread of the program. It limits itself (address space to --max-mb, no
// file output, no core dump), keeps no descriptor but its three, dies with
// the thread that started it, installs its system-call filter
// (syscall_filter.h), says hello, then answers each request frame on stdin
// with one response frame on stdout (importers/parse_protocol.h) until stdin
// closes. Its CPU time per document is limited by the program (RLIMIT_CPU).
//
//   auditor_parse --max-mb N [--shm 1]      serve requests; with --shm, fd 3
//                                           is memory the program shares
//                                           (mapped read only)
//   auditor_parse --probe FILE [--max-mb N] [--ocr-page P]
//                                           parse FILE (or read its page P by
//                                           OCR) under the same limits and
//                                           filter, print a summary
//
// OCR requests (importers/ocr_read.h) load Tesseract through the OCR module
// after the filter is in place: it only reads files (the module, its
// libraries, the traineddata) and maps memory. OMP_THREAD_LIMIT=1, set here
// before the OpenMP runtime is loaded, keeps Tesseract to the process's one
// thread; the pages of a batch run in parallel across the worker pool.
#include <malloc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <optional>
#include <sstream>
#include <string>

#include "importers/formats.h"
#include "importers/ocr_read.h"
#include "importers/parse_document.h"
#include "importers/parse_protocol.h"
#include "importers/parse_server/syscall_filter.h"

namespace auditor {
namespace {

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer maps terabytes of shadow memory before main: a sanitizer
// build has no address-space limit (its tests of it are skipped).
constexpr bool kLimitAddressSpace = false;
#else
constexpr bool kLimitAddressSpace = true;
#endif

constexpr int kExitUsage = 2;
constexpr int kExitSetup = 3;

// Set when operator new fails: the parse ran into the address-space limit
// even if a parser caught the bad_alloc and reported something else.
volatile bool g_out_of_memory = false;

void on_new_failure() {
  g_out_of_memory = true;
  throw std::bad_alloc();
}

// The next request frame on stdin into `in`: what one read brings may end
// inside the next frame (the program sends requests ahead), which stays
// there for the next call. False at the end of stdin; throws std::bad_alloc
// when the frame cannot be held.
bool read_frame(FrameReader& in) {
  constexpr std::size_t kChunk = 64 * 1024;
  while (!in.next()) {
    // A large frame is read to its end in one go.
    const std::size_t want = std::max<std::uint64_t>(kChunk, in.missing());
    ssize_t got;
    while ((got = read(STDIN_FILENO, in.space(want), want)) < 0 && errno == EINTR) {
    }
    if (got <= 0) return false;
    in.added(static_cast<std::size_t>(got));
  }
  return true;
}

bool send_frame(const std::string& payload) {
  const std::string header = frame_header(payload.size());
  const iovec parts[2] = {{const_cast<char*>(header.data()), header.size()},
                          {const_cast<char*>(payload.data()), payload.size()}};
  std::size_t total = header.size() + payload.size();
  ssize_t n;
  while ((n = writev(STDOUT_FILENO, parts, 2)) < 0 && errno == EINTR) {
  }
  if (n < 0) return false;
  if (static_cast<std::size_t>(n) == total) return true;
  // A partial write (a large answer): the rest one part at a time.
  const std::string frame = header + payload;
  std::string_view rest = std::string_view(frame).substr(static_cast<std::size_t>(n));
  while (!rest.empty()) {
    const ssize_t k = write(STDOUT_FILENO, rest.data(), rest.size());
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return false;
    rest.remove_prefix(static_cast<std::size_t>(k));
  }
  return true;
}

// The process's peak address space (VmPeak), in bytes; 0 when unknown.
std::uint64_t peak_address_space() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmPeak:", 0) == 0) return std::strtoull(line.c_str() + 7, nullptr, 10) << 10;
  return 0;
}

rusage usage() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u;
}

std::uint64_t microseconds(const timeval& t) {
  return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000 + static_cast<std::uint64_t>(t.tv_usec);
}

// Limits, descriptors and the filter; an English message on failure. No
// file output (RLIMIT_FSIZE 0) when serving: its stdout is a socket, where a
// probe's may be a file.
std::string confine(std::uint64_t max_bytes, bool serving) {
  const rlimit as{max_bytes, max_bytes}, none{0, 0};
  if ((kLimitAddressSpace && setrlimit(RLIMIT_AS, &as) != 0) ||
      (serving && setrlimit(RLIMIT_FSIZE, &none) != 0) || setrlimit(RLIMIT_CORE, &none) != 0)
    return std::string("setrlimit: ") + std::strerror(errno);
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return std::string("prctl: ") + std::strerror(errno);
  close_range(3, ~0u, 0);
  std::set_new_handler(on_new_failure);
  // Keeps the heap between documents: by default each document's buffers
  // went back to the kernel and were faulted in again for the next one (a
  // quarter of a small PDF's parse). RLIMIT_AS still bounds it, and a
  // process that grew large retires (handle()).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  return install_syscall_filter();
}

// The memory the program shares with this process (fd 3), mapped read only.
struct Shared {
  const char* data = nullptr;
  std::size_t size = 0;
  // The bytes of `request`: inline, or in the shared memory; nullopt when
  // they are out of its bounds.
  std::optional<std::string_view> bytes_of(const ParseRequest& request) const {
    if (request.shared == kInline) return request.bytes;
    if (request.shared > size || request.shared_size > size - request.shared) return std::nullopt;
    return std::string_view(data + request.shared, request.shared_size);
  }
};

// Maps fd 3 (before confine() closes it); an English message on failure.
std::string map_shared(Shared& shared) {
  struct stat st {};
  if (fstat(3, &st) != 0) return std::string("fd 3: ") + std::strerror(errno);
  const auto size = static_cast<std::size_t>(st.st_size);
  void* p = mmap(nullptr, size, PROT_READ, MAP_SHARED, 3, 0);
  if (p == MAP_FAILED) return std::string("mmap: ") + std::strerror(errno);
  shared = Shared{static_cast<const char*>(p), size};
  return {};
}

// The inflation budget of the current request group.
struct Group {
  std::uint64_t id = 0;
  std::uint64_t inflated = 0;
};

ParseResponse handle(const ParseRequest& request, std::string_view bytes, std::uint64_t max_bytes,
                     Group& group) {
  ParseResponse out;
  out.doc.format = request.format;
  if (request.group != group.id) group = Group{request.group, 0};
  const std::uint64_t before = group.inflated;
  ZipLimits limits = request.limits;
  limits.shared_total = &group.inflated;
  g_out_of_memory = false;
  try {
    out.status = request.ocr_page > 0 ? read_page_into(bytes, request.ocr_page, out.doc)
                                      : parse_document(bytes, limits, out.doc);
  } catch (const std::bad_alloc&) {
    g_out_of_memory = true;
  } catch (...) {
    out.status = Status::failure("解析失败：文件损坏或过于复杂");
  }
  out.inflated = group.inflated - before;
  // A parser that met the limit through malloc (pugixml, C code) reports a
  // failure of its own: near the limit, it was the limit.
  if (g_out_of_memory ||
      (kLimitAddressSpace && !out.status.ok() && peak_address_space() >= max_bytes / 10 * 9)) {
    out.outcome = ParseOutcome::out_of_memory;
    out.doc = Document{};
  }
  // A process that grew this much (or ran out) starts afresh: its heap may
  // stay large, and the peak above must describe one document. (Reading
  // VmPeak costs more than a small document's parse, so only on failure.)
  const rusage u = usage();
  out.retiring = out.outcome == ParseOutcome::out_of_memory ||
                 (static_cast<std::uint64_t>(u.ru_maxrss) << 10) >= max_bytes / 2;
  out.cpu_microseconds = microseconds(u.ru_utime) + microseconds(u.ru_stime);
  return out;
}

int serve(std::uint64_t max_bytes, const Shared& shared) {
  if (!send_frame(encode_hello())) return 0;
  FrameReader input;
  Group group;
  for (;;) {
    try {
      if (!read_frame(input)) return 0;  // the program closed: done
    } catch (const std::bad_alloc&) {
      return kParseExitOutOfMemory;
    }
    const std::optional<std::string_view> frame = input.next();
    Result<ParseRequest> request = decode_request(*frame);
    const std::optional<std::string_view> bytes =
        request ? shared.bytes_of(*request) : std::nullopt;
    ParseResponse response;
    if (bytes) {
      response = handle(*request, *bytes, max_bytes, group);
    } else {
      response.status = Status::failure(request ? Error{"解析请求超出共享内存范围", Code::internal}
                                                : request.failure());
    }
    std::string answer;
    try {
      answer = encode_response(response);
    } catch (const std::bad_alloc&) {
      ParseResponse oom;
      oom.outcome = ParseOutcome::out_of_memory;
      oom.retiring = true;
      answer = encode_response(oom);
    }
    if (!send_frame(answer) || response.retiring) return 0;
    input.pop();
  }
}

int probe(const char* path, std::uint64_t max_bytes, int ocr_page) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  if (!in) {
    std::fprintf(stderr, "auditor_parse: cannot read %s\n", path);
    return kExitUsage;
  }
  const std::string bytes = buf.str();
  ParseRequest request{detect_format(bytes, path), 1, ZipLimits{}, bytes};
  request.ocr_page = ocr_page;
  Group group;
  const ParseResponse r = handle(request, request.bytes, max_bytes, group);
  std::printf("format=%s outcome=%d ok=%d pages=%d has_text=%d chars=%zu reason=%s\n",
              request.format.c_str(), static_cast<int>(r.outcome), r.status.ok() ? 1 : 0,
              r.doc.pages.value_or(0), r.doc.has_text ? 1 : 0, r.doc.text.size(),
              r.status.reason.c_str());
  for (const OcrPage& p : r.doc.ocr_pages)
    std::printf("ocr page=%d confidence=%d rotation=%d lines=%zu\n", p.page, p.confidence,
                p.rotation, p.lines.size());
  return r.status.ok() && r.outcome == ParseOutcome::parsed ? 0 : 1;
}

}  // namespace
}  // namespace auditor

int main(int argc, char** argv) {
  long long max_mb = 768;
  int ocr_page = 0;
  const char* probe_file = nullptr;
  bool shm = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--max-mb") == 0) {
      max_mb = std::atoll(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--probe") == 0) {
      probe_file = argv[i + 1];
    } else if (std::strcmp(argv[i], "--ocr-page") == 0) {
      ocr_page = std::atoi(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--shm") == 0) {
      shm = std::strcmp(argv[i + 1], "1") == 0;
    } else {
      max_mb = 0;
    }
  }
  if (argc % 2 == 0 || max_mb <= 0 || ocr_page < 0) {
    std::fprintf(stderr,
                 "usage: auditor_parse --max-mb N [--shm 1] | --probe FILE [--max-mb N] "
                 "[--ocr-page P]\n");
    return auditor::kExitUsage;
  }
  const std::uint64_t max_bytes = static_cast<std::uint64_t>(max_mb) << 20;
  setenv("OMP_THREAD_LIMIT", "1", 1);  // see the header
  auditor::Shared shared;
  std::string failed = shm ? auditor::map_shared(shared) : std::string();
  if (failed.empty()) failed = auditor::confine(max_bytes, probe_file == nullptr);
  if (!failed.empty()) {
    std::fprintf(stderr, "auditor_parse: %s\n", failed.c_str());
    return auditor::kExitSetup;
  }
  const int status = probe_file ? auditor::probe(probe_file, max_bytes, ocr_page)
                                : auditor::serve(max_bytes, shared);
  // No exit-time work: nothing is left to flush but stdout, and the leak
  // checker of a sanitizer build would need ptrace, which the filter denies.
  std::fflush(stdout);
  _exit(status);
}
