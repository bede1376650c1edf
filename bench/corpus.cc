#include "bench/corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "importers/zip_reader.h"
#include "reports/zip_writer.h"
#include "testdata/generator/archives.h"

namespace auditor::bench {
namespace {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error{"无法读取文件：" + p.string()};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The members of a generated archive, names decoded to UTF-8.
Result<std::vector<ZipMember>> members_of(const std::string& zip_bytes) {
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(zip_bytes, ZipLimits{});
  if (!zip) return Error{zip.error()};
  std::vector<ZipMember> out;
  for (std::size_t i = 0; i < (*zip)->entries().size(); ++i) {
    const ZipEntry& e = (*zip)->entries()[i];
    if (e.is_dir) continue;
    Result<std::string> bytes = (*zip)->read(i);
    if (!bytes) return Error{bytes.error()};
    out.emplace_back(e.name, std::move(*bytes));
  }
  return out;
}

// A baseline JPEG header (SOI, SOF0 width x height, SOS) followed by random
// entropy-coded bytes: what a scanner writes, as far as size, compressibility
// and the auditor's header reading are concerned.
std::string jpeg_scan(std::mt19937& rng, std::size_t bytes) {
  std::string s = "\xFF\xD8";
  const char sof[] = {'\xFF', '\xC0', 0, 17, 8,    0x0D, (char)0xB0, 0x09, (char)0xB0, 3,
                      1,      0x22,   0, 2,  0x11, 1,    3,          0x11, 1};
  s.append(sof, sizeof sof);
  s.append("\xFF\xDA\x00\x0C\x03\x01\x00\x02\x11\x03\x11\x00\x3F\x00", 14);
  std::uniform_int_distribution<int> byte(0, 255);
  while (s.size() < bytes) {
    char c = static_cast<char>(byte(rng));
    s.push_back(c);
    if (c == '\xFF') s.push_back('\0');  // byte stuffing, as in real scans
  }
  s.append("\xFF\xD9");
  return s;
}

}  // namespace

Status write_corpus(const fs::path& out, int n, unsigned seed, const CorpusSources& sources) {
  // The generated cases, renumbered for each pass over them so that no two
  // archives share a case or document number (or the cross-case uniqueness
  // rule would find every copy a duplicate of every other).
  std::vector<std::vector<ZipMember>> bases;
  int pass = 0;
  auto build_bases = [&] {
    bases.clear();
    for (const testdata::Archive& a : testdata::build_archives(pass * 1000)) {
      Result<std::vector<ZipMember>> m = members_of(a.bytes);
      if (m) bases.push_back(std::move(*m));  // the not-a-zip sample is left out
    }
  };
  build_bases();
  std::vector<std::pair<std::string, std::string>> ofds;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(sources.ofd_dir, ec))
    if (e.path().extension() == ".ofd") {
      Result<std::string> b = read_file(e.path());
      if (!b) return Status::failure(b.error());
      ofds.emplace_back(e.path().filename().string(), std::move(*b));
    }
  std::sort(ofds.begin(), ofds.end());
  Result<std::string> pdf = read_file(sources.pdf);
  if (!pdf) return Status::failure(pdf.error());
  if (bases.empty() || ofds.empty()) return Status::failure("语料来源为空");
  fs::create_directories(out, ec);

  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> scan_size(150 << 10, 450 << 10);
  for (int i = 0; i < n; ++i) {
    if (i / static_cast<int>(bases.size()) != pass) {
      pass = i / static_cast<int>(bases.size());
      build_bases();
    }
    std::vector<ZipMember> m = bases[i % bases.size()];
    m.emplace_back("09-附件/电子送达凭证.ofd", ofds[i % ofds.size()].second);
    if (i % 2) m.emplace_back("09-附件/电子公文.ofd", ofds[(i + 3) % ofds.size()].second);
    m.emplace_back("09-附件/现场照片（PDF版）.pdf", *pdf);
    const int scans = 2 + i % 2;
    for (int k = 0; k < scans; ++k) {
      ZipMember scan("10-扫描件/扫描件" + std::to_string(k + 1) + ".jpg",
                     jpeg_scan(rng, scan_size(rng)));
      scan.deflate = false;  // zip tools store incompressible members
      m.push_back(std::move(scan));
    }
    char name[32];
    std::snprintf(name, sizeof name, "case-%05d.zip", i);
    if (Status s = write_zip_file(out / name, m); !s.ok()) return s;
  }
  return Status::success();
}

}  // namespace auditor::bench
