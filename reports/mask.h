// Masking of personal data in what the tool publishes (the typical-case
// compilation, docs/formats/typical.md). One function, mask_text, is applied
// to every string that goes into such a document:
//
// - each known name (the party, and the other persons the case's documents
//   name under a label such as 法定代表人 or 被询问人) → its masked form:
//   a person keeps the surname (张某某, 欧阳某某), an organisation its place
//   prefix and its trade and legal form (广州市海珠区某某餐饮管理有限公司);
//   the organisation's own word (字号) alone → 某某;
// - 18-character ID numbers and credit codes, 15-digit IDs and registration
//   numbers → ＊＊＊;
// - mobile numbers (11 digits from 13–19, with +86 or separators), landlines
//   (0 + area code + 7–8 digits) and any number after a phone label (电话,
//   手机, 联系方式, 传真) → ＊＊＊;
// - an address after 住址/地址/住所/家庭住址/居住地/户籍地/经营地址 (or 住 before a
//   place) cut after its district (广州市海珠区).
//
// Officers' names and certificate numbers are not masked: they are public
// officials acting in office. Case and document numbers carry no personal
// data and pass unchanged. Text without any of the above is returned as it
// was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace auditor {

struct MaskTerms {
  // Names of persons and organisations to mask (a name of at most four Han
  // characters and no organisation word is a person's).
  std::vector<std::string> names;
};

// Whether `name` is taken for a natural person's name.
bool is_person_name(std::string_view name);

// The masked form of one name: 张某某 / 欧阳某某 for a person, place prefix +
// 某某 + trade and legal form for an organisation (广州市某某五金店).
std::string masked_name(std::string_view name);

// The names the labels of `text` introduce (法定代表人, 负责人, 被询问人,
// 委托代理人, 代理人, 见证人, 收件人, 受送达人, 签收人, 经营者, 联系人, 当事人):
// 2–4 Han characters after the label (and a colon, tab or spaces).
std::vector<std::string> names_after_labels(std::string_view text);

// `text` with the personal data above masked (see the top of this file).
std::string mask_text(std::string_view text, const MaskTerms& terms);

}  // namespace auditor
