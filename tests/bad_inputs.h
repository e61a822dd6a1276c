// The damaged, odd and huge inputs of the robustness tests, generated (no
// binary fixtures). robustness_test.cpp runs them through the library,
// cli_robustness_test.cpp through the built binary: the same inputs both ways.
#ifndef NOTICETAB_TESTS_BAD_INPUTS_H_
#define NOTICETAB_TESTS_BAD_INPUTS_H_

#include <unicode/ucnv.h>

#include <stdexcept>
#include <string>

namespace noticetab::testing {

/// UTF-8 -> charset with ICU.
inline std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("cannot encode as ") + charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

/// A Chinese numeral 1..99 as notices print them (十一, 二十, 九十九).
inline std::string CnNumeral(int n) {
  static const char* kDigit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigit[n];
  return std::string(n / 10 == 1 ? "" : kDigit[n / 10]) + "十" + kDigit[n % 10];
}

inline const std::string kTableHeader = "工作任务\t具体内容\t责任单位\t完成时限\n";

/// A small notice with a body (section on line 4, items on lines 5 and 6) and
/// a task table of two rows (lines 10 and 11), LF line ends.
inline const std::string kSmallNotice =
    "某某县人民政府办公室\n"
    "关于印发2023年某某县政务公开工作要点的通知\n"
    "\n"
    "一、推进决策公开\n"
    "（一）落实目录管理。年初公开目录。\n"
    "（二）推进政策解读。同步解读。\n"
    "\n"
    "附件\n" +
    kTableHeader +
    "推进决策公开\t落实目录管理。年初公开目录。\t县司法局、县发改局\t2023年6月底前\n"
    "推进决策公开\t推进政策解读。同步解读。\t县政府办公室\t2023年12月底前\n";

/// Text without a table or a numbered heading.
inline const std::string kPlainNotice =
    "关于做好政务公开工作的通知\n"
    "各单位要高度重视政务公开工作，认真抓好落实。\n"
    "请于年底前报送工作总结。\n";

/// Spaces, tabs, U+3000, U+00A0 and every kind of line end.
inline const std::string kWhitespaceOnly = " \t\n\n\xE3\x80\x80\r\n\xC2\xA0 \r   \n";

/// kSmallNotice with two invalid bytes on line 6, inside the second body item.
inline std::string InvalidUtf8Notice() {
  std::string bytes = kSmallNotice;
  bytes.insert(bytes.find("同步解读"), "\xFF\xC0");
  return bytes;
}

/// kSmallNotice in GB18030, cut in the middle of the last character (the 前
/// of 2023年12月底前 on line 11).
inline std::string TruncatedGb18030Notice() {
  const std::string full = Encode(kSmallNotice, "GB18030");
  return full.substr(0, full.size() - 2);
}

/// kSmallNotice with one NUL byte on line 5.
inline std::string NulNotice() {
  std::string bytes = kSmallNotice;
  bytes.insert(bytes.find("落实目录管理"), std::string(1, '\0'));
  return bytes;
}

/// A heading and then 4096 NULs (a download cut short): binary, not text.
inline std::string NulPadded() { return "一、甲\n" + std::string(4096, '\0'); }

/// kSmallNotice with LF, CR and CRLF line ends in turn. A CR is never followed
/// by the LF of the next (empty) line, which would make the two one CRLF.
inline std::string MixedLineEndsNotice() {
  std::string mixed;
  int n = 0;
  for (char c : kSmallNotice) {
    if (c != '\n') {
      mixed += c;
      continue;
    }
    mixed += (n % 3 == 0) ? "\n" : (n % 3 == 1) ? "\r" : "\r\n";
    ++n;
  }
  return mixed;
}

/// One line of at least `bytes` bytes: the heading 一、标题 and then body text.
inline std::string OneLineNotice(size_t bytes) {
  std::string line = "一、标题。";
  const std::string chunk = "各单位要高度重视政务公开工作，认真抓好落实，";
  while (line.size() < bytes) line += chunk;
  return line;
}

/// A section, an item, an annex and a task table of `rows` rows (lines 5 to
/// rows + 4), row i reading 第i项任务内容。 due 2023-06-30.
inline std::string TableNotice(int rows) {
  std::string text = "一、推进公开\n（一）做好公开工作。\n附件\n" + kTableHeader;
  for (int i = 1; i <= rows; ++i) {
    text += "推进公开\t第" + std::to_string(i) + "项任务内容。\t县局" + std::to_string(i % 7) +
            "办公室\t2023年6月底前\n";
  }
  return text;
}

/// `groups` x 4 heading lines, four numbering levels deep (一、 / （一） / 1. /
/// （1）), sections numbered 一 to 九十九 over and over, titled 第g部分.
inline std::string NestedHeadingsNotice(int groups) {
  std::string text;
  for (int g = 1; g <= groups; ++g) {
    text += CnNumeral((g - 1) % 99 + 1) + "、第" + std::to_string(g) + "部分\n";
    text += "（一）事项。内容。\n1.要求。\n（1）细则。\n";
  }
  return text;
}

}  // namespace noticetab::testing

#endif  // NOTICETAB_TESTS_BAD_INPUTS_H_
