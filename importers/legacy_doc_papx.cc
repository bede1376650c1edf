#include "importers/legacy_doc_papx.h"

#include "importers/legacy_bytes.h"

namespace auditor {

using legacy::u16;
using legacy::u32;

Paragraphs::Paragraphs(std::string_view word, std::string_view table, std::string_view data,
                       const FcLcb& papx)
    : word_(word), data_(data) {
  if (papx.lcb < 12 || papx.fc > table.size() || papx.lcb > table.size() - papx.fc ||
      (papx.lcb - 4) % 8 != 0)
    return;
  plc_ = table.substr(papx.fc, papx.lcb);
  count_ = (papx.lcb - 4) / 8;
}

std::optional<ParagraphProps> Paragraphs::at(std::uint32_t fc) {
  if (count_ == 0) return std::nullopt;
  // The FKP page whose FC range holds fc: aFc[count_ + 1], then the pages.
  std::size_t lo = 0, hi = count_;
  while (lo < hi) {  // first i with aFc[i + 1] > fc
    const std::size_t mid = (lo + hi) / 2;
    if (u32(plc_, 4 * (mid + 1)) > fc)
      hi = mid;
    else
      lo = mid + 1;
  }
  if (lo == count_ || u32(plc_, 4 * lo) > fc) return std::nullopt;
  const std::uint32_t page = u32(plc_, 4 * (count_ + 1) + 4 * lo) & 0x3FFFFF;
  const std::size_t base = std::size_t{page} * 512;
  if (base > word_.size() || word_.size() - base < 512) return std::nullopt;
  const std::string_view fkp = word_.substr(base, 512);
  const std::size_t runs = static_cast<unsigned char>(fkp[511]);
  if (runs == 0 || 4 * (runs + 1) + 13 * runs > 511) return std::nullopt;
  lo = 0, hi = runs;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (u32(fkp, 4 * (mid + 1)) > fc)
      hi = mid;
    else
      lo = mid + 1;
  }
  if (lo == runs || u32(fkp, 4 * lo) > fc) return std::nullopt;
  const std::size_t offset =
      2 * std::size_t{static_cast<unsigned char>(fkp[4 * (runs + 1) + 13 * lo])};
  if (offset == 0) return ParagraphProps{};  // default properties
  const std::uint64_t key = std::uint64_t{page} << 16 | offset;
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  std::optional<ParagraphProps> props = parse_papx(fkp, offset);
  cache_.emplace(key, props);
  return props;
}

// PapxInFkp at `offset` of the page: cb, [cb'], istd, then sprms.
std::optional<ParagraphProps> Paragraphs::parse_papx(std::string_view fkp, std::size_t offset) {
  if (offset >= 511) return std::nullopt;
  std::size_t cb = static_cast<unsigned char>(fkp[offset]), start = offset + 1, length;
  if (cb == 0) {
    if (offset + 1 >= 511) return std::nullopt;
    length = 2 * std::size_t{static_cast<unsigned char>(fkp[offset + 1])};
    start = offset + 2;
  } else {
    length = 2 * cb - 1;
  }
  if (length < 2 || start + length > 511) return std::nullopt;
  ParagraphProps props;
  if (!apply_sprms(fkp.substr(start + 2, length - 2), props, true)) return std::nullopt;
  return props;
}

// Applies the sprms of `g` to `props`; false past the scan budget. A
// sprmPHugePapx (properties too large for the page) names more sprms in
// the Data stream, followed once (`follow`).
bool Paragraphs::apply_sprms(std::string_view g, ParagraphProps& props, bool follow) {
  if (scanned_ + g.size() > kMaxSprmBytes) return false;
  scanned_ += g.size();
  for (std::size_t at = 0; at + 2 <= g.size();) {
    const std::uint16_t sprm = u16(g, at);
    at += 2;
    std::size_t size = 0;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:  // 6: variable
        size = variable_size(g, at, sprm);
    }
    if (size == 0 || size > g.size() - at) break;
    const bool on = g[at] != 0;
    switch (sprm) {
      case 0x2416:
        props.in_table = on;
        break;
      case 0x2417:
        props.row_end = on;
        break;
      case 0x244B:
        props.inner_cell_end = on;
        break;
      case 0x244C:
        props.inner_row_end = on;
        break;
      case 0x2407:
        props.page_break_before = on;
        break;
      case 0x6646:  // sprmPHugePapx: a PrcData (cbGrpprl, GrpPrl) in Data
        if (follow) {
          const std::uint32_t where = u32(g, at);
          if (where <= data_.size() && data_.size() - where >= 2) {
            const std::size_t cb = u16(data_, where);
            if (cb <= data_.size() - where - 2 &&
                !apply_sprms(data_.substr(where + 2, cb), props, false))
              return false;
          }
        }
        break;
      default:
        break;
    }
    at += size;
  }
  return true;
}

// The operand size of a variable-length sprm at `at`; 0 when unreadable.
std::size_t Paragraphs::variable_size(std::string_view g, std::size_t at, std::uint16_t sprm) {
  if (at >= g.size()) return 0;
  if (sprm == 0xD608 || sprm == 0xD606) {  // sprmTDefTable: 2-byte count, plus one
    if (g.size() - at < 2) return 0;
    const std::size_t cb = u16(g, at);
    return cb == 0 ? 0 : cb + 1;
  }
  const std::size_t cb = static_cast<unsigned char>(g[at]);
  if (sprm == 0xC615 && cb == 255) {  // sprmPChgTabs: deleted then added tab stops
    if (g.size() - at < 2) return 0;
    const std::size_t deleted = static_cast<unsigned char>(g[at + 1]);
    const std::size_t added_at = at + 2 + 4 * deleted;
    if (added_at >= g.size()) return 0;
    return 2 + 4 * deleted + 1 + 3 * std::size_t{static_cast<unsigned char>(g[added_at])};
  }
  return 1 + cb;
}

}  // namespace auditor
