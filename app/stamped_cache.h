// Values `auditor serve` computes from a whole round, kept per (database,
// round) under the stamp they were computed for (store/case_access.h
// round_stamp plus whatever else they depend on). At most `capacity` keys;
// the least recently used goes first.
//
// One computation per key and stamp: a caller with a stamp that is being
// computed waits for that result instead of computing it again (the first
// view of a large round after a change takes a second or more, and every
// request meanwhile would otherwise repeat it). A failure is handed to the
// callers that waited for it and then forgotten, so the next caller tries
// again.
//
// A value that may lag the round by seconds (the charts: a second or more
// to draw from the whole round) is asked for with `stale_for`: while the
// round keeps changing (an upload stores a case every second), the last
// value is handed out instead of computing a new one, as long as it is
// younger than `stale_for` or another caller is computing the newer one.
// Thread-safe.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "util/status.h"

namespace auditor {

// How a value was found.
struct CacheLookup {
  bool computed = false;  // computed by this call
  bool current = true;    // of the stamp asked for (false: an older one, see stale_for)
};

template <class T>
class StampedCache {
 public:
  using Key = std::pair<std::string, long long>;  // database path, round id
  using Value = std::shared_ptr<const T>;
  using Clock = std::chrono::steady_clock;

  explicit StampedCache(std::size_t capacity) : capacity_(capacity) {}

  // The value of `key` at `stamp`: cached, being computed by another caller
  // (waited for), or computed here by `compute(previous)`, where `previous`
  // is the key's last value at any stamp (nullptr when none) for the
  // computation to reuse what did not change. With `stale_for`, possibly an
  // older stamp's value (see above).
  template <class Compute>
  Result<Value> get(const Key& key, const std::string& stamp, Compute compute,
                    CacheLookup* how = nullptr, Clock::duration stale_for = {}) {
    CacheLookup found;
    std::shared_future<Result<Value>> pending;
    std::promise<Result<Value>> promise;
    Value previous;
    {
      std::lock_guard<std::mutex> hold(mutex_);
      Entry& e = entries_[key];
      e.used = ++clock_;
      found.current = e.last_stamp == stamp;
      if (e.last && (found.current || (stale_for > Clock::duration() &&
                                       (e.computing || Clock::now() - e.last_at < stale_for)))) {
        tell(how, found);
        return e.last;
      }
      found.current = true;
      if (e.computing && e.stamp == stamp) {
        pending = e.value;
      } else {
        previous = e.last;
        e.stamp = stamp;
        e.computing = true;
        e.value = promise.get_future().share();
        drop_least_used();
      }
    }
    found.computed = !pending.valid();
    tell(how, found);
    if (pending.valid()) return pending.get();
    std::optional<Result<Value>> value;
    try {
      value.emplace(compute(previous));
    } catch (...) {  // e.g. out of memory: the waiters get it, the next caller tries again
      settle(key, stamp, nullptr);
      promise.set_exception(std::current_exception());
      throw;
    }
    settle(key, stamp, *value ? **value : nullptr);
    promise.set_value(*value);
    return *value;
  }

 private:
  struct Entry {
    std::string stamp;                        // being computed, or last asked to compute
    bool computing = false;                   // `value` is not ready yet
    std::shared_future<Result<Value>> value;  // at `stamp`
    Value last;                               // the last value computed, at `last_stamp`
    std::string last_stamp;
    Clock::time_point last_at;
    unsigned long long used = 0;
  };

  // Records the end of the computation of `key` at `stamp`: its value, or
  // (nullptr) none, so that the next caller computes again.
  void settle(const Key& key, const std::string& stamp, const Value& value) {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.stamp != stamp) return;
    Entry& e = it->second;
    e.computing = false;
    if (!value) {
      e.stamp.clear();
      return;
    }
    e.last = value;
    e.last_stamp = stamp;
    e.last_at = Clock::now();
  }

  static void tell(CacheLookup* how, const CacheLookup& found) {
    if (how) *how = found;
  }

  void drop_least_used() {
    while (entries_.size() > capacity_)
      entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](auto& a, auto& b) {
        return a.second.used < b.second.used;
      }));
  }

  const std::size_t capacity_;
  std::mutex mutex_;
  std::map<Key, Entry> entries_;
  unsigned long long clock_ = 0;
};

}  // namespace auditor
