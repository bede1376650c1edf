// OFD forms laid out as tables come out as rows and cells (importers/ofd_layout.cc
// through importers/layout/layout.h), whatever way the producer cuts the text
// into TextObjects. The fixtures are minimal OFD packages with real TextObject
// positions, written as testdata/variants/generator/ofd.py writes them.
#include <catch2/catch.hpp>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "importers/facts.h"
#include "importers/formats.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

constexpr double kSize = 3.5;  // mm
constexpr double kLeft = 20;
constexpr double kWidth = 170;

// How the producer cuts and places the text of a cell line.
enum class Style {
  cell_boxes,   // one TextObject per cell line, Boundary = the cell's box (ofd.py)
  margins,      // the same, text inset 1.9 mm in the box (a word processor's cell
                // margins), rows padded by 1 mm
  tight_boxes,  // Boundary = the text's box, rows padded by 2 mm
  per_glyph,    // one TextObject per character, tight boxes
  scaled,       // CTM "0.5 0 0 0.5 0 0": coordinates and size written doubled
  rotated,      // CTM of a quarter turn: positions unusable, read in line order
};

// A table row: cell texts (lines split by '\n') and column widths in mm.
struct Row {
  std::vector<std::string> cells;
  std::vector<double> widths;
};

std::vector<std::string> glyphs(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// Advance of a glyph: an em, half an em for ASCII.
double advance(const std::string& glyph, Style) { return glyph.size() == 1 ? kSize / 2 : kSize; }

double width_of(const std::vector<std::string>& g, Style style) {
  double w = 0;
  for (const std::string& c : g) w += advance(c, style);
  return w;
}

std::string text_object(int& id, double x, double y, double box_width, const std::string& text,
                        Style style, double inset = 0) {
  const std::vector<std::string> g = glyphs(text);
  const double k = style == Style::scaled ? 2 : 1;  // written coordinates per page mm
  std::string deltas;
  for (std::size_t i = 1; i < g.size(); ++i)
    deltas += (i > 1 ? " " : "") + num(advance(g[i - 1], style) * k);
  std::string ctm;
  if (style == Style::scaled) ctm = R"( CTM="0.5 0 0 0.5 0 0")";
  if (style == Style::rotated) ctm = R"( CTM="0 1 -1 0 0 0")";
  return R"(<ofd:TextObject ID=")" + std::to_string(id++) + R"(" Boundary=")" + num(x) + " " +
         num(y) + " " + num(box_width) + R"( 6")" + ctm + R"( Font="3" Size=")" + num(kSize * k) +
         R"("><ofd:TextCode X=")" + num(inset * k) + R"(" Y=")" + num(kSize * k) + R"(")" +
         (deltas.empty() ? "" : R"( DeltaX=")" + deltas + R"(")") + ">" + text +
         "</ofd:TextCode></ofd:TextObject>";
}

// The page content of `rows` laid out from the top, 6 mm a line.
std::string page_content(const std::vector<Row>& rows, Style style) {
  const double pad = style == Style::tight_boxes || style == Style::per_glyph ? 2
                     : style == Style::margins                                ? 1
                                                                              : 0;
  std::string objects;
  int id = 10;
  double y = 20;
  for (const Row& row : rows) {
    double x = kLeft;
    std::size_t height = 1;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const std::vector<std::string> lines = split(row.cells[c], '\n');
      height = std::max(height, lines.size());
      for (std::size_t l = 0; l < lines.size(); ++l) {
        if (lines[l].empty()) continue;
        const double top = y + pad + 6.0 * static_cast<double>(l);
        const std::vector<std::string> g = glyphs(lines[l]);
        if (style == Style::per_glyph) {
          double gx = x;
          for (const std::string& one : g) {
            objects += text_object(id, gx, top, advance(one, style), one, style);
            gx += advance(one, style);
          }
        } else {
          const double w = style == Style::tight_boxes ? width_of(g, style) : row.widths[c];
          objects += text_object(id, x, top, w, lines[l], style, style == Style::margins ? 1.9 : 0);
        }
      }
      x += row.widths[c];
    }
    y += 6.0 * static_cast<double>(height) + 2 * pad;
  }
  return objects;
}

std::string ofd_of(const std::vector<Row>& rows, Style style) {
  const std::string head = R"(<?xml version="1.0" encoding="UTF-8"?>)";
  const std::string ns = R"(xmlns:ofd="http://www.ofdspec.org/2016")";
  return testing::make_zip(
      {{"OFD.xml",
        head + "<ofd:OFD " + ns +
            R"( Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>)"
            "</ofd:DocBody></ofd:OFD>"},
       {"Doc_0/Document.xml",
        head + "<ofd:Document " + ns +
            R"(><ofd:CommonData/><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>)"
            "</ofd:Pages></ofd:Document>"},
       {"Doc_0/Pages/Page_0/Content.xml",
        head + "<ofd:Page " + ns + R"(><ofd:Content><ofd:Layer ID="2">)" +
            page_content(rows, style) + "</ofd:Layer></ofd:Content></ofd:Page>"}});
}

std::string text_of(const std::vector<Row>& rows, Style style) {
  Document doc;
  const Status status = parse_ofd(ofd_of(rows, style), ZipLimits{}, doc);
  REQUIRE(status.ok());
  return doc.text;
}

std::set<std::string> facts_of(const std::string& text, const std::string& kind) {
  std::set<std::string> out;
  for (const Fact& f : extract_facts(text))
    if (f.kind == kind) out.insert(f.value);
  return out;
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

// A 送达回证 as an office's form: labels at the left (one written downwards),
// the signatures with their dates in one cell.
const std::vector<Row> kReceipt = {
    {{"送达回证"}, {kWidth}},
    {{"送达文书名称及文号", "《行政处罚决定书》（穗海南华综执罚决〔2024〕96号）"}, {42, 128}},
    {{"受送达人名称或姓名", "陈建国"}, {42, 128}},
    {{"送\n达\n地\n点", "广州市海珠区南华西路68号302房"}, {42, 128}},
    {{"送达方式", "直接送达"}, {42, 128}},
    {{"收件人签字（或盖章）及\n收件日期", "陈建国（与受送达人的关系：本人）　　2024年3月22日"},
     {42, 128}},
    {{"送达人（两人签字）", "黄志明、林晓东　　2024年3月22日"}, {42, 128}},
};

// The officers' row of a record, the second officer wrapped in a narrow
// cell, between other rows.
const std::vector<Row> kRecord = {
    {{"现场检查笔录"}, {kWidth}},
    {{"当事人", "陈建国"}, {42, 128}},
    {{"执法人员及执法证编号", "黄志明 44010501023、\n林晓东 44010501057", "记录人", "林晓东"},
     {42, 40, 30, 58}},
    {{"检查地点", "同福西路112号门前人行道"}, {42, 128}},
};

// A 卷内目录: an empty 文号 cell, a title and a number wrapped in their cells.
const std::vector<Row> kCatalogue = {
    {{"卷内目录"}, {kWidth}},
    {{"序号", "文号", "责任者", "题名", "日期", "页号"}, {16, 36, 44, 34, 24, 16}},
    {{"1", "", "南华西街道办事处", "立案审批表", "20240304", "1"}, {16, 36, 44, 34, 24, 16}},
    {{"6", "穗海南华综执罚告\n〔2024〕96号", "南华西街道办事处", "行政处罚事先告知\n书", "20240312",
      "6"},
     {16, 36, 44, 34, 24, 16}},
    {{"7", "", "南华西街道办事处", "送达回证", "20240312", "7"}, {16, 36, 44, 34, 24, 16}},
};

}  // namespace

TEST_CASE("an OFD service receipt reads as label and value cells", "[ofd][ofd_layout]") {
  for (Style style : {Style::cell_boxes, Style::margins}) {
    const std::string text = text_of(kReceipt, style);
    INFO(text);
    CHECK(has_line(text, "送达回证"));
    CHECK(has_line(text, "受送达人名称或姓名\t陈建国"));
    CHECK(has_line(text, "送达地点\t广州市海珠区南华西路68号302房"));
    CHECK(has_line(text, "送达方式\t直接送达"));
    CHECK(has_line(
        text, "收件人签字（或盖章）及收件日期\t陈建国（与受送达人的关系：本人）　　2024年3月22日"));
    CHECK(facts_of(text, "service_date") == std::set<std::string>{"2024-03-22"});
    CHECK(facts_of(text, "party") == std::set<std::string>{"陈建国"});
    CHECK(facts_of(text, "served_number") == std::set<std::string>{"穗海南华综执罚决〔2024〕96号"});
  }
}

TEST_CASE("OFD certificate numbers wrapped in a narrow cell pair with their officers",
          "[ofd][ofd_layout]") {
  for (Style style : {Style::cell_boxes, Style::margins}) {
    const std::string text = text_of(kRecord, style);
    INFO(text);
    CHECK(has_line(text,
                   "执法人员及执法证编号\t黄志明 44010501023、林晓东 44010501057\t记录人\t林晓东"));
    CHECK(facts_of(text, "officer") ==
          std::set<std::string>{"黄志明|44010501023", "林晓东|44010501057"});
  }
}

TEST_CASE("OFD catalogue rows keep their columns, empty and wrapped cells", "[ofd][ofd_layout]") {
  for (Style style : {Style::cell_boxes, Style::margins}) {
    const std::string text = text_of(kCatalogue, style);
    INFO(text);
    CHECK(has_line(text, "卷内目录"));
    CHECK(has_line(text, "序号\t文号\t责任者\t题名\t日期\t页号"));
    CHECK(has_line(text, "1\t\t南华西街道办事处\t立案审批表\t20240304\t1"));
    CHECK(has_line(
        text,
        "6\t穗海南华综执罚告〔2024〕96号\t南华西街道办事处\t行政处罚事先告知书\t20240312\t6"));
    CHECK(has_line(text, "7\t\t南华西街道办事处\t送达回证\t20240312\t7"));
  }
}

TEST_CASE("OFD catalogue rows sized to their own text keep empty cells and row numbers",
          "[ofd][ofd_layout]") {
  // As ofd.py writes them: each row's columns as wide as its text asks, an
  // empty cell written as nothing, a date overflowing its narrow cell.
  const std::vector<Row> rows = {
      {{"序号", "文号", "责任者", "题名", "日期", "页号"}, {14, 30, 40, 40, 30, 16}},
      {{"10", "", "南华西街道办事处", "送达回证", "20240322", "10"}, {10, 10, 60, 40, 34, 16}},
      {{"11", "", "南华西街道办事处", "行政处罚信息公示", "20240326", "11"},
       {10, 10, 50, 60, 10, 30}},
  };
  const std::string text = text_of(rows, Style::cell_boxes);
  INFO(text);
  CHECK(has_line(text, "序号\t文号\t责任者\t题名\t日期\t页号"));
  CHECK(has_line(text, "10\t\t南华西街道办事处\t送达回证\t20240322\t10"));
  CHECK(has_line(text, "11\t\t南华西街道办事处\t行政处罚信息公示\t20240326\t11"));
}

TEST_CASE("the way a producer cuts OFD text into objects changes no fact", "[ofd][ofd_layout]") {
  const std::string receipt = text_of(kReceipt, Style::cell_boxes);
  const std::string record = text_of(kRecord, Style::cell_boxes);
  for (Style style : {Style::margins, Style::tight_boxes, Style::per_glyph, Style::scaled}) {
    const std::string r = text_of(kReceipt, style), o = text_of(kRecord, style);
    INFO(static_cast<int>(style) << "\n" << r << "\n" << o);
    for (const char* kind : {"service_date", "party", "served_number", "service_manner"})
      CHECK(facts_of(r, kind) == facts_of(receipt, kind));
    CHECK(facts_of(o, "officer") == facts_of(record, "officer"));
  }
}

TEST_CASE("rotated OFD text is read in line order, as before the layout", "[ofd][ofd_layout]") {
  const std::string text = text_of(kReceipt, Style::rotated);
  INFO(text);
  CHECK(text.find('\t') == std::string::npos);
  CHECK(text.find("受送达人名称或姓名") != std::string::npos);
  CHECK(text.find("陈建国") != std::string::npos);
}

TEST_CASE("OFD prose lines stay lines, and one officer stays one", "[ofd][ofd_layout]") {
  const std::vector<Row> letter = {
      {{"行政处罚决定书"}, {kWidth}},
      {{"当事人：陈建国"}, {kWidth}},
      {{"本机关于2024年3月4日对当事人涉嫌擅自占用城市道路经营一案立案调查。经查，当事人自"},
       {kWidth}},
      {{"2024年2月28日起在店铺门前人行道上摆放桌椅。执法人员黄志明（执法证号44010501023）"},
       {kWidth}},
      {{"进行了调查。"}, {kWidth}},
  };
  for (Style style : {Style::cell_boxes, Style::tight_boxes, Style::per_glyph}) {
    const std::string text = text_of(letter, style);
    INFO(text);
    CHECK(text.find('\t') == std::string::npos);
    CHECK(has_line(text, "当事人：陈建国"));
    CHECK(has_line(text, "进行了调查。"));
    CHECK(facts_of(text, "officer") == std::set<std::string>{"黄志明|44010501023"});
  }
}

}  // namespace auditor
