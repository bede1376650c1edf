#include "importers/sandbox.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include "importers/parse_protocol.h"
#include "util/self_path.h"

namespace auditor {
namespace {

using Clock = std::chrono::steady_clock;

// Time for a new process to load and say hello (the PDF module is loaded
// later, within the first PDF's budget).
constexpr std::chrono::seconds kStartTimeout{10};
constexpr std::uint64_t kMaxHelloBytes = 64;

// Members this large or larger are handed over in memory shared with the
// process, up to kSharedBytes of a group's (scans of a few hundred KB each):
// copied once instead of twice through the socket, which was the largest
// part of the boundary's cost. The rest go through the socket. The mapping
// counts in the process's address space (--max-doc-mb).
constexpr std::size_t kSharedMin = 32 << 10;
constexpr std::size_t kSharedBytes = 8 << 20;

// Memory shared with one process (a memfd): read-write here, read-only
// there. Only the pages used are allocated.
class SharedMemory {
 public:
  // Nullptr when the system gives none (the socket carries everything).
  static std::unique_ptr<SharedMemory> create() {
    const int fd = memfd_create("auditor-parse", MFD_CLOEXEC);
    if (fd < 0) return nullptr;
    std::unique_ptr<SharedMemory> m(new SharedMemory(fd));
    if (ftruncate(fd, kSharedBytes) != 0) return nullptr;
    void* p = mmap(nullptr, kSharedBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) return nullptr;
    m->data_ = static_cast<char*>(p);
    return m;
  }
  ~SharedMemory() {
    if (data_ != nullptr) munmap(data_, kSharedBytes);
    close(fd_);
  }
  // A new read-only descriptor of it, for the process; -1 on failure.
  int read_only_fd() const {
    return open(("/proc/self/fd/" + std::to_string(fd_)).c_str(), O_RDONLY | O_CLOEXEC);
  }
  char* data() { return data_; }

 private:
  explicit SharedMemory(int fd) : fd_(fd) {}
  int fd_;
  char* data_ = nullptr;
};

// The calling thread's parse process; killed and reaped when the thread
// ends (the object's destructor).
struct Server {
  std::unique_ptr<Subprocess> process;
  std::unique_ptr<SharedMemory> shared;  // nullptr: none
  int max_mb = 0;                        // the address-space limit it was started with
  unsigned long cpu_limit = 0;           // the RLIMIT_CPU soft limit last set, seconds
  double cpu_used = 0;                   // CPU seconds it reported last
};
thread_local Server t_server;
thread_local std::uint64_t t_last_group = 0;  // request groups of this thread

std::string seconds_text(long long s) { return std::to_string(s) + " 秒"; }

std::string cpu_reason(const ImportOptions& opt) {
  return "解析超过时间上限（" + seconds_text(opt.max_doc_seconds) +
         " CPU 时间，--max-doc-seconds），未读取";
}

std::string wall_reason(const ImportOptions& opt) {
  return "解析超过时间上限（等待 " + seconds_text(opt.max_doc_seconds + kParseGraceSeconds) +
         "仍未完成，--max-doc-seconds），未读取";
}

std::string ocr_wall_reason(const ImportOptions& opt) {
  return "文字识别超过时间上限（等待 " +
         seconds_text(3 * opt.max_doc_seconds + kParseGraceSeconds) +
         "仍未完成，--max-doc-seconds），未识别";
}

std::string archive_reason(const ImportOptions& opt) {
  return "本压缩包的文书解析累计超过时间上限（" +
         seconds_text(2 * (opt.max_doc_seconds + kParseGraceSeconds)) + "，--max-doc-seconds 加 " +
         std::to_string(kParseGraceSeconds) + " 秒的 2 倍），未读取";
}

std::string memory_reason(const ImportOptions& opt) {
  return "解析超过内存上限（" + std::to_string(opt.max_doc_mb) + " MB，--max-doc-mb），未读取";
}

std::string output_reason(const ImportOptions& opt) {
  return "解析结果超过大小上限（" + std::to_string(opt.max_doc_output_bytes >> 20) +
         " MB），未读取";
}

// Why a process ended, from its wait status and its last stderr lines.
std::string ended_reason(int status, const std::string& err, const ImportOptions& opt) {
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) return cpu_reason(opt);
  if (WIFEXITED(status) && WEXITSTATUS(status) == kParseExitOutOfMemory) return memory_reason(opt);
  // poppler's allocator prints this before abort(); libstdc++ names the
  // exception when one escapes.
  if (err.find("Out of memory") != std::string::npos || err.find("bad_alloc") != std::string::npos)
    return memory_reason(opt);
  if (WIFSIGNALED(status)) {
    const char* name = sigabbrev_np(WTERMSIG(status));
    return "解析进程异常终止（信号 " +
           (name != nullptr ? "SIG" + std::string(name) : std::to_string(WTERMSIG(status))) +
           "），文件可能损坏或过于复杂，未读取";
  }
  return "解析进程意外退出（退出码 " + std::to_string(WEXITSTATUS(status)) + "），未读取";
}

// Adds to `in` what the process has sent, until it has nothing more now, a
// frame is whole, or the next frame announces more than `max` bytes.
Subprocess::Io receive(Subprocess& p, FrameReader& in, std::uint64_t max) {
  constexpr std::uint64_t kChunk = 64 * 1024;
  for (;;) {
    if (in.next() || in.next_size().value_or(0) > max) return Subprocess::Io::ok;
    // A large frame is read to its end in one go.
    const auto want = static_cast<std::size_t>(std::clamp(in.missing(), kChunk, max + kChunk));
    std::size_t got = 0;
    const Subprocess::Io io = p.receive_some(in.space(want), want, got);
    in.added(got);
    if (io != Subprocess::Io::ok || got == 0) return io;
  }
}

// The last line of a process's stderr, for a start failure.
std::string last_line(std::string err) {
  while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
  if (const std::size_t nl = err.rfind('\n'); nl != std::string::npos) err.erase(0, nl + 1);
  return err;
}

// Starts the thread's process with an address-space limit of `max_mb` and
// waits for its hello.
Status start_server(int max_mb) {
  t_server = Server{};
  std::unique_ptr<SharedMemory> shared = SharedMemory::create();
  const int shared_fd = shared ? shared->read_only_fd() : -1;
  if (shared_fd < 0) shared.reset();
  std::vector<std::string> args = {"--max-mb", std::to_string(max_mb)};
  if (shared) args.insert(args.end(), {"--shm", "1"});
  // The process's stderr (poppler's allocator complains there) reaches ours
  // only when the loader is asked to talk (scripts/check-install.sh).
  Result<std::unique_ptr<Subprocess>> started =
      Subprocess::start(parse_server_path(), args, shared_fd, std::getenv("LD_DEBUG") != nullptr);
  if (shared_fd >= 0) close(shared_fd);
  if (!started) return Status::failure("文档解析进程无法启动（" + started.error() + "），未读取");
  Subprocess& p = **started;
  const Deadline deadline = Clock::now() + kStartTimeout;
  FrameReader inbox;
  std::string why;
  for (;;) {
    const Subprocess::Io io = receive(p, inbox, kMaxHelloBytes);
    if (inbox.next_size().value_or(0) > kMaxHelloBytes) {
      why = "版本不符";
      break;
    }
    if (const std::optional<std::string_view> hello = inbox.next()) {
      if (is_hello(*hello)) {
        t_server.process = std::move(*started);
        t_server.shared = std::move(shared);
        t_server.max_mb = max_mb;
        return Status::success();
      }
      why = "版本不符";
      break;
    }
    if (io != Subprocess::Io::ok) {
      const int status = p.stop();
      why = WIFEXITED(status) ? "退出码 " + std::to_string(WEXITSTATUS(status)) : "被信号终止";
      break;
    }
    if (!p.wait(false, deadline)) {
      why = "启动超时";
      break;
    }
  }
  p.stop();
  if (const std::string err = last_line(p.stderr_tail()); !err.empty()) why += "：" + err;
  return Status::failure("文档解析进程无法启动（" + parse_server_path() + "，" + why +
                         "），未读取");
}

// Keeps at least `seconds` of CPU time ahead of the process, counted from
// the CPU time it last reported: the limit is raised (with a second to
// spare) only when less is left, so most documents cost no system call for
// it. (A process that lies about its CPU time only shortens its own budget;
// the wall-clock limit holds regardless.)
void give_cpu(Subprocess& p, int seconds) {
  const double used = t_server.cpu_used;
  if (t_server.cpu_limit >= used + seconds) return;
  const auto limit = static_cast<unsigned long>(std::ceil(used)) + seconds + 1;
  if (p.set_cpu_limit(limit)) t_server.cpu_limit = limit;
}

void copy_into(Document& doc, Document&& parsed) {
  doc.has_text = parsed.has_text;
  doc.pages = parsed.pages;
  doc.title = std::move(parsed.title);
  doc.text = std::move(parsed.text);
  doc.seal = std::move(parsed.seal);
  doc.metadata = std::move(parsed.metadata);
  doc.signatures = std::move(parsed.signatures);
  doc.ocr_pages = std::move(parsed.ocr_pages);
}

// The requests of jobs[from...], framed, as one stream of parts; large
// members go into the shared memory, when there is one, instead.
class Outbox {
 public:
  Outbox(std::span<ParseJob> jobs, std::size_t from, const ZipLimits& limits,
         SharedMemory* shared) {
    const std::uint64_t group = ++t_last_group;
    std::size_t used = 0;                // of the shared memory
    heads_.reserve(jobs.size() - from);  // parts_ points into heads_
    for (std::size_t k = from; k < jobs.size(); ++k) {
      ParseRequest request{jobs[k].doc->format, group, limits, jobs[k].bytes};
      request.ocr_page = jobs[k].ocr_page;
      const std::size_t size = request.bytes.size();
      if (shared && size >= kSharedMin && size <= kSharedBytes - used) {
        std::memcpy(shared->data() + used, request.bytes.data(), size);
        request.shared = used;
        request.shared_size = size;
        request.bytes = {};
        used += (size + 63) / 64 * 64;
      }
      const std::string head = encode_request_head(request);
      heads_.push_back(frame_header(head.size() + request.bytes.size()) + head);
      parts_.push_back(heads_.back());
      parts_.push_back(request.bytes);
    }
  }
  bool empty() const { return next_ == parts_.size(); }
  // Sends what the channel takes now.
  Subprocess::Io send(Subprocess& p) {
    while (!empty()) {
      std::size_t sent = 0;
      const Subprocess::Io io = p.send_some(std::span(parts_).subspan(next_), sent);
      if (io != Subprocess::Io::ok || sent == 0) return io;
      for (; next_ < parts_.size() && sent >= parts_[next_].size(); ++next_)
        sent -= parts_[next_].size();
      if (next_ < parts_.size()) parts_[next_].remove_prefix(sent);
    }
    return Subprocess::Io::ok;
  }

 private:
  std::vector<std::string> heads_;
  std::vector<std::string_view> parts_;
  std::size_t next_ = 0;
};

// Sends the requests of jobs[from...] ahead and reads the answers in order,
// until every job has its verdict or the process had to go (a limit, a
// crash, retired); returns the index of the first job without a verdict.
std::size_t exchange(std::span<ParseJob> jobs, std::size_t from, const ImportOptions& opt,
                     ArchiveParseBudget& budget, const std::function<void(ParseJob&)>& done) {
  Subprocess& p = *t_server.process;
  std::uint64_t* shared = opt.limits.shared_total;
  ZipLimits limits = opt.limits;
  limits.max_total_bytes -= std::min(shared ? *shared : 0, limits.max_total_bytes);
  Outbox outbox(jobs, from, limits, t_server.shared.get());
  FrameReader inbox;
  const std::chrono::seconds wall(opt.max_doc_seconds + kParseGraceSeconds);
  for (std::size_t k = from; k < jobs.size(); ++k) {
    const auto now = Clock::now();
    if (now >= *budget.deadline) {  // answers still due: the process goes
      t_server = Server{};
      return k;
    }
    // A page read by OCR may wait longer for the cores than a parse: its
    // CPU limit is the same, its wall-clock allowance three times as long.
    const std::chrono::seconds job_wall =
        jobs[k].ocr_page ? wall + 2 * std::chrono::seconds(opt.max_doc_seconds) : wall;
    const bool archive_first = *budget.deadline < now + job_wall;
    const Deadline deadline = archive_first ? *budget.deadline : now + job_wall;
    give_cpu(p, opt.max_doc_seconds);
    std::optional<std::string_view> payload;
    bool too_big = false, timed_out = false;
    for (;;) {
      // Answers already here are read even when the process is gone.
      const Subprocess::Io sent = outbox.send(p);
      const Subprocess::Io got = receive(p, inbox, opt.max_doc_output_bytes);
      too_big = inbox.next_size().value_or(0) > opt.max_doc_output_bytes;
      if (too_big || (payload = inbox.next())) break;
      if (sent != Subprocess::Io::ok || got != Subprocess::Io::ok) break;
      if (!p.wait(!outbox.empty(), deadline)) {
        timed_out = true;
        break;
      }
    }
    Status& status = jobs[k].status;
    if (!payload) {  // the process is stopped and replaced
      const int ended = p.stop();
      const std::string err = p.stderr_tail();
      t_server = Server{};
      if (WIFSIGNALED(ended) && WTERMSIG(ended) == SIGXCPU)
        status = Status::failure(cpu_reason(opt));
      else if (too_big)
        status = Status::failure(output_reason(opt));
      else if (timed_out)
        status = Status::failure(archive_first           ? archive_reason(opt)
                                 : jobs[k].ocr_page != 0 ? ocr_wall_reason(opt)
                                                         : wall_reason(opt));
      else
        status = Status::failure(ended_reason(ended, err, opt));
      done(jobs[k]);
      return k + 1;
    }
    Result<ParseResponse> response = decode_response(*payload);
    if (!response) {
      status = Status::failure(response.failure());
      t_server = Server{};
      done(jobs[k]);
      return k + 1;
    }
    if (shared) *shared += response->inflated;
    t_server.cpu_used = static_cast<double>(response->cpu_microseconds) / 1e6;
    if (response->outcome == ParseOutcome::out_of_memory) {
      status = Status::failure(memory_reason(opt));
    } else {
      copy_into(*jobs[k].doc, std::move(response->doc));
      status = std::move(response->status);
    }
    inbox.pop();
    if (response->retiring) {
      t_server = Server{};
      done(jobs[k]);
      return k + 1;
    }
    done(jobs[k]);
  }
  return jobs.size();
}

}  // namespace

const std::string& parse_server_path() {
  static const std::string path = [] {
    namespace fs = std::filesystem;
    const fs::path dir = executable_dir();
    const fs::path installed =
        (dir / ".." / "lib" / "auditor" / fs::path(AUDITOR_PARSE_SERVER).filename())
            .lexically_normal();
    std::error_code ec;
    return !dir.empty() && fs::is_regular_file(installed, ec) ? installed.string()
                                                              : std::string(AUDITOR_PARSE_SERVER);
  }();
  return path;
}

void parse_isolated(std::span<ParseJob> jobs, const ImportOptions& opt, ArchiveParseBudget& budget,
                    const std::function<void(ParseJob&)>& done) {
  const std::chrono::seconds wall(opt.max_doc_seconds + kParseGraceSeconds);
  std::size_t k = 0;
  while (k < jobs.size()) {
    const auto now = Clock::now();
    if (!budget.deadline) budget.deadline = now + 2 * wall;
    if (now >= *budget.deadline) {
      for (; k < jobs.size(); ++k) {
        jobs[k].status = Status::failure(archive_reason(opt));
        done(jobs[k]);
      }
      return;
    }
    if (!t_server.process || t_server.max_mb != opt.max_doc_mb) {
      const Status started = start_server(opt.max_doc_mb);
      if (!started.ok()) {
        for (; k < jobs.size(); ++k) {
          jobs[k].status = started;
          done(jobs[k]);
        }
        return;
      }
    }
    k = exchange(jobs, k, opt, budget, done);
  }
}

}  // namespace auditor
