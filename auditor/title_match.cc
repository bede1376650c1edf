#include "auditor/title_match.h"

#include "util/utf8.h"

#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <tuple>

#include "util/text_match.h"

namespace auditor {

// Title endings of a form that approves something (审批表, 呈批表 ...).
constexpr std::string_view kApprovalEndings[] = {
    "审批意见表", "审批表", "审核表", "呈批表", "审批单", "呈批单", "审签表", "审批", "呈批"};

std::string_view approval_ending(std::string_view s) {
  for (std::string_view e : kApprovalEndings)
    if (s.ends_with(e)) return e;
  return {};
}

namespace {

constexpr int kDominantPriority = 100;  // names another document (送达回证)

// Adjacent byte pairs, each hashed to one of 256 bits: a needle with a pair
// outside the set of a haystack cannot occur in it (whatever the bytes).
using PairSet = std::bitset<256>;
std::size_t pair_bit(std::string_view s, std::size_t i) {
  return (static_cast<unsigned char>(s[i - 1]) * 31u + static_cast<unsigned char>(s[i])) & 255u;
}
PairSet byte_pairs(std::string_view s) {
  PairSet set;
  for (std::size_t i = 1; i < s.size(); ++i) set.set(pair_bit(s, i));
  return set;
}
bool pairs_within(std::string_view needle, const PairSet& set) {
  for (std::size_t i = 1; i < needle.size(); ++i)
    if (!set[pair_bit(needle, i)]) return false;
  return true;
}

constexpr std::string_view kApprovalForm = "approval_form";

// The best title variant found in `haystack` (normalised): a dominant type
// (priority >= 100) first, then the longest variant, then the priority.
struct Variant {
  const DocType* type = nullptr;
  std::string needle;  // the matched variant, normalised
};
Variant best_variant(const std::string& haystack, const Checklist& cl,
                     std::initializer_list<std::string_view> except) {
  const PairSet present = byte_pairs(haystack);
  Variant best;
  std::tuple<bool, std::size_t, int> best_key{};
  std::string scratch;
  for (const DocType& t : cl.doc_types) {
    if (std::find(except.begin(), except.end(), t.id) != except.end()) continue;
    const bool normalized = t.match_titles.size() == t.titles.size();
    for (std::size_t i = 0; i < t.titles.size(); ++i) {
      const std::string& needle =
          normalized ? t.match_titles[i] : (scratch = normalize_for_match(t.titles[i]));
      if (needle.empty() || !pairs_within(needle, present) ||
          haystack.find(needle) == std::string::npos)
        continue;
      const std::tuple key{t.priority >= kDominantPriority, code_point_count(needle), t.priority};
      if (!best.type || key > best_key) best_key = key, best = {&t, needle};
    }
  }
  return best;
}

constexpr std::size_t kMinApprovedStem = 4;  // code points naming the approved document

// The type one of whose variants is exactly `title` (normalised), or nullptr.
const DocType* type_titled(const std::string& title, const Checklist& cl, std::string_view except) {
  for (const DocType& t : cl.doc_types) {
    if (t.id == except || t.id == kApprovalForm) continue;
    for (std::size_t i = 0; i < t.titles.size(); ++i)
      if ((i < t.match_titles.size() ? t.match_titles[i] : normalize_for_match(t.titles[i])) ==
          title)
        return &t;
  }
  return nullptr;
}

// The type one of whose variants contains `stem`, by its shortest such
// variant; nullptr when none does or two types tie.
const DocType* type_containing(const std::string& stem, const Checklist& cl,
                               std::string_view except) {
  const DocType* best = nullptr;
  std::size_t best_len = 0;
  bool tie = false;
  for (const DocType& t : cl.doc_types) {
    if (t.id == except || t.id == kApprovalForm) continue;
    for (std::size_t i = 0; i < t.titles.size(); ++i) {
      const std::string needle =
          i < t.match_titles.size() ? t.match_titles[i] : normalize_for_match(t.titles[i]);
      if (needle.find(stem) == std::string::npos) continue;
      const std::size_t len = code_point_count(needle);
      if (best && best != &t && len == best_len) tie = true;
      if (!best || len < best_len) best = &t, best_len = len, tie = false;
    }
  }
  return tie ? nullptr : best;
}

// Is some occurrence of `needle` directly followed by an approval ending?
bool followed_by_ending(std::string_view haystack, std::string_view needle) {
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    for (std::string_view e : kApprovalEndings)
      if (haystack.substr(at + needle.size()).starts_with(e)) return true;
  return false;
}

// The type of a form approving `approved` (nullptr: approving something
// unknown): the penalty_approval for a decision, else approval_form.
const DocType* approval_form_for(const DocType* approved, const Checklist& cl) {
  const bool decision =
      approved && (approved->id == "penalty_decision" || approved->id == "no_penalty_decision");
  return cl.doc_type(decision ? "penalty_approval" : std::string(kApprovalForm));
}

}  // namespace

// A title ending in an approval ending is an approval form unless one of its
// own variants is (立案审批表, 结案审批表 ...). The approved document is the
// variant named before the ending, else the type whose variant contains that
// text (责令改正 -> 责令改正通知书). Approving a decision makes it the
// penalty_approval; anything else the generic approval_form. A title whose
// approved document is unknown gets no type.
TitleMatch title_match(const std::string& haystack, const Checklist& cl, std::string_view except) {
  const Variant v = best_variant(haystack, cl, {except, kApprovalForm});
  const std::string_view ending = approval_ending(haystack);
  if (except == kApprovalForm) return {v.type, nullptr};
  if (ending.empty()) {  // an approval form inside a longer line (a catalogue row)
    if (!v.type || !approval_ending(v.needle).empty() || !followed_by_ending(haystack, v.needle))
      return {v.type, nullptr};
    const DocType* form = approval_form_for(v.type, cl);
    return form ? TitleMatch{form, v.type} : TitleMatch{v.type, nullptr};
  }
  if (v.type && haystack.ends_with(v.needle) && !approval_ending(v.needle).empty())
    return {v.type, nullptr};
  const std::string stem = haystack.substr(0, haystack.size() - ending.size());
  for (std::string_view other : kApprovalEndings)  // 案件处理呈批表 = 案件处理审批表
    if (other != ending)
      if (const DocType* t = type_titled(stem + std::string(other), cl, except))
        return {t, nullptr};
  const DocType* approved = nullptr;
  if (v.type && stem.find(v.needle) != std::string::npos)
    approved = v.type;
  else if (code_point_count(stem) >= kMinApprovedStem)
    approved = type_containing(stem, cl, except);
  // An approval of something unknown keeps no type and shows its title: it
  // may be a fragment (定审批表, 审批表: a wrapped table cell) or a form the
  // checklist does not know.
  if (!approved) return {v.type, nullptr};
  const DocType* form = approval_form_for(approved, cl);
  if (!form) return {v.type, nullptr};
  return {form, approved};
}

}  // namespace auditor
