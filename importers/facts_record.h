// What the readers of 会审 and 法制审核 records share (importers/
// facts_meeting.cc, facts_meeting_penalty.cc, facts_review.cc): facts kept
// once each, and how a record is recognised by its title.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>

#include "importers/facts_text.h"

namespace auditor::facts {

constexpr std::size_t kRecordTitleLines = 6;  // non-empty lines searched for a record's title
constexpr std::size_t kMaxRecordTitle = 40;   // code points of a title line

// The facts found, each (kind, value) once at its first position: a text
// that repeats one phrase 20,000 times gives one hit to sort and cut a
// snippet for, not 20,000.
class FoundOnce {
 public:
  void add(std::size_t b, std::size_t e, std::string kind, std::string value) {
    auto [it, fresh] = first_.try_emplace({std::move(kind), std::move(value)}, b, e);
    if (!fresh && b < it->second.first) it->second = {b, e};
  }
  void flush(Sink& out) {
    for (auto& [key, at] : first_) out.add(at.first, at.second, key.first, key.second);
  }

 private:
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> first_;
};

// Whether one of the first kRecordTitleLines non-empty lines of `t` is a
// line of at most kMaxRecordTitle code points that `is_title(Str line)`
// accepts.
template <class IsTitle>
bool has_title(const Text& t, IsTitle is_title) {
  std::size_t seen = 0;
  for (std::size_t b = 0; b < t.size() && seen < kRecordTitleLines; b = t.line_end(b) + 1) {
    const std::size_t e = t.line_end(b);
    const std::size_t s = t.skip_spaces(b);
    if (s >= e) continue;
    ++seen;
    if (e - s <= kMaxRecordTitle && is_title(t.str().substr(s, e - s))) return true;
  }
  return false;
}

}  // namespace auditor::facts
