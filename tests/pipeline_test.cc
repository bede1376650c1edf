#include "app/pipeline.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

namespace auditor {
namespace {

TEST_CASE("ordered runner hands results back in input order whatever the finishing order",
          "[perf]") {
  std::vector<std::string> seen;
  run_ordered(
      40, 4,
      [](std::size_t i) {
        // Early items finish last.
        std::this_thread::sleep_for(std::chrono::microseconds((40 - i) * 50));
        CaseResult r;
        r.c.archive = std::to_string(i);
        return r;
      },
      [&](std::size_t i, CaseResult&& r) {
        CHECK(r.c.archive == std::to_string(i));
        seen.push_back(r.c.archive);
      });
  REQUIRE(seen.size() == 40);
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == std::to_string(i));
}

TEST_CASE("ordered runner starts no item more than kAheadPerJob x jobs ahead of the consumer",
          "[perf]") {
  // "Ahead" is the index being started minus the items fully consumed; the
  // item handed to the consumer but not yet finished counts as ahead.
  std::atomic<int> started{0}, consumed{0}, worst{0};
  run_ordered(
      60, 2,
      [&](std::size_t i) {
        ++started;
        const int ahead = static_cast<int>(i) - consumed.load();
        int w = worst.load();
        while (ahead > w && !worst.compare_exchange_weak(w, ahead)) {
        }
        return CaseResult{};
      },
      [&](std::size_t, CaseResult&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow writer
        ++consumed;
      });
  CHECK(started == 60);
  CHECK(worst <= static_cast<int>(2 * kAheadPerJob));
  CHECK(worst >= 2);  // the workers do run ahead
}

TEST_CASE("ordered runner refills a full window in bursts of half a window", "[perf]") {
  // Quick items and a slow consumer (unchanged archives): a worker that finds
  // the window full sleeps until half of it is free, so items are started at
  // few distinct consumer positions, not at every one.
  constexpr std::size_t n = 60, jobs = 2, window = jobs * kAheadPerJob;
  std::atomic<std::size_t> consumed{0};
  std::mutex mu;
  std::set<std::size_t>
      start_positions;  // consumed count when an item past the first window started
  run_ordered(
      n, jobs,
      [&](std::size_t i) {
        if (i >= window) {
          std::lock_guard lock(mu);
          start_positions.insert(consumed.load());
        }
        return CaseResult{};
      },
      [&](std::size_t, CaseResult&&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++consumed;
      });
  CHECK(consumed == n);
  // (n - window) / (window / 2) = 13 bursts; one start per item would be 52,
  // half of that leaves room for a busy machine.
  CHECK(start_positions.size() <= 26);
}

TEST_CASE("ordered runner with no items calls nothing", "[perf]") {
  int calls = 0;
  run_ordered(
      0, 2,
      [&](std::size_t) {
        ++calls;
        return CaseResult{};
      },
      [&](std::size_t, CaseResult&&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("batch audit of the testdata archives keeps input order and rejects the non-zip",
          "[perf]") {
  Result<Checklist> checklist = load_checklist(AUDITOR_SOURCE_DIR "/checklists/general");
  REQUIRE(checklist.ok());
  Result<std::vector<std::filesystem::path>> archives =
      collect_archives({AUDITOR_SOURCE_DIR "/testdata"});
  REQUIRE(archives.ok());
  // The bundled archives only; testdata/variants/ has its own test ([variants]).
  std::erase_if(*archives, [](const std::filesystem::path& a) {
    return a.parent_path().filename() != "testdata";
  });
  REQUIRE(archives->size() == 6);
  std::vector<std::string> order;
  int rejected = 0;
  audit_batch(*archives, *checklist, ImportOptions{}, 2, [&](CaseResult&& r) {
    order.push_back(r.c.archive);
    rejected += r.c.rejected;
    CHECK(r.c.sha256.size() == 64);
  });
  REQUIRE(order.size() == 6);
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == (*archives)[i].string());
  CHECK(rejected == 1);  // 06-not-a-zip.zip
}

}  // namespace
}  // namespace auditor
