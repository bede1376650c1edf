// Small helpers of the generator: check characters of party ids, amounts in
// Chinese capital numerals, and a minimal PNG encoder.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace testdata {

// `prefix8` (登记管理部门 + 机构类别 + 行政区划, e.g. 91440105) + `org8` (the
// organisation code body) + the GB 11714 check + the GB 32100 check.
std::string credit_code(std::string_view prefix8, std::string_view org8);

// `first17` + the GB 11643 check digit.
std::string id_number(std::string_view first17);

// 5000 -> 伍仟元整; 150000 -> 壹拾伍万元整 (whole yuan below 10^8).
std::string yuan_capital(long yuan);

// An RGB PNG whose pixel (x, y) is pixel(x, y) = 0xRRGGBB; uncompressed
// deflate blocks, so no zlib is needed.
std::string make_png(int width, int height, const std::function<std::uint32_t(int, int)>& pixel);

// Aborts the generator with a message; used where the inputs are ours.
[[noreturn]] void die(const std::string& why);

}  // namespace testdata
