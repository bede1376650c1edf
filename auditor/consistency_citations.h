// Internal to the consistency checks on provisions (consistency_provisions.cc,
// consistency_notice.cc): citations read from a document's text.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace auditor::consistency {

// Distinct 第…条 citations in `text` (Arabic or Chinese numerals, as
// normalize_for_match writes them).
std::set<std::string> article_mentions(const std::string& text);

// The items joined with 、.
std::string join(const std::set<std::string>& items);

// The 《…》 names in `s`, without the brackets.
std::vector<std::string> laws_in(const std::string& s);
// Whether `law` contains one of the `ignore` words (procedural laws).
bool ignored_law(const std::string& law, const std::vector<std::string>& ignore);

// The articles (article_mentions form) a text cites as violated ("违反……第…条",
// up to 规定/依据) and as the penalty basis ("依据/根据/依照/按照……第…条" in a
// sentence that, outside 《…》, says 决定/处以/处罚/罚款/给予/警告/没收). A
// clause citing only `ignore` laws gives neither role.
struct Roles {
  std::set<std::string> violated, basis;
};
Roles roles_of(const std::string& text, const std::vector<std::string>& ignore);

// The value of an article numeral ("三十六", "36"); nullopt when unreadable.
std::optional<std::int64_t> article_number(const std::string& numeral);

}  // namespace auditor::consistency
