// The text layout (importers/layout/layout.h) on word sets made to cost a
// lot: column starts by the hundred thousand over a document's pages, and
// pages whose lines all join one table row. Each is laid out in time
// linear in its words (sanity guards of seconds; speed is measured in
// bench/), and the ordinary table beside them keeps its cells.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "importers/layout/layout.h"

namespace auditor {
namespace {

using text_layout::Word;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Word word(double left, double top, const std::string& text, double width = 30) {
  return Word{left, top, left + width, top + 13, text, false};
}

// `pages` pages of `lines` (up to 40) table rows: a label, and a value whose left edge
// no other row of the document shares (3 points apart), so that every row
// adds a column start.
std::vector<std::vector<Word>> scattered_starts(int pages, int lines) {
  std::vector<std::vector<Word>> out(pages);
  for (int p = 0; p < pages; ++p)
    for (int l = 0; l < lines; ++l) {
      const double top = 20 + 20 * l;
      out[p].push_back(word(10, top, "标签"));
      out[p].push_back(word(100 + 3.0 * (p * lines + l), top, "值"));
    }
  return out;
}

// `pages` pages of 2,000 lines whose tops are all one: each line holds a
// word reaching from the page's top down to twice its centre, so every line
// is within a wrap distance of every other.
std::vector<std::vector<Word>> equal_tops(int pages) {
  std::vector<std::vector<Word>> out(pages);
  for (std::vector<Word>& page : out)
    for (int l = 0; l < 2000; ++l) {
      const double centre = 20 + 5 * l;
      page.push_back(word(10, centre - 6.5, "甲"));
      page.push_back(word(200, centre - 6.5, "乙"));
      page.push_back(Word{400, 0, 430, 2 * centre, "丙", false});
    }
  return out;
}

TEST_CASE("200,000 column starts over a document's pages are laid out in linear time",
          "[cost][layout]") {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> texts = text_layout::page_texts(scattered_starts(5000, 40));
  CHECK(seconds_since(start) < 20);
  REQUIRE(texts.size() == 5000);
  CHECK(texts[0].starts_with("标签\t值\n"));
}

TEST_CASE("pages of 6,000 words on lines with one top are laid out in bounded time",
          "[cost][layout]") {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> texts = text_layout::page_texts(equal_tops(10));
  CHECK(seconds_since(start) < 20);
  CHECK_FALSE(texts[0].empty());
}

TEST_CASE("an ordinary two-column table keeps its cells", "[cost][layout]") {
  std::vector<std::vector<Word>> pages(1);
  for (int l = 0; l < 5; ++l) {
    pages[0].push_back(word(10, 20 + 20 * l, "标签" + std::to_string(l)));
    pages[0].push_back(word(200, 20 + 20 * l, "值" + std::to_string(l)));
  }
  CHECK(text_layout::page_texts(pages)[0] ==
        "标签0\t值0\n标签1\t值1\n标签2\t值2\n标签3\t值3\n标签4\t值4\n");
}

}  // namespace
}  // namespace auditor
