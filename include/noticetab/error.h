// The one error type of the library. The library throws or returns it; only
// the CLI's main prints it and maps it to an exit code. Each public header
// says which of its functions throw it, and with which Kind: kInput (an input
// that cannot be read), kRules (a rules file, or a rules pattern that passes
// its time or backtracking limit), kUsage (options that are wrong or do not
// fit together), kOutput (an output that cannot be written). The Code says more where a caller may
// word the fix in its own terms (src/cli/report.cpp maps codes to the CLI's
// flags). Nothing in this header throws.
#ifndef NOTICETAB_ERROR_H_
#define NOTICETAB_ERROR_H_

#include <stdexcept>
#include <string>
#include <string_view>

namespace noticetab {

/// An error with an optional position. line/col are 1-based; 0 = unknown.
class Error : public std::runtime_error {
 public:
  enum class Kind { kInput, kRules, kUsage, kOutput };
  /// Facts a caller may word in its own terms (the CLI names the option to
  /// change); message() says the same without naming any option. value() is
  /// the offending value (a format, a number) where there is one.
  enum class Code {
    kNone,
    kDirectoryNotRecursive,  ///< a directory given without BatchOptions::recursive
    kStdinToOutputDir,       ///< "-" with one output per input: stdin has no name
    kByUnitFormat,           ///< BatchView::kByUnit with a format it does not write
    kUnitSummaryFormat,      ///< BatchView::kUnitSummary with a format it does not write
    kOutputEncoding,         ///< an unknown BatchOptions::encoding
    kEncodingOfBinary,       ///< an output encoding for a binary format (xlsx)
    kJobs,                   ///< BatchOptions::jobs below 0
    kTooLarge,               ///< an input over LoadOptions::max_size; value: "SIZE\tLIMIT"
  };
  Error(Kind kind, std::string message, std::string file = {}, int line = 0,
        int col = 0, std::string source_line = {});
  /// The same error carrying `code` and `value`.
  Error WithCode(Code code, std::string value = {}) &&;

  Kind kind() const { return kind_; }
  Code code() const { return code_; }
  const std::string& value() const { return value_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int col() const { return col_; }

  /// "file:line:col: message", plus the offending line and a caret when known.
  std::string Format() const;

 private:
  Kind kind_;
  Code code_ = Code::kNone;
  std::string value_;
  std::string message_, file_;
  int line_, col_;
  std::string source_line_;
};

/// A file name as messages show it: unchanged when it has no control
/// characters; else in single quotes with them escaped, as GNU ls -b does
/// ('a\nb.txt', '\x1b[31m.txt'), so a name cannot forge a line or a colour.
std::string QuoteName(std::string_view name);

}  // namespace noticetab

#endif  // NOTICETAB_ERROR_H_
