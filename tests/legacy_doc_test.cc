// Word 97-2003 and WPS documents: the text rules on Word streams built here,
// LibreOffice-made .doc files against their DOCX, compound files of other
// kinds (Works, Excel, encrypted) told apart by their streams, and hostile
// piece tables and directories.
#include <gsf/gsf-doc-meta-data.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-msole-utils.h>
#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "importers/doc_limits.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "importers/legacy_doc_text.h"
#include "importers/legacy_ole.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using Streams = std::vector<std::pair<std::string, std::string>>;

// A compound file holding `streams` in its root, written by libgsf.
std::string compound_file(const Streams& streams) {
  gsf_init();
  GsfOutput* memory = gsf_output_memory_new();
  GsfOutfile* ole = gsf_outfile_msole_new(memory);
  for (const auto& [name, data] : streams) {
    GsfOutput* s = gsf_outfile_new_child(GSF_OUTFILE(ole), name.c_str(), FALSE);
    gsf_output_write(s, data.size(), reinterpret_cast<const guint8*>(data.data()));
    gsf_output_close(s);
    g_object_unref(s);
  }
  gsf_output_close(GSF_OUTPUT(ole));
  g_object_unref(ole);
  const auto* bytes = gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(memory));
  std::string out(reinterpret_cast<const char*>(bytes), gsf_output_size(memory));
  g_object_unref(memory);
  return out;
}

// The root streams of a compound file, read by libgsf.
Streams streams_of(const std::string& file) {
  gsf_init();
  GsfInput* in =
      gsf_input_memory_new(reinterpret_cast<const guint8*>(file.data()), file.size(), FALSE);
  GsfInfile* ole = gsf_infile_msole_new(in, nullptr);
  REQUIRE(ole);
  Streams out;
  for (int i = 0; i < gsf_infile_num_children(ole); ++i) {
    GsfInput* s = gsf_infile_child_by_index(ole, i);
    std::string data(gsf_input_size(s), '\0');
    if (!data.empty()) gsf_input_read(s, data.size(), reinterpret_cast<guint8*>(data.data()));
    out.emplace_back(gsf_input_name(s), std::move(data));
    g_object_unref(s);
  }
  g_object_unref(ole);
  g_object_unref(in);
  return out;
}

void put16(std::string& b, std::size_t at, std::uint32_t v) {
  b[at] = static_cast<char>(v & 0xFF);
  b[at + 1] = static_cast<char>(v >> 8 & 0xFF);
}

void put32(std::string& b, std::size_t at, std::uint32_t v) {
  put16(b, at, v & 0xFFFF);
  put16(b, at + 2, v >> 16);
}

std::string le32(std::uint32_t v) {
  std::string s(4, '\0');
  put32(s, 0, v);
  return s;
}

// One piece of a built document: its characters, stored as UTF-16LE or
// (compressed) one byte each after the previous piece's; or, with `at`,
// a piece pointing at that byte of WordDocument, writing nothing there.
struct Run {
  Run(std::u16string t, bool c = false, std::optional<std::uint32_t> a = std::nullopt)
      : text(std::move(t)), compressed(c), at(a) {}
  std::u16string text;
  bool compressed;
  std::optional<std::uint32_t> at;
};

struct WordStreams {
  std::string word, table;
};

constexpr std::size_t kFibEnd = 0x800;

// A Word 97 document: a FIB (csw 14, cslw 22, 93 fc/lcb pairs), the runs'
// characters from byte 0x800 and, in 1Table, a Clx with one piece per run
// and no paragraph properties. ccpText counts every run unless `ccp_text`.
WordStreams word_streams(const std::vector<Run>& runs,
                         std::optional<std::uint32_t> ccp_text = std::nullopt) {
  WordStreams s;
  s.word.assign(kFibEnd, '\0');
  put16(s.word, 0, 0xA5EC);
  put16(s.word, 2, 0x00C1);
  put16(s.word, 0x0A, 0x0200);  // 1Table
  put16(s.word, 0x20, 14);
  put16(s.word, 0x3E, 22);
  put16(s.word, 0x98, 93);
  std::vector<std::uint32_t> cps{0}, fcs;
  for (const Run& r : runs) {
    const std::uint32_t at = r.at.value_or(static_cast<std::uint32_t>(s.word.size()));
    fcs.push_back(r.compressed ? (at * 2) | 0x40000000u : at);
    std::string bytes;
    for (char16_t c : r.text) {
      bytes += static_cast<char>(c & 0xFF);
      if (!r.compressed) bytes += static_cast<char>(c >> 8);
    }
    if (!r.at)
      s.word += bytes;
    else
      s.word.replace(at, std::min(bytes.size(), s.word.size() - at), bytes);
    cps.push_back(cps.back() + static_cast<std::uint32_t>(r.text.size()));
  }
  put32(s.word, 0x4C, ccp_text.value_or(cps.back()));
  std::string plc;
  for (std::uint32_t cp : cps) plc += le32(cp);
  for (std::uint32_t fc : fcs) plc += std::string(2, '\0') + le32(fc) + std::string(2, '\0');
  s.table = std::string("\x02", 1) + le32(static_cast<std::uint32_t>(plc.size())) + plc;
  put32(s.word, 0x1A2, 0);
  put32(s.word, 0x1A6, static_cast<std::uint32_t>(s.table.size()));
  return s;
}

WordText text_of(const WordStreams& s) {
  Result<WordFib> fib = read_word_fib(s.word);
  REQUIRE(fib);
  return word_text(s.word, s.table, {}, *fib);
}

std::string doc_file(const WordStreams& s) {
  return compound_file({{"WordDocument", s.word}, {"1Table", s.table}});
}

// The text without page marks and blank lines: LibreOffice turns a page
// break ending a paragraph (an empty line in the DOCX text) into a page
// break before the next paragraph.
std::string lines_of(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != '\f' && !(c == '\n' && (out.empty() || out.back() == '\n'))) out += c;
  return out;
}

// testdata/fixtures/<name> saved as .doc by LibreOffice, once per run.
std::string doc_of_fixture(const std::string& name) {
  static std::map<std::string, std::string> made;
  if (auto it = made.find(name); it != made.end()) return it->second;
  test::TempDir dir;
  test::write_file(dir.path / name, test::fixture(name));
  std::string doc = test::libreoffice_convert(dir.path, name, "doc");
  REQUIRE(doc.size() > 1000);
  return made[name] = doc;
}

// ---- text rules -------------------------------------------------------------

TEST_CASE("paragraph marks end lines, fields keep their result only", "[legacy]") {
  const WordText t =
      text_of(word_streams({{u"行政处罚决定书\r见\x13 HYPERLINK \"http://x\" "
                             u"\x14第一页\x15，共\x13 NUMPAGES \x15页\r"}}));
  CHECK(t.problems.empty());
  CHECK(t.text == "行政处罚决定书\n见第一页，共页\n");
}

TEST_CASE("nested fields keep the inner result inside the outer one", "[legacy]") {
  const WordText t =
      text_of(word_streams({{u"a\x13 IF \x13 PAGE \x14"
                             u"1\x15 \x14结果\x13 X \x14内\x15\x15"
                             u"b\r"}}));
  CHECK(t.text == "a结果内b\n");
}

TEST_CASE("a field left open by damage ends at its paragraph", "[legacy]") {
  const WordText t = text_of(word_streams({{u"a\x13 REF x\rnext\r"}}));
  CHECK(t.text == "a\nnext\n");
}

TEST_CASE("cells end with tabs and a second end mark ends the row", "[legacy]") {
  // Without paragraph properties: label | value rows as templates lay them out.
  const WordText t = text_of(word_streams(
      {{u"表头\r当事人\x07李秀英\x07\x07案号\x07穗海昌岗综执立〔2024〕9号\x07\x07后文\r"}}));
  CHECK(t.text == "表头\n当事人\t李秀英\n案号\t穗海昌岗综执立〔2024〕9号\n后文\n");
}

// Sprms of a paragraph: in a table, ending a row, page break before, and a
// sprmPHugePapx pointing at byte `at` of the Data stream.
const std::string kInTable("\x16\x24\x01", 3);
const std::string kRowEnd("\x17\x24\x01", 3);
const std::string kPageBreakBefore("\x07\x24\x01", 3);
std::string huge_papx(std::uint32_t at) { return std::string("\x46\x66", 2) + le32(at); }

// Gives the paragraphs of `s` (one UTF-16 piece at 0x800) the properties
// `sprms`, one entry per paragraph in order (each ends at a 0x0D or 0x07;
// an empty entry keeps the defaults), in one FKP page and a PlcBtePapx.
void set_paragraphs(WordStreams& s, const std::u16string& text,
                    const std::vector<std::string>& sprms) {
  std::vector<std::uint32_t> fcs{static_cast<std::uint32_t>(kFibEnd)};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == u'\r' || text[i] == u'\x07') fcs.push_back(kFibEnd + 2 * (i + 1));
  REQUIRE(fcs.size() == sprms.size() + 1);
  const std::size_t runs = sprms.size();
  std::string page(512, '\0');
  for (std::size_t i = 0; i <= runs; ++i) put32(page, 4 * i, fcs[i]);
  std::size_t end = 511;  // PAPXs are laid from the end of the page down
  for (std::size_t i = 0; i < runs; ++i) {
    if (sprms[i].empty()) continue;
    const std::string papx = std::string(2, '\0') + sprms[i];  // istd, sprms
    const std::size_t cb = (papx.size() + 1) / 2;              // cb' counts words
    std::string entry = std::string(1, '\0') + std::string(1, static_cast<char>(cb)) + papx;
    entry.resize(2 + 2 * cb, '\0');
    end = (end - entry.size()) & ~std::size_t{1};
    page.replace(end, entry.size(), entry);
    page[4 * (runs + 1) + 13 * i] = static_cast<char>(end / 2);
  }
  page[511] = static_cast<char>(runs);
  s.word.resize((s.word.size() + 511) / 512 * 512, '\0');
  const std::uint32_t pn = static_cast<std::uint32_t>(s.word.size() / 512);
  s.word += page;
  const std::string plc = le32(fcs.front()) + le32(fcs.back()) + le32(pn);
  put32(s.word, 0x102, static_cast<std::uint32_t>(s.table.size()));
  put32(s.word, 0x106, static_cast<std::uint32_t>(plc.size()));
  s.table += plc;
}

TEST_CASE("paragraph properties tell row ends from empty cells, also from the Data stream",
          "[legacy]") {
  const std::u16string text = u"甲\x07\x07\x07乙\x07丙\x07\x07后\r";
  WordStreams s = word_streams({{text}});
  // The second row's end keeps its properties in Data, as LibreOffice writes rows.
  const std::string data = std::string(6, 'x') + std::string("\x06\x00", 2) + kInTable + kRowEnd;
  set_paragraphs(
      s, text,
      {kInTable, kInTable, kInTable + kRowEnd, kInTable, kInTable, huge_papx(6), kPageBreakBefore});
  Result<WordFib> fib = read_word_fib(s.word);
  REQUIRE(fib);
  const WordText t = word_text(s.word, s.table, data, *fib);
  CHECK(t.problems.empty());
  CHECK(t.text == "甲\t\n乙\t丙\n\f后\n");
  // Without the properties the marks alone decide, and the empty cell ends its row.
  CHECK(text_of(word_streams({{text}})).text == "甲\n\n乙\t丙\n后\n");
}

TEST_CASE("a cell's paragraphs share its line, separated by spaces", "[legacy]") {
  const std::u16string text = u"名称\r\r地址\x07值\x07\x07";
  WordStreams s = word_streams({{text}});
  set_paragraphs(s, text, {kInTable, kInTable, kInTable, kInTable, kInTable + kRowEnd});
  CHECK(text_of(s).text == "名称  地址\t值\n");
}

TEST_CASE("breaks, tabs, hyphens and anchors map as the DOCX reader maps them", "[legacy]") {
  const WordText t =
      text_of(word_streams({{u"一\x0B二\t三\x1E四\x1F五\x01\x08六\r第一页\x0C第二页\r"}}));
  CHECK(t.text == "一\n二\t三-四五六\n第一页\n\f第二页\n");
}

TEST_CASE("compressed pieces are cp1252 and mix with UTF-16 pieces", "[legacy]") {
  const WordText t = text_of(
      word_streams({{u"Fine \x80 5000 \x93ok\x94 ", true}, {u"罚款\r"}, {u"caf\xE9\r", true}}));
  CHECK(t.problems.empty());
  CHECK(t.text == "Fine € 5000 “ok” 罚款\ncafé\n");
}

TEST_CASE("surrogate pairs decode and lone surrogates become U+FFFD", "[legacy]") {
  const WordText t = text_of(word_streams({{u"\U00020BB7\xD800x\xDC00\r"}}));
  CHECK(t.text == "\xF0\xA0\xAE\xB7\xEF\xBF\xBDx\xEF\xBF\xBD\n");
}

TEST_CASE("text boxes follow the body, before the header lines", "[legacy]") {
  WordStreams s = word_streams({{u"正文\r页眉\r\r框内文字\r\r"}}, 3);
  put32(s.word, 0x54, 4);  // ccpHdd
  put32(s.word, 0x64, 6);  // ccpTxbx, after the (empty) comment and endnote stories
  CHECK(text_of(s).text == "正文\n框内文字\n页眉\n");
}

TEST_CASE("only the main story is the body, header lines follow once each", "[legacy]") {
  WordStreams s = word_streams({{u"正文\r脚注\r页眉\r页眉\r\r页脚\r\r"}}, 3);
  put32(s.word, 0x50, 3);   // ccpFtn
  put32(s.word, 0x54, 11);  // ccpHdd
  CHECK(text_of(s).text == "正文\n页眉\n页脚\n");
}

// ---- hostile piece tables ---------------------------------------------------

TEST_CASE("overlapping pieces are cut at the first overlap, the text before kept", "[legacy]") {
  const WordText t = text_of(word_streams({{u"第一段\r"}, {u"一段\r", false, kFibEnd + 2}}));
  CHECK(t.text == "第一段\n");
  REQUIRE(t.problems.size() == 1);
  CHECK_THAT(t.problems[0], Catch::Contains("重叠"));
}

TEST_CASE("a piece outside WordDocument or out of order ends the text there", "[legacy]") {
  WordStreams s = word_streams({{u"甲\r"}, {u"乙\r"}});
  put32(s.table, 5 + 12 + 2 + 8, 0x7FFFFF00);  // the second piece's fc
  WordText t = text_of(s);
  CHECK(t.text == "甲\n");
  CHECK_THAT(t.problems.at(0), Catch::Contains("超出"));

  s = word_streams({{u"甲\r"}, {u"乙\r"}});
  put32(s.table, 5 + 8, 1);  // the second piece ends before it starts
  t = text_of(s);
  CHECK(t.text == "甲\n");
  CHECK_THAT(t.problems.at(0), Catch::Contains("顺序"));
}

TEST_CASE("a piece table claiming more than the table stream holds is not read", "[legacy]") {
  WordStreams s = word_streams({{u"甲\r"}});
  put32(s.table, 1, 0xFFFFFFF0);
  WordText t = text_of(s);
  CHECK(t.text.empty());
  CHECK_THAT(t.problems.at(0), Catch::Contains("无法读取"));
  // And a Clx position past the end of the stream.
  s = word_streams({{u"甲\r"}});
  put32(s.word, 0x1A2, 0x7FFFFFFF);
  CHECK(text_of(s).text.empty());
}

TEST_CASE("a main story longer than its pieces keeps what the pieces hold", "[legacy]") {
  const WordText t = text_of(word_streams({{u"甲\r"}}, 0x7FFFFFFF));
  CHECK(t.text == "甲\n");
  CHECK_THAT(t.problems.at(0), Catch::Contains("短于"));
}

TEST_CASE("text past the 8 MB limit is cut and the cut is reported", "[legacy]") {
  std::u16string big;
  for (int i = 0; i < (9 << 20) / 64; ++i) big += std::u16string(63, u'a') + u'\r';
  const std::string doc = doc_file(word_streams({{big, true}}));
  Document d;
  const Status s = parse_doc(doc, d);
  CHECK(d.text.size() <= kMaxTextBytes);
  CHECK(d.text.size() > kMaxTextBytes - 100);
  CHECK_THAT(s.reason, Catch::Contains("上限"));
}

TEST_CASE("a flood of field marks or one-character pieces costs milliseconds", "[legacy]") {
  const auto start = std::chrono::steady_clock::now();
  Document a;
  CHECK(parse_doc(doc_file(word_streams({{std::u16string(4 << 20, u'\x13'), true}})), a).ok());
  CHECK_FALSE(a.has_text);
  std::vector<Run> runs(200000, Run{u"字"});
  Document b;
  CHECK(parse_doc(doc_file(word_streams(runs)), b).ok());
  CHECK(b.text.size() == 3 * runs.size());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  CHECK(ms < 3000);
}

// ---- whole documents --------------------------------------------------------

TEST_CASE("a .doc made by LibreOffice reads as the DOCX it was made from", "[legacy]") {
  for (const char* name : {"decision.docx", "receipt.docx", "payment.docx"}) {
    INFO(name);
    Document from_docx, from_doc;
    REQUIRE(parse_docx(test::fixture(name), ZipLimits{}, from_docx).ok());
    const std::string doc = doc_of_fixture(name);
    CHECK(detect_format(doc, "x.doc") == "doc");
    const Status s = parse_doc(doc, from_doc);
    CHECK(s.reason == "");
    CHECK(lines_of(from_doc.text) == lines_of(from_docx.text));
    CHECK(std::count(from_doc.text.begin(), from_doc.text.end(), '\f') ==
          std::count(from_docx.text.begin(), from_docx.text.end(), '\f'));
    CHECK(from_doc.title == from_docx.title);
    CHECK(from_doc.has_text);
  }
}

TEST_CASE("a .doc is read in the parse process, under its filter", "[legacy]") {
  const std::string doc = doc_of_fixture("decision.docx");
  std::vector<ImportIssue> issues;
  const Document d = read_document("决定书.doc", doc, ImportOptions{}, issues);
  CHECK(issues.empty());
  CHECK(d.format == "doc");
  CHECK_THAT(d.text, Catch::Contains("行政处罚决定书"));
  CHECK(d.number.has_value());
}

TEST_CASE("a Kingsoft WPS file in Word's structure is read whatever its name", "[legacy]") {
  // No program here writes WPS Office files: this one has the streams of a
  // LibreOffice .doc and the build property WPS Office adds to
  // DocumentSummaryInformation, in a compound file of libgsf's.
  Streams streams = streams_of(doc_of_fixture("receipt.docx"));
  gsf_init();
  GsfDocMetaData* meta = gsf_doc_meta_data_new();
  GValue* v = g_new0(GValue, 1);  // the metadata takes it over
  g_value_init(v, G_TYPE_STRING);
  g_value_set_string(v, "2052-11.1.0.14309");
  gsf_doc_meta_data_insert(meta, g_strdup("KSOProductBuildVer"), v);
  GsfOutput* memory = gsf_output_memory_new();
  REQUIRE(gsf_doc_meta_data_write_to_msole(meta, memory, TRUE));
  gsf_output_close(memory);
  std::string dsi(
      reinterpret_cast<const char*>(gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(memory))),
      gsf_output_size(memory));
  g_object_unref(memory);
  g_object_unref(meta);
  std::erase_if(streams, [](const auto& s) { return s.first == "\005DocumentSummaryInformation"; });
  streams.emplace_back("\005DocumentSummaryInformation", dsi);
  const std::string wps = compound_file(streams);

  std::vector<ImportIssue> issues;
  const Document d = read_document("03-询问笔录.wps", wps, ImportOptions{}, issues);
  CHECK(issues.empty());
  CHECK(d.format == "doc");
  CHECK(d.has_text);
  CHECK(d.metadata.at("kingsoft_build") == "2052-11.1.0.14309");
}

TEST_CASE("an encrypted .doc says it needs its password", "[legacy]") {
  WordStreams s = word_streams({{u"甲\r"}});
  put16(s.word, 0x0A, 0x0300);  // fEncrypted, 1Table
  Document d;
  const Status st = parse_doc(doc_file(s), d);
  CHECK(st.code == Code::unsupported);
  CHECK_THAT(st.reason, Catch::Contains("已加密"));
  CHECK_FALSE(d.has_text);
}

TEST_CASE("Word 95 and damaged Word files get their own reasons", "[legacy]") {
  WordStreams s = word_streams({{u"甲\r"}});
  put16(s.word, 2, 0x0065);
  Document d;
  CHECK_THAT(parse_doc(doc_file(s), d).reason, Catch::Contains("Word 95"));

  s = word_streams({{u"甲\r"}});
  Document no_table;
  const Status missing = parse_doc(compound_file({{"WordDocument", s.word}}), no_table);
  CHECK(missing.code == Code::corrupt);
  CHECK_THAT(missing.reason, Catch::Contains("1Table"));

  const std::string real = doc_of_fixture("decision.docx");
  Document cut;
  const Status truncated = parse_doc(real.substr(0, real.size() / 3), cut);
  CHECK_FALSE(truncated.ok());
  CHECK_THAT(truncated.reason, Catch::Contains("DOC"));
}

// The first directory entry named `name` of a compound file written by
// libgsf (512-byte sectors, the directory in one chain): its byte offset.
std::size_t entry_offset(const std::string& file, const std::u16string& name) {
  std::string utf16;
  for (char16_t c : name)
    utf16 += std::string{static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)};
  for (std::size_t at = 512; at + 128 <= file.size(); at += 128)
    if (file.compare(at, utf16.size(), utf16) == 0 && file[at + 0x42] == 2) return at;
  FAIL("no directory entry");
  return 0;
}

TEST_CASE("a stream shorter than its size is damage, libgsf never writes to stderr", "[legacy]") {
  WordStreams s = word_streams({{u"甲\r"}});
  s.table.resize(6000, '\0');  // in the big-block chain, not the mini stream
  std::string file = doc_file(s);
  const std::size_t entry = entry_offset(file, u"1Table");
  const auto start = static_cast<std::uint32_t>(static_cast<unsigned char>(file[entry + 0x74])) |
                     static_cast<std::uint32_t>(static_cast<unsigned char>(file[entry + 0x75]))
                         << 8;
  const auto fat = static_cast<std::uint32_t>(static_cast<unsigned char>(file[0x4C])) |
                   static_cast<std::uint32_t>(static_cast<unsigned char>(file[0x4D])) << 8;
  put32(file, (fat + 1) * 512 + 4 * start, 0xFFFFFFFE);  // the chain ends after one sector
  Document d;
  const Status st = parse_doc(file, d);
  CHECK(st.code == Code::corrupt);
  CHECK_THAT(st.reason, Catch::Contains("1Table"));

  // A summary property set whose title is not valid in its code page (UTF-8):
  // libgsf warns through glib while reading it.
  const std::string props = le32(2) + std::string("\xE9\xFD\x00\x00", 4) +  // VT_I2 65001
                            le32(30) + le32(5) + std::string("\xFF\xFE\xFD\xFC\x00\x00\x00\x00", 8);
  const std::string section = le32(48) + le32(2) + le32(1) + le32(24) + le32(2) + le32(32) + props;
  const std::string summary =
      std::string("\xFE\xFF\x00\x00\x06\x00\x02\x00", 8) + std::string(16, '\0') + le32(1) +
      std::string("\xE0\x85\x9F\xF2\xF9\x4F\x68\x10\xAB\x91\x08\x00\x2B\x27\xB3\xD9", 16) +
      le32(48) + section;
  WordStreams good = word_streams({{u"乙\r"}});
  const std::string with_props = compound_file(
      {{"WordDocument", good.word}, {"1Table", good.table}, {"\005SummaryInformation", summary}});
  Document p;
  CHECK(parse_doc(with_props, p).ok());
  CHECK(p.text == "乙\n");

  test::TempDir dir;
  test::write_file(dir.path / "a.zip",
                   testing::make_zip({{"01-立案审批表.doc", file},
                                      {"02-询问笔录.doc", with_props},
                                      {"03-行政处罚决定书.docx", test::fixture("decision.docx")}}));
  const test::CliRun run = test::run_cli("audit a.zip --db a.db", dir.path);
  CHECK(run.err.find("WARNING") == std::string::npos);
  CHECK(run.err.find("CRITICAL") == std::string::npos);
  CHECK_THAT(run.out, Catch::Contains("a.zip"));
}

// ---- other compound files ---------------------------------------------------

std::string works_file() { return compound_file({{"MN0", std::string(600, 'x')}}); }

TEST_CASE("compound files are told apart by their streams, not their names", "[legacy]") {
  CHECK(detect_format(doc_file(word_streams({{u"甲\r"}})), "a.wps") == "doc");
  CHECK(detect_format(works_file(), "询问笔录.wps") == "works");
  CHECK(detect_format(compound_file({{"CONTENTS", "CHNKWKS"}}), "a.wps") == "works");
  CHECK(detect_format(compound_file({{"Workbook", std::string(100, 'w')}}), "a.et") == "xls");
  CHECK(detect_format(compound_file({{"Book", "b"}}), "a.xls") == "xls");
  CHECK(detect_format(compound_file({{"PowerPoint Document", "p"}}), "a.dps") == "ppt");
  CHECK(detect_format(compound_file({{"EncryptionInfo", "e"}, {"EncryptedPackage", "p"}}),
                      "决定书.docx") == "ole2");
  CHECK(detect_format(compound_file({{"Contents", "c"}, {"Quill", "q"}}), "a.pub") == "ole2");
  // Works 2 and 3 wrote no compound file.
  CHECK(detect_format(std::string("\x01\xFE", 2) + std::string(200, 'w'), "a.wps") == "works");
}

TEST_CASE("compound files that are not Word documents get a Chinese reason each", "[legacy]") {
  auto reason = [](const std::string& bytes) {
    std::vector<ImportIssue> issues;
    read_document("x", bytes, ImportOptions{}, issues);
    REQUIRE(issues.size() == 1);
    return issues[0].reason;
  };
  CHECK_THAT(reason(works_file()), Catch::Contains("Microsoft Works"));
  CHECK_THAT(reason(compound_file({{"Workbook", "w"}})), Catch::Contains("表格文件"));
  CHECK_THAT(reason(compound_file({{"EncryptionInfo", "e"}, {"EncryptedPackage", "p"}})),
             Catch::Contains("已加密"));
  CHECK_THAT(reason(compound_file({{"Other", "o"}})), Catch::Contains("类型无法识别"));
  const std::string stub = std::string(kOleMagic) + std::string(504, '\0');
  CHECK_THAT(reason(stub), Catch::Contains("文件损坏"));
}

// ---- hostile directories ----------------------------------------------------

TEST_CASE("a directory chain that loops, or a table past the file, is damage", "[legacy]") {
  std::string file = compound_file({{"WordDocument", std::string(5000, 'x')}, {"1Table", "t"}});
  REQUIRE(ole_kind(file) == OleKind::word);
  auto u32_at = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(file[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(file[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(file[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(file[at + 3])) << 24;
  };
  const std::uint32_t fat = u32_at(0x4C), dir = u32_at(0x30);
  std::string loop = file;
  put32(loop, (fat + 1) * 512 + 4 * dir, dir);  // the directory's next sector is itself
  CHECK(ole_kind(loop) == OleKind::damaged);
  std::string far = file;
  put32(far, 0x4C, 0x00FFFFFF);  // the allocation table's sector lies past the end
  CHECK(ole_kind(far) == OleKind::damaged);
  std::string many = file;
  put32(many, 0x2C, 0x7FFFFFFF);  // more table sectors than the file has
  CHECK(ole_kind(many) == OleKind::damaged);
  std::string tree = file;
  put32(tree, (dir + 1) * 512 + 0x4C, 0);  // the root's child is the root itself
  CHECK(ole_kind(tree) == OleKind::damaged);
  Document d;
  CHECK_FALSE(parse_doc(loop, d).ok());
}

}  // namespace
}  // namespace auditor
