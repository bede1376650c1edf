// Internal to the fact extractors (importers/facts_*.cc): the normalised text
// of one document, the helpers they share, and the extractors' entry points.
// extract_facts() in facts.cc is the only public way in.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"

namespace auditor::facts {

using Str = std::u32string_view;
constexpr std::size_t npos = std::u32string::npos;

// The document's text as code points, normalised for matching: full-width
// ASCII folded to half-width (so `：（），` read as `:(),`), ideographic and
// no-break spaces read as ' ', '\r' dropped, on lines spaced out character
// by character ("当 事 人 ： 张 三") the single spaces removed, and the line
// breaks a PDF put inside a paragraph (a full-width prose line not ending a
// sentence, see soft_wraps() in facts_text.cc) removed.
// Every code point keeps the byte range it came from, so values and snippets
// are cut from the original text. The original must outlive the Text.
class Text {
 public:
  explicit Text(std::string_view utf8);

  Str str() const { return s_; }
  std::size_t size() const { return s_.size(); }
  char32_t operator[](std::size_t i) const { return i < s_.size() ? s_[i] : 0; }

  // The byte offset in the original of code point i (its size() at the end).
  std::size_t byte_at(std::size_t i) const { return i < begin_.size() ? begin_[i] : orig_.size(); }
  // The original bytes of code points [b, e); with `strip`, without whitespace.
  std::string original(std::size_t b, std::size_t e, bool strip = true) const;
  // Whether original(b, e) is empty, told without building it: the scan
  // stops at the first character that is not whitespace, looking from e
  // backwards when `from_end` (the side next to a match keeps it short).
  bool blank(std::size_t b, std::size_t e, bool from_end = false) const;
  // The sentence or line fragment around [b, e): at most ~80 code points of
  // the original, tabs shown as spaces, trimmed. Never empty for a non-empty range.
  std::string snippet(std::size_t b, std::size_t e) const;

  // End of `label` when it matches at i (a single space may sit between its
  // characters); npos otherwise.
  std::size_t match(std::size_t i, Str label) const;
  // First i >= from where `label` matches; npos if none.
  std::size_t find(Str label, std::size_t from = 0) const;
  // The longest of `labels` matching at i: its end, or npos.
  std::size_t match_any(std::size_t i, std::initializer_list<Str> labels) const;
  // First i >= from where one of `labels` matches; npos if none. Scanning a
  // text with it is much faster than calling match_any at every position.
  std::size_t find_any(std::initializer_list<Str> labels, std::size_t from = 0) const;

  // Both in logarithmic time (an index of the line breaks): a line may be
  // megabytes long and hold thousands of matches.
  std::size_t line_begin(std::size_t i) const;  // first code point of i's line
  std::size_t line_end(std::size_t i) const;    // its '\n' (or size())
  std::size_t skip_spaces(std::size_t i) const;
  // Skips spaces, tabs and one ':' — what sits between a label and its value.
  std::size_t skip_label_gap(std::size_t i) const;

 private:
  std::string_view orig_;
  std::u32string s_;
  std::vector<std::uint32_t> begin_;  // byte offset of each code point
  std::vector<std::uint32_t> end_;
  std::vector<std::uint32_t> breaks_;  // positions of '\n' in s_, ascending
};

// Collects facts with their position, so the caller can order them by text.
struct Hit {
  std::size_t pos;
  Fact fact;
};
class Sink {
 public:
  explicit Sink(const Text& t) : t_(t) {}
  // A fact for the match [b, e); the snippet is taken around it.
  void add(std::size_t b, std::size_t e, std::string kind, std::string value);
  std::vector<Hit>& hits() { return hits_; }

 private:
  const Text& t_;
  std::vector<Hit> hits_;
};

bool is_clause_end(char32_t c);  // 。 ; ! ? newline: ends a sentence or clause

// The extractors, one per family of kinds (see docs/facts.md).
void extract_numbers(const Text& t, Sink& out);     // case/doc/cited/served_number, served_document
void extract_dates(const Text& t, Sink& out);       // doc/filing/service/hearing_date
void extract_party(const Text& t, Sink& out);       // party, party_id(_invalid)
void extract_money(const Text& t, Sink& out);       // fine, confiscation
void extract_officers(const Text& t, Sink& out);    // officer
void extract_service(const Text& t, Sink& out);     // service_manner
void extract_provisions(const Text& t, Sink& out);  // provision
void extract_flags(const Text& t, Sink& out);  // hearing_requested, statement_made, case_origin
// Meeting records, penalty terms and legal reviews (facts_meeting*.cc,
// facts_review.cc); the discretion band a decision names
// (facts_discretion.cc); answer files, 应议应诉 (facts_appeal*.cc).
void extract_meeting(const Text& t, Sink& out);
void extract_penalty_terms(const Text& t, Sink& out);
void extract_review(const Text& t, Sink& out);
void extract_discretion(const Text& t, Sink& out);
void extract_appeal(const Text& t, Sink& out);

// Shared by party and served-document names: reads a name starting at i that
// stops at punctuation, tab, newline, 2+ spaces or any of `stops`; keeps a
// short bracketed part followed by more name ("某某（广州）有限公司"). Returns
// the end (== i when nothing was read).
std::size_t scan_name(const Text& t, std::size_t i, std::initializer_list<Str> stops,
                      std::size_t max_len);

}  // namespace auditor::facts
