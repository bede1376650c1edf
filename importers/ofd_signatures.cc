#include "importers/ofd_signatures.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "importers/ofd_seal.h"
#include "importers/ofd_xml.h"
#include "util/hash.h"

namespace auditor::ofd {
namespace {

constexpr std::size_t kMaxSignatures = 1000;
constexpr std::size_t kMaxReferences = 20000;  // per signature

// Standard base64; whitespace is ignored. nullopt on any other stray byte.
std::optional<std::string> base64_decode(std::string_view in) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  bool padding = false;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+')
      v = 62;
    else if (c == '/')
      v = 63;
    else if (c == '=') {
      padding = true;
      continue;
    } else if (std::isspace(static_cast<unsigned char>(c)))
      continue;
    else
      return std::nullopt;
    if (padding) return std::nullopt;  // data after '='
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// OpenSSL digest name for a CheckMethod, or nullptr when unknown.
const char* digest_name(std::string_view method) {
  std::string m = trim(method);
  std::transform(m.begin(), m.end(), m.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  constexpr std::string_view kSm3Oid = "1.2.156.10197.1.401";
  if (m.empty() || m == "SM3" || m == kSm3Oid || m.rfind(std::string(kSm3Oid) + ".", 0) == 0)
    return "SM3";
  if (m == "SHA256" || m == "SHA-256" || m == "2.16.840.1.101.3.4.2.1") return "SHA256";
  return nullptr;
}

// Digests of member files, computed once per (file, algorithm).
class DigestCache {
 public:
  explicit DigestCache(OfdPackage& pkg) : pkg_(pkg) {}
  // nullopt when the file cannot be read or this OpenSSL lacks the algorithm.
  std::optional<std::string> digest(const std::string& path, const char* algorithm) {
    auto key = std::make_pair(path, std::string(algorithm));
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    std::optional<std::string> value;
    if (Result<std::string_view> bytes = pkg_.read(path)) {
      Hasher h(algorithm);
      h.update(*bytes);
      if (h.ok()) value = h.finish_raw();  // nullopt: this OpenSSL cannot check it
    }
    cache_.emplace(key, value);
    return value;
  }

 private:
  OfdPackage& pkg_;
  std::map<std::pair<std::string, std::string>, std::optional<std::string>> cache_;
};

// Counts the <Reference> entries of `refs` and how many digests match.
void check_references(OfdPackage& pkg, const std::string& sig_path, pugi::xml_node refs,
                      DigestCache& digests, Signature& s) {
  const char* algorithm = digest_name(attr(refs, "CheckMethod"));
  for (pugi::xml_node ref : children(refs, "Reference")) {
    ++s.references;
    if (!algorithm || static_cast<std::size_t>(s.references) > kMaxReferences) continue;
    std::optional<std::string> path = pkg.locate(sig_path, attr(ref, "FileRef"));
    std::optional<std::string> expected = base64_decode(trimmed_text(child(ref, "CheckValue")));
    if (!path || !expected || expected->empty()) continue;
    std::optional<std::string> actual = digests.digest(*path, algorithm);
    if (actual && *actual == *expected) ++s.digests_ok;
  }
}

// The seal name from Seal.esl, else from the seal embedded in SignedValue.
Text find_seal_name(OfdPackage& pkg, const std::string& sig_path, pugi::xml_node root,
                    pugi::xml_node info) {
  const pugi::xml_node seal = child(info, "Seal");
  std::string seal_loc = trimmed_text(child(seal, "BaseLoc"));
  if (seal_loc.empty()) seal_loc = attr(seal, "BaseLoc");
  for (const std::string& loc : {seal_loc, trimmed_text(child(root, "SignedValue"))}) {
    std::optional<std::string> path = pkg.locate(sig_path, loc);
    if (!path) continue;
    Result<std::string_view> der = pkg.read(*path);
    if (!der) continue;
    if (Text name = seal_name_from_der(*der)) return name;
  }
  return std::nullopt;
}

// Fills `s` from its Signature.xml; a Chinese reason when that file is
// missing or malformed.
std::optional<std::string> read_signature(OfdPackage& pkg, const std::string& list_path,
                                          pugi::xml_node entry, const PageNumbers& pages,
                                          DigestCache& digests, Signature& s) {
  const std::string loc = attr(entry, "BaseLoc");
  std::optional<std::string> path = pkg.locate(list_path, loc);
  if (!path) return "找不到签名文件 " + (loc.empty() ? std::string("（未写明位置）") : loc);
  Result<std::unique_ptr<pugi::xml_document>> xml = pkg.read_xml(*path);
  if (!xml) return xml.error();
  const pugi::xml_node root = (*xml)->document_element();
  const pugi::xml_node info = child(root, "SignedInfo");
  if (local_name(root) != "Signature" || !info) return *path + " 不是签名描述文件";

  const pugi::xml_node provider = child(info, "Provider");
  std::string name = trim(attr(provider, "ProviderName"));
  if (name.empty()) name = trimmed_text(child(provider, "ProviderName"));
  if (!name.empty()) s.provider = name;
  const std::string time = trimmed_text(child(info, "SignatureDateTime"));
  if (!time.empty()) s.time = time;
  for (pugi::xml_node stamp : children(info, "StampAnnot")) {
    auto it = pages.find(trim(attr(stamp, "PageRef")));
    if (it != pages.end()) {
      s.page = it->second;
      break;
    }
  }
  check_references(pkg, *path, child(info, "References"), digests, s);
  s.seal_name = find_seal_name(pkg, *path, root, info);
  return std::nullopt;
}

}  // namespace

void read_signatures(OfdPackage& pkg, const std::string& list_path, const PageNumbers& pages,
                     std::vector<Signature>& out, std::vector<std::string>& damage) {
  Result<std::unique_ptr<pugi::xml_document>> list = pkg.read_xml(list_path);
  if (!list) {
    damage.push_back("签名列表无法读取：" + list.error());
    return;
  }
  const std::vector<pugi::xml_node> entries = children((*list)->document_element(), "Signature");
  if (entries.size() > kMaxSignatures) {
    damage.push_back("签名列表 " + list_path + " 含 " + std::to_string(entries.size()) +
                     " 个签章，超过上限，未读取");
    return;
  }
  DigestCache digests(pkg);
  for (pugi::xml_node entry : entries) {
    Signature s;
    s.id = trim(attr(entry, "ID"));
    s.type = trim(attr(entry, "Type"));
    if (s.type.empty()) s.type = "Seal";
    if (std::optional<std::string> why = read_signature(pkg, list_path, entry, pages, digests, s))
      damage.push_back("签章 " + s.id + " 无法读取：" + *why);
    out.push_back(std::move(s));
  }
}

}  // namespace auditor::ofd
