#include "reports/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/docx_writer.h"
#include "reports/report_text.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

constexpr double kWidth = 640, kHeight = 280;
constexpr double kLeft = 44, kRight = 12, kTop = 40, kBottom = 48;
constexpr const char* kColors[] = {"#2e7d32", "#1565c0", "#c62828", "#ef6c00",
                                   "#6a1b9a", "#00838f", "#5d4037", "#546e7a"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string esc(const std::string& s) { return xml_escape(display_safe(s)); }

// The top of the y axis: four grid steps of 1, 2 or 5 × 10^n, so that the
// grid lines of counts fall on whole numbers.
double axis_top(double max) {
  const double quarter = std::max(max / 4, 1.0);
  const double magnitude = std::pow(10, std::floor(std::log10(quarter)));
  for (double step : {1.0, 2.0, 5.0})
    if (step * magnitude >= quarter) return 4 * step * magnitude;
  return 40 * magnitude;
}

std::string text(double x, double y, const std::string& s, const char* anchor, int size = 11) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"" + std::to_string(size) + "\">" + esc(s) + "</text>";
}

// The width `s` takes at font size `size`: a CJK or other wide character a
// full em, ASCII about 0.6 em (no font metrics; enough to avoid overlap).
double text_width(const std::string& s, int size) {
  double w = 0;
  for (unsigned char c : s) {
    if (c < 0x80)
      w += 0.6 * size;
    else if (c >= 0xC0)
      w += size;  // a lead byte: one wide character
  }
  return w;
}

// A category label under its group: one line when it fits `width`, else
// broken at its spaces (then anywhere) into at most two lines, the second
// cut with "…" when it is still too long (the bars' <title> keep the whole).
std::string category_label(double x, double y, const std::string& s, double width) {
  constexpr int kSize = 10;
  if (text_width(s, kSize) <= width) return text(x, y, s, "middle", kSize);
  std::vector<std::string> lines(1);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    const std::string ch = s.substr(i, n);
    i += n;
    if (ch == " ") {
      if (!lines.back().empty()) lines.emplace_back();
      continue;
    }
    if (text_width(lines.back() + ch, kSize) > width && !lines.back().empty()) lines.emplace_back();
    lines.back() += ch;
  }
  if (lines.back().empty()) lines.pop_back();
  if (lines.size() > 2) {
    lines.resize(2);
    lines[1] += "…";
  }
  std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(y) +
                    "\" text-anchor=\"middle\" font-size=\"" + std::to_string(kSize) + "\">";
  for (std::size_t l = 0; l < lines.size(); ++l)
    out += "<tspan x=\"" + num(x) + "\" dy=\"" + (l == 0 ? "0" : "12") + "\">" + esc(lines[l]) +
           "</tspan>";
  return out + "</text>";
}

}  // namespace

std::string svg_bar_chart(const BarChart& chart) {
  double max = 0;
  for (const BarSeries& s : chart.series)
    for (double v : s.values) max = std::max(max, v);
  const double top = axis_top(max);
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const double base = kTop + plot_h;
  const std::size_t groups = std::max<std::size_t>(chart.categories.size(), 1);
  const std::size_t bars = std::max<std::size_t>(chart.series.size(), 1);
  const double group_w = plot_w / static_cast<double>(groups);
  const double bar_w = group_w * 0.8 / static_cast<double>(bars);

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
                    num(kWidth) + " " + num(kHeight) + "\" width=\"" + num(kWidth) +
                    "\" height=\"" + num(kHeight) + "\" role=\"img\" aria-label=\"" +
                    esc(chart.title) + "\">";
  out += text(kLeft, 16, chart.title, "start", 13);
  for (int i = 0; i <= 4; ++i) {  // grid lines with their values
    const double y = base - plot_h * i / 4;
    out += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(y) + "\" x2=\"" + num(kWidth - kRight) +
           "\" y2=\"" + num(y) + "\" stroke=\"#ccc\" stroke-width=\"0.5\"/>";
    out += text(kLeft - 4, y + 4, format_score(top * i / 4), "end", 10);
  }
  for (std::size_t s = 0; s < chart.series.size(); ++s) {  // legend
    const double x = kLeft + 160 + 90 * static_cast<double>(s);
    out += "<rect x=\"" + num(x) + "\" y=\"24\" width=\"10\" height=\"10\" fill=\"" +
           kColors[s % std::size(kColors)] + "\"/>";
    out += text(x + 14, 33, chart.series[s].name, "start", 10);
  }
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    const double x0 = kLeft + group_w * static_cast<double>(c) + group_w * 0.1;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const std::vector<double>& values = chart.series[s].values;
      const double v = c < values.size() ? values[c] : 0;
      if (v <= 0) continue;
      const double h = plot_h * v / top;
      out += "<rect class=\"bar\" data-series=\"" + esc(chart.series[s].name) +
             "\" data-category=\"" + esc(chart.categories[c]) + "\" data-value=\"" +
             format_score(v) + "\" x=\"" + num(x0 + bar_w * static_cast<double>(s)) + "\" y=\"" +
             num(base - h) + "\" width=\"" + num(bar_w) + "\" height=\"" + num(h) + "\" fill=\"" +
             kColors[s % std::size(kColors)] + "\"><title>" +
             esc(chart.categories[c] + " " + chart.series[s].name + "：" + format_score(v)) +
             "</title></rect>";
    }
    out += category_label(x0 + group_w * 0.4, base + 16, chart.categories[c], group_w * 0.95);
  }
  out += "<line x1=\"" + num(kLeft) + "\" y1=\"" + num(base) + "\" x2=\"" + num(kWidth - kRight) +
         "\" y2=\"" + num(base) + "\" stroke=\"#333\"/>";
  return out + "</svg>";
}

}  // namespace auditor
