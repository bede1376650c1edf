#include "app/pipeline.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

namespace auditor {
namespace {

TEST_CASE("the runner hands each result on as soon as it is done, a slow first item last",
          "[perf]") {
  std::vector<std::size_t> seen;
  run_as_completed(
      12, 2,
      [](std::size_t i) {
        if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));  // stuck
        CaseResult r;
        r.c.archive = std::to_string(i);
        return r;
      },
      [&](std::size_t i, CaseResult&& r) {
        CHECK(r.c.archive == std::to_string(i));
        seen.push_back(i);
      });
  REQUIRE(seen.size() == 12);
  CHECK(seen.back() == 0);  // the others were consumed while item 0 was still running
  std::sort(seen.begin(), seen.end());
  for (std::size_t i = 0; i < seen.size(); ++i) CHECK(seen[i] == i);
}

TEST_CASE("results put out of order come back in index order, each once", "[perf]") {
  std::vector<std::string> emitted;
  InOrder in_order([&](std::size_t i, CaseResult&& r) {
    CHECK(r.c.archive == std::to_string(i));
    emitted.push_back(r.c.archive);
  });
  for (std::size_t i : {2, 0, 3, 1, 5, 4}) {
    CaseResult r;
    r.c.archive = std::to_string(i);
    in_order.put(i, std::move(r));
    if (i == 0) CHECK(emitted == std::vector<std::string>{"0"});  // 2 waits for 1
  }
  CHECK(emitted == std::vector<std::string>{"0", "1", "2", "3", "4", "5"});
}

TEST_CASE("the runner starts no item more than kAheadPerJob x jobs ahead of the consumer",
          "[perf]") {
  // "Ahead" is the index being started minus the items fully consumed; the
  // item handed to the consumer but not yet finished counts as ahead.
  std::atomic<int> started{0}, consumed{0}, worst{0};
  run_as_completed(
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

TEST_CASE("the runner refills a full window in bursts of half a window", "[perf]") {
  // Quick items and a slow consumer (unchanged archives): a worker that finds
  // the window full sleeps until half of it is free, so items are started at
  // few distinct consumer positions, not at every one.
  constexpr std::size_t n = 60, jobs = 2, window = jobs * kAheadPerJob;
  std::atomic<std::size_t> consumed{0};
  std::mutex mu;
  std::set<std::size_t>
      start_positions;  // consumed count when an item past the first window started
  run_as_completed(
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

TEST_CASE("the runner with no items calls nothing", "[perf]") {
  int calls = 0;
  run_as_completed(
      0, 2,
      [&](std::size_t) {
        ++calls;
        return CaseResult{};
      },
      [&](std::size_t, CaseResult&&) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("batch audit of the testdata archives gives each archive once and rejects the non-zip",
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
  InOrder in_order([&](std::size_t, CaseResult&& r) { order.push_back(r.c.archive); });
  audit_batch(*archives, *checklist, ImportOptions{}, 2, [&](std::size_t i, CaseResult&& r) {
    CHECK(r.c.archive == (*archives)[i].string());
    rejected += r.c.rejected;
    CHECK(r.c.sha256.size() == 64);
    in_order.put(i, std::move(r));
  });
  REQUIRE(order.size() == 6);
  for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == (*archives)[i].string());
  CHECK(rejected == 1);  // 06-not-a-zip.zip
}

}  // namespace
}  // namespace auditor
