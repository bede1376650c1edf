#include "auditor/remedy.h"

#include <algorithm>

#include "auditor/provision_table_xml.h"
#include "util/cn_text.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using checklist_xml::DataFile;
using U = std::u32string;

bool is_digit32(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

// The first numeral run in `s` directly followed by one of `units`; 0 if none.
int number_before(const U& s, std::initializer_list<std::u32string_view> units) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::u32string_view u : units) {
      if (s.compare(i, u.size(), u) != 0) continue;
      std::size_t b = i;
      while (b > 0 && (is_digit32(s[b - 1]) || cn::is_cn_numeral(s[b - 1]))) --b;
      if (b == i) continue;
      U run;
      for (std::size_t k = b; k < i; ++k)
        run += (s[k] >= U'０' && s[k] <= U'９') ? s[k] - U'０' + U'0' : s[k];
      if (std::all_of(run.begin(), run.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; }))
        return run.size() > 4 ? 0 : std::stoi(to_utf8(run));
      if (std::optional<std::int64_t> v = cn::parse_cn_integer(run); v && *v > 0 && *v < 10000)
        return static_cast<int>(*v);
    }
  }
  return 0;
}

// What stands between the last 向 of `part` and the first of `ends` after it.
std::string addressee(const U& part, std::initializer_list<std::u32string_view> ends) {
  const std::size_t to = part.rfind(U'向');
  if (to == U::npos) return {};
  std::size_t end = part.size();
  for (std::u32string_view e : ends) end = std::min(end, part.find(e, to + 1));
  U out;
  for (std::size_t i = to + 1; i < end && i < part.size(); ++i)
    if (part[i] != U' ' && part[i] != U'\u3000' && part[i] != U'\t') out += part[i];
  return to_utf8(out);
}

std::string no_space(std::string s) {
  std::erase_if(s, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  return s;
}

bool names_one(const std::string& written, const std::vector<std::string>& names) {
  for (const std::string& n : names)
    if (!n.empty() && written.find(n) != std::string::npos) return true;
  return false;
}

// The text with spaces removed and the lines a PDF or a narrow cell broke
// inside a sentence joined ("…申请行政复\n议"): a line break stays only after
// sentence punctuation or an empty line.
U joined_lines(const std::string& text) {
  U out;
  for (char32_t c : decode_utf8(text)) {
    if (c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\r') continue;
    if (c == U'\n' && !out.empty()) {
      const char32_t last = out.back();
      if (last != U'。' && last != U'；' && last != U';' && last != U'：' && last != U':' &&
          last != U'\n')
        continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

RemedySentence read_remedy_sentence(const std::string& text) {
  const U s = joined_lines(text);
  const U review_word = U"行政复议", suit_word = U"行政诉讼";
  RemedySentence out;
  // The sentence that tells the remedy: it has 行政复议 and 不服 or 申请.
  std::size_t begin = 0, end = 0;
  bool found = false;
  while (begin < s.size()) {
    end = s.find_first_of(U"。\n", begin);
    if (end == U::npos) end = s.size();
    const U sentence = s.substr(begin, end - begin);
    if (sentence.find(review_word) != U::npos &&
        (sentence.find(U"不服") != U::npos || sentence.find(U"申请") != U::npos)) {
      found = true;
      break;
    }
    begin = end + 1;
  }
  if (!found) {
    // No review offered; a lawsuit may still be.
    begin = 0;
    end = s.find(suit_word);
    if (end == U::npos) return out;
    begin = s.find_last_of(U"。\n", end);
    begin = begin == U::npos ? 0 : begin + 1;
    end = s.find_first_of(U"。\n", end);
    if (end == U::npos) end = s.size();
  } else if (s.find(suit_word, begin) > end) {
    // The lawsuit in the next sentence.
    std::size_t next = std::min(end + 1, s.size());
    while (next < s.size() && s[next] == U'\n') ++next;
    const std::size_t next_end = s.find_first_of(U"。\n", next);
    const std::size_t stop = next_end == U::npos ? s.size() : next_end;
    if (end < s.size() && s.find(suit_word, end) < stop) end = stop;
  }
  const U region = s.substr(begin, end - begin);
  const std::size_t r = region.find(review_word), l = region.find(suit_word);
  U review, suit;
  if (r != U::npos && (l == U::npos || r < l)) {
    review = region.substr(0, r + review_word.size());
    if (l != U::npos) suit = region.substr(r + review_word.size(), l - r);
  } else if (l != U::npos) {
    suit = region.substr(0, l + suit_word.size());
    if (r != U::npos) review = region.substr(l + suit_word.size(), r - l);
  }
  if (!review.empty()) {
    out.review = true;
    out.review_part = to_utf8(review);
    out.review_body = addressee(review, {U"申请", U"行政复议"});
    out.review_days = number_before(review, {U"日", U"天"});
  }
  // A lawsuit clause against the review decision: look for a direct one
  // after it (…或者在六个月内直接向…提起行政诉讼) before taking it.
  if (!suit.empty() && suit.find(U"复议决定") != U::npos) {
    const std::size_t after =
        (r != U::npos && (l == U::npos || r < l)) ? l + suit_word.size() : U::npos;
    const std::size_t again = after == U::npos ? U::npos : region.find(suit_word, after);
    if (again != U::npos) {
      suit = region.substr(after, again + suit_word.size() - after);
    } else {
      out.litigation = true;
      out.after_review_only = true;
      out.litigation_part = to_utf8(suit);
      suit.clear();
    }
  }
  if (!suit.empty()) {
    out.litigation = true;
    out.litigation_part = to_utf8(suit);
    out.court = addressee(suit, {U"提起", U"起诉", U"行政诉讼"});
    out.litigation_months = number_before(suit, {U"个月"});
    if (out.litigation_months == 0 && suit.find(U"半年") != U::npos) out.litigation_months = 6;
  }
  return out;
}

std::vector<std::string> remedy_problems(const RemedySentence& s, const RemedyTable& t) {
  std::vector<std::string> out;
  if (!s.review) {
    out.push_back("未告知申请行政复议的途径和期限（应向" + t.review_bodies.front() + "申请，" +
                  std::to_string(t.review_days) + " 日内）");
  } else {
    const std::string written = no_space(s.review_body.empty() ? s.review_part : s.review_body);
    if (!names_one(written, t.review_bodies))
      out.push_back(s.review_body.empty()
                        ? "未写明行政复议机关（应为" + t.review_bodies.front() + "）"
                        : "行政复议机关写作“" + s.review_body + "”，应为" +
                              t.review_bodies.front());
    if (s.review_days == 0)
      out.push_back("未写明申请行政复议的期限（应为 " + std::to_string(t.review_days) + " 日）");
    else if (s.review_days != t.review_days)
      out.push_back("申请行政复议的期限写作 " + std::to_string(s.review_days) + " 日，应为 " +
                    std::to_string(t.review_days) + " 日");
  }
  if (s.after_review_only) {
    out.push_back("只告知了对行政复议决定不服再起诉的途径，未告知可在 " +
                  std::to_string(t.litigation_months) + " 个月内直接向" + t.courts.front() +
                  "提起行政诉讼");
  } else if (!s.litigation) {
    out.push_back("未告知提起行政诉讼的途径和期限（应向" + t.courts.front() + "起诉，" +
                  std::to_string(t.litigation_months) + " 个月内）");
  } else {
    const std::string written = no_space(s.court.empty() ? s.litigation_part : s.court);
    if (!names_one(written, t.courts))
      out.push_back(s.court.empty() ? "未写明管辖法院（应为" + t.courts.front() + "）"
                                    : "管辖法院写作“" + s.court + "”，应为" + t.courts.front());
    if (s.litigation_months == 0)
      out.push_back("未写明提起行政诉讼的期限（应为 " + std::to_string(t.litigation_months) +
                    " 个月）");
    else if (s.litigation_months != t.litigation_months)
      out.push_back("提起行政诉讼的期限写作 " + std::to_string(s.litigation_months) +
                    " 个月，应为 " + std::to_string(t.litigation_months) + " 个月");
  }
  return out;
}

Result<RemedyTable> load_remedy(const std::filesystem::path& file) {
  DataFile f;
  RemedyTable t;
  t.file = file.string();
  if (Status s = substance_xml::read(file, "remedy", f, t.sha256); !s.ok()) return Error{s.reason};
  const pugi::xml_node root = f.root();
  if (Status s = f.shape(root, {"id", "version", "name"}, {"review", "litigation"}); !s.ok())
    return Error{s.reason};
  if (Status s = f.text_attr(root, "id", t.id); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(root, "version", t.version); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(root, "name", t.name); !s.ok()) return Error{s.reason};
  const pugi::xml_node review = root.child("review"), suit = root.child("litigation");
  if (!review || !suit) return Error{f.where(root) + ": 须有 <review> 和 <litigation> 各一个"};
  if (review.next_sibling("review") || suit.next_sibling("litigation"))
    return Error{f.where(root) + ": <review> 和 <litigation> 只能各有一个"};
  std::string body, court;
  if (Status s = f.shape(review, {"body", "aliases", "days"}, {}); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(review, "body", body); !s.ok()) return Error{s.reason};
  if (Status s = f.int_attr(review, "days", t.review_days); !s.ok()) return Error{s.reason};
  if (t.review_days < 1) return Error{f.where(review) + ": days 须为正整数"};
  if (Status s = f.shape(suit, {"court", "aliases", "months"}, {}); !s.ok()) return Error{s.reason};
  if (Status s = f.text_attr(suit, "court", court); !s.ok()) return Error{s.reason};
  if (Status s = f.int_attr(suit, "months", t.litigation_months); !s.ok()) return Error{s.reason};
  if (t.litigation_months < 1) return Error{f.where(suit) + ": months 须为正整数"};
  t.review_bodies.push_back(no_space(body));
  for (const std::string& a : substance_xml::list_attr(review, "aliases"))
    t.review_bodies.push_back(no_space(a));
  t.courts.push_back(no_space(court));
  for (const std::string& a : substance_xml::list_attr(suit, "aliases"))
    t.courts.push_back(no_space(a));
  t.review_source = f.where(review);
  t.litigation_source = f.where(suit);
  return t;
}

std::shared_ptr<const RemedyTable> remedy_table_at(const std::string& path,
                                                   const std::string& sha256) {
  return substance_xml::cached<RemedyTable>(path, sha256, load_remedy);
}

}  // namespace auditor
