#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include "tests/cli_support.h"

#include "importers/formats.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using testing::make_zip;

using test::fixture;

std::string bytes(std::initializer_list<int> v) {
  std::string s;
  for (int b : v) s += static_cast<char>(b);
  return s;
}

std::string be(std::uint32_t v, int n) {
  std::string s;
  for (int i = n - 1; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

std::string le(std::uint32_t v, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

std::string png(std::uint32_t w, std::uint32_t h) {
  return "\x89PNG\r\n\x1A\n" + be(13, 4) + "IHDR" + be(w, 4) + be(h, 4) + bytes({8, 0, 0, 0, 0}) +
         be(0, 4);
}

// SOI, an APP0 segment, a DQT segment, then the frame header `sof`.
std::string jpeg(int sof, std::uint32_t w, std::uint32_t h) {
  return bytes({0xFF, 0xD8, 0xFF, 0xE0}) + be(16, 2) + std::string("JFIF\0\1\1\0\0\1\0\1\0\0", 14) +
         bytes({0xFF, 0xDB}) + be(4, 2) + bytes({0, 0}) + bytes({0xFF, sof}) + be(11, 2) +
         bytes({8}) + be(h, 2) + be(w, 2) + bytes({1, 1, 0x11, 0});
}

// One IFD with width as SHORT and height as LONG, plus `extra_pages` empty IFDs.
std::string tiff(bool little, std::uint32_t w, std::uint32_t h, int extra_pages = 0) {
  auto u = [little](std::uint32_t v, int n) { return little ? le(v, n) : be(v, n); };
  std::string s = little ? std::string("II*\0", 4) : std::string("MM\0*", 4);
  s += u(8, 4) + u(2, 2);
  s += u(256, 2) + u(3, 2) + u(1, 4) + u(w, 2) + u(0, 2);
  s += u(257, 2) + u(4, 2) + u(1, 4) + u(h, 4);
  for (int i = 0; i < extra_pages; ++i) s += u(s.size() + 4, 4) + u(0, 2);
  return s + u(0, 4);
}

TEST_CASE("formats are detected by content", "[docx]") {
  CHECK(detect_format(fixture("decision.docx"), "a.docx") == "docx");
  CHECK(detect_format(fixture("decision.pdf"), "a.pdf") == "pdf");
  CHECK(detect_format(make_zip({{"OFD.xml", "<ofd:OFD/>"}, {"Doc_0/Document.xml", "<x/>"}}),
                      "a.ofd") == "ofd");
  CHECK(detect_format(make_zip({{"01-立案审批表.pdf", "%PDF-1.4"}}), "a.zip") == "zip");
  CHECK(detect_format(png(10, 10), "a.png") == "image");
  CHECK(detect_format(jpeg(0xC0, 10, 10), "a.jpg") == "image");
  CHECK(detect_format(tiff(true, 10, 10), "a.tif") == "image");
  CHECK(detect_format(tiff(false, 10, 10), "a.tif") == "image");
}

TEST_CASE("a renamed file is detected by what it holds, not its name", "[docx]") {
  CHECK(detect_format(fixture("decision.pdf"), "06-行政处罚事先告知书.docx") == "pdf");
  CHECK(detect_format(fixture("decision.docx"), "06-行政处罚事先告知书.pdf") == "docx");
  CHECK(detect_format(png(10, 10), "scan.pdf") == "image");
}

TEST_CASE("a PDF header after leading junk within 1 KiB is still a PDF", "[docx]") {
  CHECK(detect_format(std::string(1000, ' ') + "%PDF-1.4", "x") == "pdf");
  CHECK(detect_format(std::string(1100, ' ') + "%PDF-1.4", "x") == "unknown");
}

TEST_CASE("a compound file without a readable directory, RAR and 7z are not read", "[docx]") {
  // The kinds of readable compound files: tests/legacy_doc_test.cc.
  const std::string ole2 =
      bytes({0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}) + std::string(504, '\0');
  CHECK(detect_format(ole2, "告知书.doc") == "ole2");
  CHECK(detect_format(ole2, "告知书.wps") == "ole2");
  CHECK(detect_format("Rar!\x1A\x07\x01\x00", "a.rar") == "unsupported");
  CHECK(detect_format(bytes({'7', 'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4}), "a.7z") == "unsupported");
  CHECK(detect_format("行政处罚决定书", "a.txt") == "unknown");
  CHECK(detect_format("", "empty") == "unknown");
  CHECK(detect_format("PK\x03\x04 cut short", "a.zip") == "zip");  // open fails later, reported
}

TEST_CASE("title lines are the first three non-empty trimmed lines", "[docx]") {
  CHECK(title_lines("\n  广州市海珠区人民政府赤岗街道办事处 \n\n\t行政处罚决定书\r\n"
                    "\xE3\x80\x80穗海赤岗综执罚决〔2024〕31号\n当事人：某某\n") ==
        "广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号");
  CHECK(title_lines("送达回证") == "送达回证");
  CHECK(title_lines(" \n\t\n").empty());
}

TEST_CASE("image sizes come from PNG, JPEG and TIFF headers", "[docx]") {
  struct Case {
    const char* kind;
    std::string data;
  };
  for (const Case& c :
       {Case{"png", png(1240, 1754)}, Case{"jpeg baseline", jpeg(0xC0, 1240, 1754)},
        Case{"jpeg progressive", jpeg(0xC2, 1240, 1754)}, Case{"tiff II", tiff(true, 1240, 1754)},
        Case{"tiff MM", tiff(false, 1240, 1754)}}) {
    INFO(c.kind);
    Document d;
    const Status s = parse_image(c.data, d);
    REQUIRE(s.ok());
    CHECK(d.metadata.at("width") == "1240");
    CHECK(d.metadata.at("height") == "1754");
    CHECK(d.pages == 1);
    CHECK_FALSE(d.has_text);
  }
}

TEST_CASE("a multi-page TIFF counts one page per image directory", "[docx]") {
  Document d;
  REQUIRE(parse_image(tiff(true, 100, 200, 2), d).ok());
  CHECK(d.pages == 3);
  CHECK(d.metadata.at("width") == "100");
}

TEST_CASE("a TIFF chaining more than 10000 image directories is refused, 10000 are counted",
          "[docx]") {
  Document ok;
  REQUIRE(parse_image(tiff(true, 100, 200, 9999), ok).ok());
  CHECK(ok.pages == 10000);
  Document d;
  CHECK(parse_image(tiff(true, 100, 200, 10000), d).reason ==
        "TIFF 图像目录超过 10000 个，按损坏文件处理");
}

TEST_CASE("damaged image headers are failed statuses", "[docx]") {
  std::string sos_first = bytes({0xFF, 0xD8, 0xFF, 0xDA}) + be(8, 2) + std::string(6, '\0');
  std::string tiff_far = std::string("II*\0", 4) + le(4096, 4);
  std::string tiff_loop = std::string("II*\0", 4) + le(8, 4) + le(0, 2) + le(8, 4);
  struct Case {
    std::string data;
    const char* reason;
  };
  for (const Case& c : {Case{png(10, 10).substr(0, 20), "PNG 图像头损坏：缺少 IHDR"},
                        Case{png(0, 10), "图像头损坏：宽度或高度为 0"},
                        Case{sos_first, "JPEG 图像头损坏：找不到图像尺寸"},
                        Case{jpeg(0xC0, 10, 10).substr(0, 30), "JPEG 图像头损坏：找不到图像尺寸"},
                        Case{tiff_far, "TIFF 图像头损坏：IFD 偏移超出文件"},
                        Case{tiff_loop, "TIFF 图像头损坏：IFD 链出现循环"},
                        Case{"GIF89a", "无法识别的图像格式（仅支持 JPEG、PNG、TIFF）"}}) {
    Document d;
    CHECK(parse_image(c.data, d).reason == c.reason);
    CHECK_FALSE(d.metadata.contains("width"));
  }
}

}  // namespace
}  // namespace auditor
