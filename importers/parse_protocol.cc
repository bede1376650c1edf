#include "importers/parse_protocol.h"

#include <algorithm>
#include <limits>
#include <new>

namespace auditor {
namespace {

constexpr std::string_view kHello = "auditor-parse";

void put_u64(std::string& out, std::uint64_t v) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  out.append(bytes, sizeof bytes);
}
void put_u8(std::string& out, std::uint8_t v) { out += static_cast<char>(v); }
void put_str(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out += s;
}
void put_text(std::string& out, const Text& t) {
  put_u8(out, t ? 1 : 0);
  if (t) put_str(out, *t);
}
void put_int(std::string& out, std::optional<int> v) {
  put_u8(out, v ? 1 : 0);
  if (v) put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(*v)));
}

// Reads values off the front of a payload; after the first overrun every
// read yields a zero value and ok() stays false.
class Cursor {
 public:
  explicit Cursor(std::string_view rest) : rest_(rest) {}
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }

  std::uint64_t u64() {
    if (!take(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(taken_[i]);
    return v;
  }
  std::uint8_t u8() { return take(1) ? static_cast<std::uint8_t>(taken_[0]) : 0; }
  bool flag() {
    const std::uint8_t v = u8();
    if (v > 1) ok_ = false;
    return v == 1;
  }
  std::string_view view() {
    const std::uint64_t n = u64();
    return take(n) ? taken_ : std::string_view();
  }
  std::string str() { return std::string(view()); }
  Text text() { return flag() ? Text(str()) : std::nullopt; }
  std::optional<int> integer() {
    if (!flag()) return std::nullopt;
    const auto v = static_cast<std::int64_t>(u64());
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) ok_ = false;
    return static_cast<int>(v);
  }
  // A count of items each at least `min_item` bytes long: bounded by what is
  // left, so a forged count cannot make the caller reserve or loop for long.
  std::uint64_t count(std::size_t min_item) {
    const std::uint64_t n = u64();
    if (n > rest_.size() / min_item) ok_ = false;
    return ok_ ? n : 0;
  }

 private:
  bool take(std::uint64_t n) {
    if (!ok_ || n > rest_.size()) {
      ok_ = false;
      return false;
    }
    taken_ = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return true;
  }
  std::string_view rest_, taken_;
  bool ok_ = true;
};

void put_limits(std::string& out, const ZipLimits& l) {
  put_u64(out, l.max_entries);
  put_u64(out, l.max_member_bytes);
  put_u64(out, l.max_total_bytes);
  put_u64(out, l.max_ratio);
  put_u64(out, l.max_name_length);
}

ZipLimits get_limits(Cursor& in) {
  ZipLimits l;
  l.max_entries = in.u64();
  l.max_member_bytes = in.u64();
  l.max_total_bytes = in.u64();
  l.max_ratio = in.u64();
  l.max_name_length = in.u64();
  return l;
}

void put_signature(std::string& out, const Signature& s) {
  put_str(out, s.id);
  put_str(out, s.type);
  put_int(out, s.page);
  put_text(out, s.time);
  put_text(out, s.provider);
  put_text(out, s.seal_name);
  put_int(out, s.references);
  put_int(out, s.digests_ok);
}

Signature get_signature(Cursor& in) {
  Signature s;
  s.id = in.str();
  s.type = in.str();
  s.page = in.integer();
  s.time = in.text();
  s.provider = in.text();
  s.seal_name = in.text();
  s.references = in.integer().value_or(0);
  s.digests_ok = in.integer().value_or(0);
  return s;
}

// An OCR page (model.h) without its cache key, which stays with the caller.
void put_ocr_page(std::string& out, const OcrPage& p) {
  put_u64(out, static_cast<std::uint64_t>(p.page));
  put_u8(out, static_cast<std::uint8_t>(std::clamp(p.confidence, 0, 100)));
  put_u64(out, static_cast<std::uint64_t>(p.rotation));
  put_u64(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(p.skew * 1000)));
  put_u64(out, p.begin);
  put_u64(out, p.end);
  put_u64(out, p.lines.size());
  for (const OcrLine& l : p.lines) {
    put_u64(out, l.end);
    put_u8(out, static_cast<std::uint8_t>(std::clamp(l.confidence, 0, 100)));
  }
}

// Ranges that lie within the text and lines in order within their page, or
// in.ok() turns false.
OcrPage get_ocr_page(Cursor& in, std::size_t text_size) {
  OcrPage p;
  const std::uint64_t page = in.u64();
  p.confidence = in.u8();
  const std::uint64_t rotation = in.u64();
  p.skew = static_cast<double>(static_cast<std::int64_t>(in.u64())) / 1000;
  p.begin = in.u64();
  p.end = in.u64();
  const bool fits = page >= 1 && page <= (1u << 30) && rotation < 360 && p.begin <= p.end &&
                    p.end <= text_size && p.confidence <= 100;
  p.page = fits ? static_cast<int>(page) : 0;
  p.rotation = fits ? static_cast<int>(rotation) : 0;
  std::uint64_t last = 0;
  for (std::uint64_t n = in.count(9); n > 0 && in.ok(); --n) {
    const std::uint64_t end = in.u64();
    const std::uint8_t confidence = in.u8();
    if (end < last || end > p.end - p.begin || confidence > 100) return OcrPage{};
    last = end;
    p.lines.push_back({static_cast<std::uint32_t>(end), confidence});
  }
  return fits ? p : OcrPage{};
}

Error malformed(const char* what) {
  return Error{std::string("解析进程的") + what + "格式错误", Code::internal};
}

}  // namespace

char* FrameReader::space(std::size_t n) {
  if (capacity_ - end_ >= n) return data_.get() + end_;
  const std::size_t held = end_ - start_;
  if (capacity_ - held < n) {  // grow: at least double, to amortise
    if (n > std::numeric_limits<std::size_t>::max() / 2 - held) throw std::bad_alloc();
    const std::size_t capacity = std::max(held + n, 2 * capacity_);
    std::unique_ptr<char[]> data(new char[capacity]);
    std::copy(data_.get() + start_, data_.get() + end_, data.get());
    data_ = std::move(data);
    capacity_ = capacity;
  } else {  // room once the frames already taken are dropped
    std::copy(data_.get() + start_, data_.get() + end_, data_.get());
  }
  start_ = 0;
  end_ = held;
  return data_.get() + end_;
}

std::optional<std::uint64_t> FrameReader::next_size() const {
  if (end_ - start_ < kFrameHeaderBytes) return std::nullopt;
  return frame_size(std::string_view(data_.get() + start_, kFrameHeaderBytes));
}

std::optional<std::string_view> FrameReader::next() const {
  const std::optional<std::uint64_t> size = next_size();
  if (!size || end_ - start_ - kFrameHeaderBytes < *size) return std::nullopt;
  return std::string_view(data_.get() + start_ + kFrameHeaderBytes, *size);
}

std::uint64_t FrameReader::missing() const {
  const std::uint64_t held = end_ - start_;
  const std::optional<std::uint64_t> size = next_size();
  if (!size) return kFrameHeaderBytes - held;
  const std::uint64_t whole = kFrameHeaderBytes + *size;
  return whole < kFrameHeaderBytes || held >= whole ? 0 : whole - held;
}

void FrameReader::pop() {
  start_ += kFrameHeaderBytes + *next_size();
  if (start_ < end_) return;
  start_ = end_ = 0;
  constexpr std::size_t kKept = 1 << 20;
  if (capacity_ > kKept) {
    data_.reset();
    capacity_ = 0;
  }
}

std::string frame_header(std::uint64_t size) {
  std::string out;
  put_u64(out, size);
  return out;
}

std::uint64_t frame_size(std::string_view header) { return Cursor(header).u64(); }

std::string encode_hello() {
  std::string out(kHello);
  put_u64(out, kParseProtocolVersion);
  return out;
}

bool is_hello(std::string_view payload) { return payload == encode_hello(); }

std::string encode_request_head(const ParseRequest& request) {
  std::string out;
  put_str(out, request.format);
  put_u64(out, request.group);
  put_limits(out, request.limits);
  put_u64(out, static_cast<std::uint64_t>(request.ocr_page));
  put_u64(out, request.shared);
  if (request.shared != kInline) put_u64(out, request.shared_size);
  put_u64(out, request.bytes.size());
  return out;
}

Result<ParseRequest> decode_request(std::string_view payload) {
  Cursor in(payload);
  ParseRequest r;
  r.format = in.str();
  r.group = in.u64();
  r.limits = get_limits(in);
  const std::uint64_t ocr_page = in.u64();
  r.ocr_page = ocr_page <= (1u << 30) ? static_cast<int>(ocr_page) : -1;
  r.shared = in.u64();
  if (r.shared != kInline) r.shared_size = in.u64();
  r.bytes = in.view();
  if (!in.ok() || !in.at_end() || (r.shared != kInline && !r.bytes.empty()) || r.ocr_page < 0)
    return malformed("请求");
  return r;
}

std::string encode_response(const ParseResponse& response) {
  std::string out;
  const Document& d = response.doc;
  std::size_t size = 128 + response.status.reason.size() + d.title.size() + d.text.size();
  for (const auto& [key, value] : d.metadata) size += 16 + key.size() + value.size();
  for (const Signature& s : d.signatures)
    size += 128 + s.id.size() + s.type.size() + s.time.value_or("").size() +
            s.provider.value_or("").size() + s.seal_name.value_or("").size();
  out.reserve(size);
  put_u8(out, static_cast<std::uint8_t>(response.outcome));
  put_u8(out, static_cast<std::uint8_t>(response.status.code));
  put_str(out, response.status.reason);
  put_u64(out, response.inflated);
  put_u8(out, response.retiring ? 1 : 0);
  put_u64(out, response.cpu_microseconds);
  put_u8(out, d.has_text ? 1 : 0);
  put_int(out, d.pages);
  put_str(out, d.title);
  put_str(out, d.text);
  put_text(out, d.seal);
  put_u64(out, d.metadata.size());
  for (const auto& [key, value] : d.metadata) {
    put_str(out, key);
    put_str(out, value);
  }
  put_u64(out, d.signatures.size());
  for (const Signature& s : d.signatures) put_signature(out, s);
  put_u64(out, d.ocr_pages.size());
  for (const OcrPage& p : d.ocr_pages) put_ocr_page(out, p);
  return out;
}

Result<ParseResponse> decode_response(std::string_view payload) {
  Cursor in(payload);
  ParseResponse r;
  const std::uint8_t outcome = in.u8();
  const std::uint8_t code = in.u8();
  if (outcome > static_cast<std::uint8_t>(ParseOutcome::out_of_memory) ||
      code > static_cast<std::uint8_t>(Code::internal))
    return malformed("应答");
  r.outcome = static_cast<ParseOutcome>(outcome);
  r.status.code = static_cast<Code>(code);
  r.status.reason = in.str();
  r.inflated = in.u64();
  r.retiring = in.flag();
  r.cpu_microseconds = in.u64();
  Document& d = r.doc;
  d.has_text = in.flag();
  d.pages = in.integer();
  d.title = in.str();
  d.text = in.str();
  d.seal = in.text();
  // A metadata entry is two strings (16 bytes at least), a signature eight
  // fields (20 bytes at least).
  for (std::uint64_t n = in.count(16); n > 0 && in.ok(); --n) {
    std::string key = in.str();
    d.metadata[std::move(key)] = in.str();
  }
  for (std::uint64_t n = in.count(20); n > 0 && in.ok(); --n)
    d.signatures.push_back(get_signature(in));
  // An OCR page is 49 bytes at least.
  for (std::uint64_t n = in.count(49); n > 0 && in.ok(); --n) {
    d.ocr_pages.push_back(get_ocr_page(in, d.text.size()));
    if (d.ocr_pages.back().page == 0) return malformed("应答");
  }
  if (!in.ok() || !in.at_end()) return malformed("应答");
  return r;
}

}  // namespace auditor
