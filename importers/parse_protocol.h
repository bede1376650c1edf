// The messages between the importers and their parse process
// (importers/sandbox.h, importers/parse_server/). Each message is a frame:
// an 8-byte little-endian payload length, then the payload. Integers are
// little-endian, a string is its u64 length and its bytes, an optional is a
// u8 (0 absent, 1 present) then the value. The process sends a hello frame
// once it is ready, then answers each request frame with one response frame.
// Decoding never trusts a length: a short or malformed payload is an error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auditor/model.h"
#include "importers/zip_reader.h"
#include "util/status.h"

namespace auditor {

// Raised whenever a message changes: the process and the program come from
// one build, but an installed tree could mix two.
inline constexpr std::uint32_t kParseProtocolVersion = 2;
inline constexpr std::size_t kFrameHeaderBytes = 8;
// The process's exit status when a request could not even be held in memory
// (it exits rather than answer in the middle of a request).
inline constexpr int kParseExitOutOfMemory = 4;

// No shared-memory offset: the bytes follow the request head.
inline constexpr std::uint64_t kInline = ~std::uint64_t{0};

// One document to parse. Its bytes follow the request head (`bytes` views
// the payload it was decoded from), or, when `shared` is not kInline, are
// `shared_size` bytes at that offset of the memory the program shares with
// the process: a large member (a scan) is copied once, not twice through
// the socket.
struct ParseRequest {
  std::string format;  // docx ofd pdf image (Document::format)
  // Requests of one group share one inflation budget, limits.max_total_bytes
  // (what was left of the archive's when the group was sent): the process
  // counts from zero when the group changes.
  std::uint64_t group = 0;
  ZipLimits limits;
  std::string_view bytes;
  std::uint64_t shared = kInline;
  std::uint64_t shared_size = 0;
  // 0: parse the document; N: read its page N by OCR instead
  // (importers/ocr.h), answered with that page's text and OcrPage.
  int ocr_page = 0;
};

enum class ParseOutcome : std::uint8_t {
  parsed = 0,         // status holds the parser's verdict (it may have failed)
  out_of_memory = 1,  // an allocation failed at the address-space limit
};

// What the process answers: the parser's Status and the Document fields a
// parser fills (text, has_text, title, pages, metadata, signatures, seal,
// ocr_pages without their cache key); path and format stay the caller's.
struct ParseResponse {
  ParseOutcome outcome = ParseOutcome::parsed;
  Status status;
  std::uint64_t inflated = 0;  // bytes this document inflated from its package (DOCX, OFD)
  bool retiring = false;       // the process exits after this answer
  // The process's CPU time so far (for the next document's CPU limit).
  std::uint64_t cpu_microseconds = 0;
  Document doc;
};

// Frames arriving on a byte stream, taken off the front in order. Its free
// space is not zero-filled: read() and recv() fill it.
class FrameReader {
 public:
  // At least `n` writable bytes after what arrived; then call added(). A
  // payload that cannot be held throws std::bad_alloc.
  char* space(std::size_t n);
  void added(std::size_t n) { end_ += n; }
  // The payload size the next frame announces, once its header is here.
  std::optional<std::uint64_t> next_size() const;
  // The next frame's payload once it is here whole; valid until space() or
  // pop().
  std::optional<std::string_view> next() const;
  // Bytes the next frame still lacks (at least its header's).
  std::uint64_t missing() const;
  // Drops the frame next() gave; gives back a large buffer once empty.
  void pop();

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0, start_ = 0, end_ = 0;
};

// The frame header of a payload of `size` bytes.
std::string frame_header(std::uint64_t size);
// The payload size a frame header announces.
std::uint64_t frame_size(std::string_view header);

// The hello payload, and whether a payload is the hello of this version.
std::string encode_hello();
bool is_hello(std::string_view payload);

// The request payload without its bytes: send this, then request.bytes
// (none when shared); its frame header is
// frame_header(head.size() + request.bytes.size()).
std::string encode_request_head(const ParseRequest& request);
Result<ParseRequest> decode_request(std::string_view payload);

std::string encode_response(const ParseResponse& response);
Result<ParseResponse> decode_response(std::string_view payload);

}  // namespace auditor
