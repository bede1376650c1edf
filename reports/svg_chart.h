// Inline SVG bar charts for the HTML report: no script, no external font or
// style, every text escaped, the same input gives the same bytes.
#pragma once

#include <string>
#include <vector>

namespace auditor {

struct BarSeries {
  std::string name;            // legend text, e.g. a grade
  std::vector<double> values;  // counts, one per category; missing ones are 0
};

struct BarChart {
  std::string title;
  std::vector<std::string> categories;  // x axis, e.g. streets
  std::vector<BarSeries> series;        // bars side by side in each category
};

// A grouped vertical bar chart. Each bar with a value above 0 is one
// <rect class="bar" data-series="…" data-category="…" data-value="…">, so the
// bars of a series can be counted; zero values draw no bar.
std::string svg_bar_chart(const BarChart& chart);

}  // namespace auditor
