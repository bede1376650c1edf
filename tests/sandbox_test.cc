// The parse boundary's parts: the messages between the importers and the
// parse process (importers/parse_protocol.h) and the process's system-call
// filter (importers/parse_server/syscall_filter.h), tried in a forked child.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <thread>

#include "importers/parse_protocol.h"
#include "importers/parse_server/syscall_filter.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;

ParseResponse full_response() {
  ParseResponse r;
  r.status = Status::failure("文件损坏", Code::corrupt);
  r.inflated = 12345;
  r.retiring = true;
  r.cpu_microseconds = 678;
  Document& d = r.doc;
  d.has_text = true;
  d.pages = 3;
  d.title = "行政处罚决定书";
  d.text = std::string("正文\f第二页\0含零字节", 30);
  d.seal = "某某局";
  d.metadata = {{"author", "张三"}, {"encrypted", "true"}};
  Signature s;
  s.id = "s1";
  s.type = "Seal";
  s.page = 2;
  s.time = "2024-01-02";
  s.seal_name = "某某局";
  s.references = 4;
  s.digests_ok = 3;
  d.signatures = {s, Signature{}};
  return r;
}

TEST_CASE("a parse response crosses the boundary field for field", "[sandbox]") {
  const ParseResponse sent = full_response();
  Result<ParseResponse> got = decode_response(encode_response(sent));
  REQUIRE(got.ok());
  CHECK(got->status.code == Code::corrupt);
  CHECK(got->status.reason == "文件损坏");
  CHECK(got->inflated == 12345);
  CHECK(got->retiring);
  CHECK(got->cpu_microseconds == 678);
  CHECK(got->doc.has_text);
  CHECK(got->doc.pages == 3);
  CHECK(got->doc.title == sent.doc.title);
  CHECK(got->doc.text == sent.doc.text);
  CHECK(got->doc.seal == sent.doc.seal);
  CHECK(got->doc.metadata == sent.doc.metadata);
  REQUIRE(got->doc.signatures.size() == 2);
  CHECK(got->doc.signatures[0].page == 2);
  CHECK(got->doc.signatures[0].time == "2024-01-02");
  CHECK_FALSE(got->doc.signatures[0].provider);
  CHECK(got->doc.signatures[0].digests_ok == 3);
  CHECK_FALSE(got->doc.signatures[1].page);
}

TEST_CASE("a parse request crosses the boundary with its limits and bytes", "[sandbox]") {
  ParseRequest sent{"pdf", 7, ZipLimits{}, std::string_view("%PDF-1.4\0x", 10)};
  sent.limits.max_total_bytes = 99;
  const std::string payload = encode_request_head(sent) + std::string(sent.bytes);
  Result<ParseRequest> got = decode_request(payload);
  REQUIRE(got.ok());
  CHECK(got->format == "pdf");
  CHECK(got->group == 7);
  CHECK(got->limits.max_total_bytes == 99);
  CHECK(got->limits.max_entries == ZipLimits{}.max_entries);
  CHECK(got->bytes == sent.bytes);
  CHECK(frame_size(frame_header(payload.size())) == payload.size());
}

TEST_CASE("a truncated, padded or forged message is refused, not trusted", "[sandbox]") {
  const std::string response = encode_response(full_response());
  for (std::size_t cut = 0; cut < response.size(); ++cut)
    CHECK_FALSE(decode_response(response.substr(0, cut)).ok());
  CHECK_FALSE(decode_response(response + "x").ok());
  std::string forged = response;
  forged[0] = 9;  // no such outcome
  CHECK_FALSE(decode_response(forged).ok());
  // A signature count of 2^60 with a few bytes behind it.
  ParseResponse none;
  std::string counted = encode_response(none);
  counted.replace(counted.size() - 8, 8, std::string("\0\0\0\0\0\0\0\x10", 8));
  CHECK_FALSE(decode_response(counted).ok());
  const std::string request = encode_request_head({"docx", 1, ZipLimits{}, "abc"}) + "abc";
  for (std::size_t cut = 0; cut < request.size(); ++cut)
    CHECK_FALSE(decode_request(request.substr(0, cut)).ok());
  CHECK(is_hello(encode_hello()));
  CHECK_FALSE(is_hello("auditor-parse"));
}

// Runs `probe` in a forked child after the filter is installed; its exit
// status is 0 when every expectation held, else the number of the first one
// that failed.
int filtered(const std::function<int()>& probe) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!install_syscall_filter().empty()) _exit(100);
    _exit(probe());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

TEST_CASE("the parse process can read files but not write, create or remove them", "[sandbox]") {
  test::TempDir dir;
  const fs::path existing = dir.path / "existing.txt";
  test::write_file(existing, "x");
  const std::string file = existing.string(), created = (dir.path / "new.txt").string();
  CHECK(filtered([&] {
          const int fd = open(file.c_str(), O_RDONLY);
          if (fd < 0) return 1;
          close(fd);
          if (open(file.c_str(), O_WRONLY) >= 0 || errno != EPERM) return 2;
          if (open(file.c_str(), O_RDWR) >= 0) return 3;
          if (open(created.c_str(), O_RDONLY | O_CREAT, 0644) >= 0) return 4;
          if (open(file.c_str(), O_RDONLY | O_TRUNC) >= 0) return 5;
          if (creat(created.c_str(), 0644) >= 0) return 6;
          if (unlink(file.c_str()) == 0 || rename(file.c_str(), created.c_str()) == 0) return 7;
          if (mkdir(created.c_str(), 0755) == 0 || chmod(file.c_str(), 0777) == 0) return 8;
          if (truncate(file.c_str(), 0) == 0 || symlink(file.c_str(), created.c_str()) == 0)
            return 9;
          return 0;
        }) == 0);
  CHECK(test::read_file(existing) == "x");
  CHECK_FALSE(fs::exists(created));
}

TEST_CASE("the parse process can reach no network, start no program and lift no limit",
          "[sandbox]") {
  CHECK(filtered([] {
          if (socket(AF_INET, SOCK_STREAM, 0) >= 0 || errno != EPERM) return 1;
          if (socket(AF_UNIX, SOCK_STREAM, 0) >= 0) return 2;
          if (fork() >= 0) return 3;
          execl("/bin/true", "true", static_cast<char*>(nullptr));
          if (errno != EPERM) return 4;
          rlimit limit{};
          if (getrlimit(RLIMIT_AS, &limit) != 0) return 5;  // reading stays allowed
          if (setrlimit(RLIMIT_CPU, &limit) == 0) return 6;
          if (kill(getppid(), 0) == 0) return 7;
          int seen = 0;
          std::thread([&] { seen = 1; }).join();  // threads stay allowed
          return seen == 1 ? 0 : 8;
        }) == 0);
}

}  // namespace
}  // namespace auditor
