#include "noticetab/error.h"

#include <utility>

#include "noticetab/text.h"

namespace noticetab {

std::string QuoteName(std::string_view name) {
  bool plain = true;
  for (const char c : name) plain = plain && !(static_cast<unsigned char>(c) < 0x20 || c == 0x7f);
  if (plain) return std::string(name);
  std::string out = "'";
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[u >> 4];
          out += kHex[u & 15];
        } else {
          out += c;
        }
    }
  }
  return out + "'";
}

namespace {

// "file:line:col: message"; parts that are unknown are left out.
std::string Header(const std::string& message, const std::string& file, int line, int col) {
  std::string out;
  if (!file.empty()) out += QuoteName(file) + ":";
  if (line > 0) {
    out += std::to_string(line) + ":";
    if (col > 0) out += std::to_string(col) + ":";
  }
  if (!out.empty()) out += " ";
  return out + message;
}

}  // namespace

// what() carries the one-line form so a generic std::exception handler still
// prints the position.
Error::Error(Kind kind, std::string message, std::string file, int line, int col,
             std::string source_line)
    : std::runtime_error(Header(message, file, line, col)),
      kind_(kind),
      message_(std::move(message)),
      file_(std::move(file)),
      line_(line),
      col_(col),
      source_line_(std::move(source_line)) {}

Error Error::WithCode(Code code, std::string value) && {
  code_ = code;
  value_ = std::move(value);
  return std::move(*this);
}

std::string Error::Format() const {
  std::string out = what();
  if (source_line_.empty()) return out;
  out += "\n" + source_line_;
  if (col_ <= 0) return out;
  // Pad by display width, not bytes or code points, so the caret sits under
  // the column in a terminal; tabs are copied to expand the same way.
  std::string pad;
  size_t i = 0;
  for (int n = 1; n < col_; ++n) {
    if (i >= source_line_.size()) {
      pad += ' ';  // the column is past the end of the line (e.g. at the newline)
      continue;
    }
    const char32_t c = NextChar(source_line_, i);
    if (c == '\t') {
      pad += '\t';
    } else {
      pad.append(static_cast<size_t>(ColumnWidth(c)), ' ');
    }
  }
  return out + "\n" + pad + "^";
}

}  // namespace noticetab
