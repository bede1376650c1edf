// The per-round cache of `auditor serve` (app/stamped_cache.h): one
// computation per stamp, shared by concurrent callers; failures forgotten;
// the previous value handed to the next computation; older values standing
// in only where asked for.
#include "app/stamped_cache.h"

#include <catch2/catch.hpp>
#include <future>
#include <stdexcept>
#include <thread>

namespace auditor {
namespace {

using Cache = StampedCache<std::string>;
const Cache::Key kRound{"a.db", 1};

// A computation that counts its calls and yields "<stamp>#<calls>".
struct Counting {
  int calls = 0;
  Result<Cache::Value> operator()(const std::string& stamp) {
    ++calls;
    return Cache::Value(std::make_shared<const std::string>(stamp + "#" + std::to_string(calls)));
  }
};

TEST_CASE("a value is computed once per stamp and again when the stamp changes",
          "[stamped_cache]") {
  Cache cache(4);
  Counting count;
  CacheLookup how;
  auto get = [&](const std::string& stamp) {
    Result<Cache::Value> v = cache.get(
        kRound, stamp, [&](const Cache::Value&) { return count(stamp); }, &how);
    REQUIRE(v);
    return **v;
  };
  CHECK(get("s1") == "s1#1");
  CHECK(how.computed);
  CHECK(get("s1") == "s1#1");
  CHECK_FALSE(how.computed);
  CHECK(how.current);
  CHECK(get("s2") == "s2#2");
  CHECK(how.computed);
  CHECK(count.calls == 2);
}

TEST_CASE("the computation gets the key's previous value", "[stamped_cache]") {
  Cache cache(4);
  std::string seen = "none";
  auto compute = [&](const Cache::Value& previous) -> Result<Cache::Value> {
    seen = previous ? *previous : "none";
    return Cache::Value(std::make_shared<const std::string>("v"));
  };
  REQUIRE(cache.get(kRound, "s1", compute));
  CHECK(seen == "none");
  REQUIRE(cache.get(kRound, "s2", compute));
  CHECK(seen == "v");
  REQUIRE(cache.get({"a.db", 2}, "s2", compute));
  CHECK(seen == "none");  // another round has no previous value
}

TEST_CASE("concurrent callers of one stamp wait for one computation", "[stamped_cache]") {
  Cache cache(4);
  std::promise<void> started, release;
  std::shared_future<void> go = release.get_future().share();
  int calls = 0;
  auto slow = [&](const Cache::Value&) -> Result<Cache::Value> {
    ++calls;
    started.set_value();
    go.wait();
    return Cache::Value(std::make_shared<const std::string>("done"));
  };
  auto first = std::async(std::launch::async, [&] { return cache.get(kRound, "s", slow); });
  started.get_future().wait();
  CacheLookup how;
  auto second = std::async(std::launch::async, [&] { return cache.get(kRound, "s", slow, &how); });
  // The second caller is waiting, not computing: it finishes only after the first.
  CHECK(second.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout);
  release.set_value();
  Result<Cache::Value> a = first.get(), b = second.get();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);  // the same value object
  CHECK_FALSE(how.computed);
  CHECK(calls == 1);
}

TEST_CASE("a failed computation is reported and not kept", "[stamped_cache]") {
  Cache cache(4);
  int calls = 0;
  auto failing = [&](const Cache::Value&) -> Result<Cache::Value> {
    ++calls;
    return Error{"读不到"};
  };
  Result<Cache::Value> v = cache.get(kRound, "s", failing);
  REQUIRE_FALSE(v);
  CHECK(v.error() == "读不到");
  CHECK_FALSE(cache.get(kRound, "s", failing));
  CHECK(calls == 2);
}

TEST_CASE("a computation that throws reaches its caller and is tried again by the next",
          "[stamped_cache]") {
  Cache cache(4);
  int calls = 0;
  auto throwing = [&](const Cache::Value&) -> Result<Cache::Value> {
    if (++calls == 1) throw std::runtime_error("out of memory");
    return Cache::Value(std::make_shared<const std::string>("v"));
  };
  CHECK_THROWS_AS(cache.get(kRound, "s", throwing), std::runtime_error);
  Result<Cache::Value> v = cache.get(kRound, "s", throwing);
  REQUIRE(v);
  CHECK(**v == "v");
  CHECK(calls == 2);
}

TEST_CASE("with stale_for an older value stands in while it is young", "[stamped_cache]") {
  Cache cache(4);
  Counting count;
  CacheLookup how;
  auto get = [&](const std::string& stamp, Cache::Clock::duration stale_for) {
    Result<Cache::Value> v = cache.get(
        kRound, stamp, [&](const Cache::Value&) { return count(stamp); }, &how, stale_for);
    REQUIRE(v);
    return **v;
  };
  CHECK(get("s1", std::chrono::hours(1)) == "s1#1");
  CHECK(get("s2", std::chrono::hours(1)) == "s1#1");  // younger than an hour
  CHECK_FALSE(how.current);
  CHECK_FALSE(how.computed);
  CHECK(get("s2", {}) == "s2#2");  // asked without staleness: computed
  CHECK(how.current);
  CHECK(get("s3", std::chrono::nanoseconds(1)) == "s3#3");  // too old to stand in
  CHECK(count.calls == 3);
}

TEST_CASE("at most capacity rounds are kept, the least recently used dropped", "[stamped_cache]") {
  Cache cache(2);
  Counting count;
  auto get = [&](long long round) {
    REQUIRE(cache.get({"a.db", round}, "s", [&](const Cache::Value&) { return count("s"); }));
  };
  get(1), get(2), get(1), get(3);  // 2 is dropped
  CHECK(count.calls == 3);
  get(1);
  CHECK(count.calls == 3);
  get(2);
  CHECK(count.calls == 4);
}

}  // namespace
}  // namespace auditor
