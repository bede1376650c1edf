// The discretion standard (裁量基准, docs/formats/discretion.md): per legal
// provision the statutory fine range and the bands (阶次) with their ranges
// and circumstances. Data the district supplies; the bundled file is a sample.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auditor/provision_table.h"
#include "util/status.h"

namespace auditor {

struct DiscretionBand {
  std::string name;  // one of discretion_band_names()
  std::optional<double> min, max;
  std::string circumstances;  // 情形 text, shown in the manual check
  std::string source;
  // What the band presumes about the party's earlier offences (再次违法,
  // SUB-repeat-offence): "" nothing, "first" none within the period (首次被
  // 发现), "repeat" one within it (一年内第二次被发现; alone or as one of the
  // band's alternatives). `within_months` the period, > 0 when `repeat` is set.
  std::string repeat;
  int within_months = 0;
};

struct DiscretionEntry {
  std::string id;
  std::string name;  // the act, 在禁止区域内露天烧烤食品
  std::string law;   // law_key
  std::string law_written;
  int article = 0, paragraph = 0, item = 0;  // 0: any
  std::optional<double> min, max;            // the statutory range, yuan
  // Whose range it is: any, citizen (个人) or organisation (单位), when one
  // paragraph sets a range per party kind (one entry each).
  std::string party = "any";
  bool example = false;
  std::vector<DiscretionBand> bands;
  std::string source;
  bool matches(const Citation& c) const;
  const DiscretionBand* band(const std::string& name) const;
};

struct DiscretionTable {
  std::vector<DiscretionEntry> entries;  // every file's, in file order
  std::vector<std::string> files;        // id（version）per file
  std::string sha256;                    // over the files' bytes
};

// 轻微 较轻 一般 较重 严重 特别严重: the band names the decision reader knows
// (discretion_band facts, importers/facts_discretion.cc).
const std::vector<std::string>& discretion_band_names();

// A band's period as written (`within`): "<n>年" or "<n>个月" (n Arabic or
// Chinese, 1..10 years), in months; nullopt otherwise.
std::optional<int> repeat_period_months(const std::string& written);

// One <discretion> file, or every *.xml of a folder (sorted); errors
// "<file>:<line>: <reason>".
Result<DiscretionTable> load_discretion(const std::filesystem::path& file_or_dir);

std::shared_ptr<const DiscretionTable> discretion_table_at(const std::string& path,
                                                           const std::string& sha256);

}  // namespace auditor
