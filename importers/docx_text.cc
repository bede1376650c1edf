#include "importers/docx_text.h"

#include "importers/doc_limits.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace auditor {
namespace {

constexpr int kMaxDepth = 256;

std::string_view local_name(const pugi::xml_node& n) { return xml_local_name(n.name()); }

// Value of the attribute whose local name is `name`, or "".
std::string_view attribute(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
    if (xml_local_name(a.name()) == name) return a.value();
  return {};
}

// Markup that never carries visible text of its own: properties, deleted
// and moved-away runs, field codes, content-control settings.
bool skipped(std::string_view name) {
  static constexpr std::string_view kSkip[] = {
      "pPr",     "rPr",      "tblPr",     "trPr",         "tcPr",  "sectPr",   "tblGrid", "del",
      "delText", "moveFrom", "instrText", "delInstrText", "sdtPr", "sdtEndPr", "fldData"};
  for (std::string_view s : kSkip)
    if (name == s) return true;
  return false;
}

// Collapses the lines of a sub-part (table cell) onto one line.
std::string one_line(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

// An on/off property (w:pageBreakBefore): on unless its val says off.
bool on(const pugi::xml_node& n) {
  const std::string_view v = attribute(n, "val");
  return n && v != "0" && v != "false" && v != "off";
}

pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (local_name(c) == name) return c;
  return {};
}

class Walker {
 public:
  // The walker of a part's body marks page starts; those of cells and text
  // boxes do not (their text is folded into one line or moved).
  explicit Walker(bool marks_pages = false) : marks_pages_(marks_pages) {}

  WordText finish() {
    flush_boxes();
    return {std::move(out_), truncated_, full_};
  }

  void walk_children(const pugi::xml_node& n, int depth) {
    if (depth > kMaxDepth) {
      truncated_ = true;
      return;
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) element(c, depth + 1);
  }

 private:
  void element(const pugi::xml_node& n, int depth) {
    const std::string_view name = local_name(n);
    if (skipped(name)) return;
    if (name == "t") {
      if (!in_field_code()) put(n.child_value());
    } else if (name == "tab" || name == "ptab") {
      if (!in_field_code()) out_ += '\t';
    } else if (name == "br" || name == "cr") {
      if (!in_field_code()) {
        if (name == "br" && attribute(n, "type") == "page") page_break();
        out_ += '\n';
      }
    } else if (name == "noBreakHyphen") {
      if (!in_field_code()) out_ += '-';
    } else if (name == "fldChar") {
      field_char(attribute(n, "fldCharType"));
    } else if (name == "p") {
      const pugi::xml_node props = child_named(n, "pPr");
      if (on(child_named(props, "pageBreakBefore"))) page_break();
      line_start();
      walk_children(n, depth);
      out_ += '\n';
      flush_boxes();
      // A section ends here; the next one starts on a new page unless continuous.
      if (const pugi::xml_node sect = child_named(props, "sectPr"))
        if (attribute(child_named(sect, "type"), "val") != "continuous") page_break();
    } else if (name == "tbl") {
      walk_children(n, depth);
    } else if (name == "tr") {
      line_start();
      row(n, depth);
    } else if (name == "txbxContent") {
      Walker box;
      box.walk_children(n, depth);
      WordText t = box.finish();
      boxes_ += t.text;
      truncated_ |= t.truncated;
      full_ |= t.full;
    } else if (name == "AlternateContent") {
      alternate(n, depth);
    } else {
      walk_children(n, depth);  // runs, hyperlinks, w:ins, sdt, fldSimple, drawings...
    }
  }

  // Cells joined by tabs on one line; a cell's own lines joined by spaces.
  void row(const pugi::xml_node& tr, int depth) {
    bool first = true;
    for (pugi::xml_node c = tr.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) == "tc") {
        Walker cell;
        cell.walk_children(c, depth + 1);
        WordText t = cell.finish();
        truncated_ |= t.truncated;
        full_ |= t.full;
        if (!first) out_ += '\t';
        put(one_line(std::move(t.text)));
        first = false;
      } else if (c.type() == pugi::node_element) {
        element(c, depth + 1);  // sdt or ins around cells, bookmarks
      }
    }
    out_ += '\n';
  }

  // A shape is stored twice (mc:Choice for Word 2010+, mc:Fallback VML for
  // older readers): read the first Choice only, the Fallback when none.
  void alternate(const pugi::xml_node& n, int depth) {
    pugi::xml_node fallback;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) == "Choice") return walk_children(c, depth + 1);
      if (local_name(c) == "Fallback") fallback = c;
    }
    if (fallback) walk_children(fallback, depth + 1);
  }

  // Complex fields: begin, instruction (skipped), separate, result, end.
  // Fields nest; text is in a code part while any open field is.
  void field_char(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(true);
      ++open_codes_;
    } else if (type == "separate" && !fields_.empty() && fields_.back()) {
      fields_.back() = false;
      --open_codes_;
    } else if (type == "end" && !fields_.empty()) {
      if (fields_.back()) --open_codes_;
      fields_.pop_back();
    }
  }

  // A page break (w:br type="page", pageBreakBefore, a section end): the
  // next line starts with '\f' (docs/formats/docx.md), this one when
  // nothing of it has been written yet. Not before the first line.
  void page_break() {
    if (!marks_pages_) return;
    pending_page_ = true;
    if (out_.size() == line_start_) line_start();
  }
  void line_start() {
    if (pending_page_ && !out_.empty() && out_.back() == '\n') {
      out_ += '\f';
      pending_page_ = false;
    }
    line_start_ = out_.size();
  }

  // Constant time: a document may open thousands of fields.
  bool in_field_code() const { return open_codes_ > 0; }

  // Text boxes go after the paragraph that anchors them.
  void flush_boxes() {
    put(boxes_);
    boxes_.clear();
  }

  // Characters of the text up to kMaxTextBytes (cut at a character
  // boundary); the rest is dropped.
  void put(std::string_view s) {
    const std::size_t room = kMaxTextBytes - std::min(out_.size(), kMaxTextBytes);
    if (s.size() > room) {
      full_ = true;
      std::size_t cut = room;
      while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
      s = s.substr(0, cut);
    }
    out_ += s;
  }

  std::string out_;
  std::string boxes_;
  std::vector<bool> fields_;    // per open field: still in its instruction part
  std::size_t open_codes_ = 0;  // how many of fields_ are true
  bool truncated_ = false;
  bool full_ = false;
  const bool marks_pages_;
  bool pending_page_ = false;
  std::size_t line_start_ = 0;  // where the current line began in out_
};

}  // namespace

std::string_view xml_local_name(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

WordText wordml_text(const pugi::xml_node& root) {
  Walker w(true);
  w.walk_children(root, 0);
  return w.finish();
}

}  // namespace auditor
