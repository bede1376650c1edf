#include "auditor/settings.h"

#include <charconv>

namespace auditor {
namespace {

// The numbers are thresholds in yuan or counts of days.
constexpr const char* kNumberSettings[] = {
    "hearing_fine_citizen",         "hearing_fine_organisation", "publication_working_days",
    "simple_fine_citizen",          "simple_fine_organisation",  "simple_fine_citizen_2017",
    "simple_fine_organisation_2017"};
constexpr const char* kBoolSettings[] = {"individual_business_is_citizen",
                                         "disclosure_all_decisions"};
constexpr const char* kDateSettings[] = {"run_date"};

std::optional<double> parse_number(std::string_view text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

const std::string* value_of(const Checklist& cl, std::string_view name) {
  auto it = cl.settings.find(std::string(name));
  return it == cl.settings.end() ? nullptr : &it->second;
}

}  // namespace

std::optional<bool> parse_yes_no(std::string_view text) {
  if (text == "true" || text == "1" || text == "是") return true;
  if (text == "false" || text == "0" || text == "否") return false;
  return std::nullopt;
}

std::optional<double> setting_number(const Checklist& cl, std::string_view name) {
  const std::string* v = value_of(cl, name);
  return v ? parse_number(*v) : std::nullopt;
}

std::optional<bool> setting_bool(const Checklist& cl, std::string_view name) {
  const std::string* v = value_of(cl, name);
  return v ? parse_yes_no(*v) : std::nullopt;
}

Date run_date(const Checklist& cl) {
  const std::string* v = value_of(cl, "run_date");
  if (std::optional<Date> d = v ? Date::parse(*v) : std::nullopt) return *d;
  return Date::today();
}

std::string validate_settings(const std::map<std::string, std::string>& settings) {
  for (const auto& [name, value] : settings) {
    bool known = false;
    for (const char* n : kNumberSettings)
      if (name == n) {
        known = true;
        std::optional<double> v = parse_number(value);
        if (!v || *v < 0) return "设置 " + name + " 应为非负数，实为“" + value + "”";
      }
    for (const char* n : kBoolSettings)
      if (name == n) {
        known = true;
        if (!parse_yes_no(value))
          return "设置 " + name + " 应为 true 或 false，实为“" + value + "”";
      }
    for (const char* n : kDateSettings)
      if (name == n) {
        known = true;
        if (!Date::parse(value))
          return "设置 " + name + " 应为 yyyy-mm-dd 日期，实为“" + value + "”";
      }
    if (!known) return "未知的设置项 " + name;
  }
  return {};
}

}  // namespace auditor
