#include "noticetab/load.h"

#include <unicode/ucnv.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/rules.h"

using noticetab::Decode;
using noticetab::Error;
using noticetab::Source;

namespace {

const std::string kSourceDir = NOTICETAB_SOURCE_DIR;

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// UTF-8 -> charset with ICU, so the tests need no binary fixtures.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// The message of the Error that decoding `bytes` throws ("" if none).
std::string DecodeError(const std::string& bytes) {
  try {
    Decode(bytes, "in.txt");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kInput);
    CHECK(e.file() == "in.txt");
    return e.message();
  }
  return "";
}

const std::string kNotice =
    "招远市人民政府办公室\n关于印发2023年工作要点的通知\n（一）加强政策解读。\n";

}  // namespace

TEST_CASE("UTF-8 input keeps its text and gets a line index", "[load]") {
  const Source s = Decode(kNotice, "a.txt");
  CHECK(s.name() == "a.txt");
  CHECK(s.encoding() == "UTF-8");
  CHECK(s.text() == kNotice);
  REQUIRE(s.line_count() == 3);
  CHECK(s.Line(1) == "招远市人民政府办公室");
  CHECK(s.Line(3) == "（一）加强政策解读。");
  CHECK(s.warnings.empty());
}

TEST_CASE("line index edge cases", "[load]") {
  CHECK(Decode("", "e").line_count() == 0);
  CHECK(Decode("", "e").encoding() == "UTF-8");
  CHECK(Decode("\n", "e").line_count() == 1);
  CHECK(Decode("a", "e").line_count() == 1);
  const Source s = Decode("a\n\nb", "e");
  REQUIRE(s.line_count() == 3);
  CHECK(s.Line(2).empty());
  CHECK(s.Line(3) == "b");
  CHECK(Decode("a\n\n", "e").line_count() == 2);
}

TEST_CASE("line views survive moving the Source", "[load]") {
  Source a = Decode("短\n行", "m");  // short enough for the small-string buffer
  const Source b = std::move(a);
  CHECK(b.Line(2) == "行");
}

TEST_CASE("a UTF-8 BOM is stripped", "[load]") {
  const Source s = Decode("\xEF\xBB\xBF" + kNotice, "bom.txt");
  CHECK(s.encoding() == "UTF-8");
  CHECK(s.text() == kNotice);
}

TEST_CASE("CRLF and lone CR become LF", "[load]") {
  CHECK(Decode("a\r\nb\rc\r\n\r\nd\r", "x").text() == "a\nb\nc\n\nd\n");
  CHECK(Decode("a\r\nb\rc", "x").line_count() == 3);
}

TEST_CASE("UTF-16 with a BOM", "[load]") {
  const Source le = Decode("\xFF\xFE" + Encode(kNotice, "UTF-16LE"), "le.txt");
  CHECK(le.encoding() == "UTF-16LE");
  CHECK(le.text() == kNotice);
  const Source be = Decode("\xFE\xFF" + Encode(kNotice, "UTF-16BE"), "be.txt");
  CHECK(be.encoding() == "UTF-16BE");
  CHECK(be.text() == kNotice);
  // Supplementary characters arrive as surrogate pairs.
  CHECK(Decode("\xFF\xFE" + Encode("\U00020000\r\n", "UTF-16LE"), "x").text() == "\U00020000\n");
}

TEST_CASE("UTF-16 without a BOM is recognised from its NULs", "[load]") {
  const Source le = Decode(Encode(kNotice, "UTF-16LE"), "le.txt");
  CHECK(le.encoding() == "UTF-16LE");
  CHECK(le.text() == kNotice);
  const Source be = Decode(Encode(kNotice, "UTF-16BE"), "be.txt");
  CHECK(be.encoding() == "UTF-16BE");
  CHECK(be.text() == kNotice);
  const Source ascii = Decode(Encode("Work plan 2023\r\n", "UTF-16LE"), "a.txt");
  CHECK(ascii.encoding() == "UTF-16LE");
  CHECK(ascii.text() == "Work plan 2023\n");
}

TEST_CASE("GB18030 is the fallback for non-UTF-8 bytes", "[load]") {
  const Source s = Decode(Encode(kNotice, "GB18030"), "gb.txt");
  CHECK(s.encoding() == "GB18030");
  CHECK(s.text() == kNotice);
  CHECK(s.warnings.empty());
  // Four-byte GB18030 sequences decode too (U+20000 is 95 32 82 36).
  CHECK(Decode("\x95\x32\x82\x36\xD6\xD0", "gb.txt").text() == "\U00020000中");
}

TEST_CASE("truncated GB18030 is repaired with a warning", "[load]") {
  const std::string bytes = Encode("第一行\n第二行\n", "GB18030") + "\xD6";
  const Source s = Decode(bytes, "gb.txt");
  CHECK(s.encoding() == "GB18030");
  CHECK(s.text() == "第一行\n第二行\n\uFFFD");
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "line 3: invalid GB18030 bytes replaced with U+FFFD");
}

TEST_CASE("invalid bytes in mostly-UTF-8 text are replaced, not re-decoded", "[load]") {
  const std::string bytes = kNotice + "第四行\r\n坏\xFF字节\n" + kNotice;
  const Source s = Decode(bytes, "bad.txt");
  CHECK(s.encoding() == "UTF-8");
  CHECK(s.Line(5) == "坏\uFFFD字节");
  CHECK(s.Line(1) == "招远市人民政府办公室");
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "line 5: invalid UTF-8 bytes replaced with U+FFFD");
  // Several bad places: the first line is named and the count is given.
  const Source t = Decode(kNotice + "好\xC0\n" + kNotice + "好\xFE\n", "bad.txt");
  CHECK(t.encoding() == "UTF-8");
  REQUIRE(t.warnings.size() == 1);
  CHECK(t.warnings[0] == "line 4: invalid UTF-8 bytes replaced with U+FFFD (2 places)");
  // Mostly invalid is not damaged UTF-8 but another encoding.
  CHECK(Decode("好\xC0\n好\xFE\n", "gb.txt").encoding() == "GB18030");
}

TEST_CASE("binary files are refused with what they look like", "[load]") {
  CHECK(DecodeError("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") == "not text (looks like PNG image)");
  CHECK(DecodeError("\xFF\xD8\xFF\xE0") == "not text (looks like JPEG image)");
  CHECK(DecodeError("GIF89a....") == "not text (looks like GIF image)");
  // A PDF is read by the native PDF reader; a header alone is a damaged PDF.
  CHECK(DecodeError("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").rfind("cannot read this PDF (pdftotext", 0) == 0);
  CHECK(DecodeError("PK\x03\x04\x14\0\x06\0").find("ZIP") != std::string::npos);
  CHECK(DecodeError("\x7F\x45LF\x02\x01\x01") == "not text (looks like ELF executable)");
  CHECK(DecodeError("\x1F\x8B\x08\0") == "not text (looks like gzip data)");
}

TEST_CASE("NUL bytes: a few are stripped, many mean binary", "[load]") {
  std::string bytes = kNotice + kNotice + kNotice;  // > 100 bytes, so one NUL is < 1%
  bytes.insert(bytes.find("关于"), 1, '\0');
  const Source s = Decode(bytes, "nul.txt");
  CHECK(s.text() == kNotice + kNotice + kNotice);
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0] == "line 2: 1 NUL byte(s) removed");

  std::string binary;
  for (int i = 0; i < 64; ++i) binary += std::string("\x01\x02\0\xFF\xFE\x80\0\0", 8);
  CHECK(DecodeError(binary) == "not text (contains NUL bytes)");
  CHECK(DecodeError(std::string("abc\0\0\0def", 9)) == "not text (contains NUL bytes)");
}

TEST_CASE("LoadFile reports unreadable paths", "[load]") {
  const std::string missing = kSourceDir + "/tests/data/no-such-file.txt";
  try {
    noticetab::LoadFile(missing);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kInput);
    CHECK(e.file() == missing);
    CHECK(e.message() == "cannot read: No such file or directory");
  }
  try {
    noticetab::LoadFile(kSourceDir + "/tests");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "cannot read: is a directory");
  }
}

TEST_CASE("LoadFile reads files and stdin", "[load]") {
  const std::string path = kSourceDir + "/samples/zhaoyuan-2023.txt";
  const Source s = noticetab::LoadFile(path);
  CHECK(s.name() == path);
  CHECK(s.encoding() == "UTF-8");
  CHECK(s.text() == ReadBytes(path));
  CHECK(s.Line(3) == "招远市人民政府办公室文件");

  const std::string gb = kSourceDir + "/tests/data/encodings/zhaoyuan-2023.gb18030.txt";
  REQUIRE(std::freopen(gb.c_str(), "rb", stdin) != nullptr);
  const Source in = noticetab::LoadFile("-");
  CHECK(in.name() == "-");
  CHECK(in.encoding() == "GB18030");
  CHECK(in.text() == s.text());

  const auto empty = std::filesystem::temp_directory_path() / "noticetab_load_test_empty.txt";
  std::ofstream(empty).close();
  const Source e = noticetab::LoadFile(empty.string());
  CHECK(e.line_count() == 0);
  CHECK(e.encoding() == "UTF-8");
  std::filesystem::remove(empty);
}

TEST_CASE("LoadFile refuses a file over max_size before reading it", "[load]") {
  const auto path = std::filesystem::temp_directory_path() / "noticetab_load_test_max_size.txt";
  std::ofstream(path) << std::string(3000, 'a');
  CHECK(noticetab::LoadFile(path.string(), 3000).text().size() == 3000);
  CHECK(noticetab::LoadFile(path.string(), 0).text().size() == 3000);
  try {
    noticetab::LoadFile(path.string(), 2048);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::kInput);
    CHECK(e.file() == path.string());
    CHECK(e.message() == "too large (2.9 KiB; the limit is 2 KiB)");
    CHECK(e.code() == noticetab::Error::Code::kTooLarge);
  }
  // Sizes that round alike show their bytes.
  std::filesystem::resize_file(path, 2049);
  try {
    noticetab::LoadFile(path.string(), 2048);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.message() == "too large (2049 bytes; the limit is 2048 bytes)");
  }
  std::filesystem::remove(path);
}

TEST_CASE("ParseSize and FormatSize", "[load]") {
  using noticetab::FormatSize;
  using noticetab::ParseSize;
  CHECK(ParseSize("0") == 0u);
  CHECK(ParseSize("1500") == 1500u);
  CHECK(ParseSize("64K") == 64u << 10);
  CHECK(ParseSize("64m") == 64u << 20);
  CHECK(ParseSize("64MB") == 64u << 20);
  CHECK(ParseSize("64MiB") == 64u << 20);
  CHECK(ParseSize("2G") == uint64_t{2} << 30);
  for (const char* bad :
       {"", "M", "-1", "1.5M", "64T", "64 M", "x", "18446744073709551616", "17179869184G"}) {
    INFO(bad);
    CHECK(!ParseSize(bad));
  }
  CHECK(FormatSize(0) == "0 bytes");
  CHECK(FormatSize(1) == "1 byte");
  CHECK(FormatSize(1023) == "1023 bytes");
  CHECK(FormatSize(1536) == "1.5 KiB");
  CHECK(FormatSize(64u << 20) == "64 MiB");
  CHECK(FormatSize(200u << 20) == "200 MiB");
  CHECK(FormatSize(uint64_t{5} << 30) == "5 GiB");
}

TEST_CASE("encoding fixtures decode to the UTF-8 samples exactly", "[load][acceptance]") {
  const std::string dir = kSourceDir + "/tests/data/encodings/";
  struct Case {
    const char* file;
    const char* sample;
    const char* encoding;
  };
  for (const Case& c : {Case{"zhaoyuan-2023.gb18030.txt", "zhaoyuan-2023.txt", "GB18030"},
                        Case{"zhaoyuan-2023.utf16le.txt", "zhaoyuan-2023.txt", "UTF-16LE"},
                        Case{"linyi-2023.crlf.txt", "linyi-2023.txt", "UTF-8"}}) {
    INFO(c.file);
    const Source s = noticetab::LoadFile(dir + c.file);
    const Source expected = noticetab::LoadFile(kSourceDir + "/samples/" + c.sample);
    CHECK(s.encoding() == c.encoding);
    CHECK(s.warnings.empty());
    CHECK(s.text() == ReadBytes(kSourceDir + "/samples/" + c.sample));
    CHECK(s.line_count() == expected.line_count());
  }
}

TEST_CASE("HTML character references left in copied text are decoded with a warning", "[load]") {
  const std::string text =
      "| 1 | 改造学生食堂，&nbsp;完善宿舍设施。 | 县教体局&amp;县财政局 | 2024年10月底前 |\n"
      "&#19968;&#x4E8C;、&lt;b&gt; &foo; &amp &#0; &#xD800; & ;\n第三行&#10;不断行\n";
  const Source s = Decode(text, "t.md");
  CHECK(s.text() ==
        "| 1 | 改造学生食堂， 完善宿舍设施。 | 县教体局&县财政局 | 2024年10月底前 |\n"
        "一二、<b> &foo; &amp &#0; &#xD800; & ;\n第三行 不断行\n");
  CHECK(s.line_count() == 3);
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "input.entities_decoded");
  CHECK(s.warnings[0] == "line 1: 7 HTML character reference(s) (&nbsp; &amp; &#…;) decoded");
  // Text without a reference is left as it is, with no warning.
  CHECK(Decode("县教体局 & 县财政局\n", "t.txt").warnings.empty());
}

TEST_CASE("a site's noise marks after words (@@) are removed with a warning", "[load]") {
  const Source s = Decode("关于印发工作要点的通知\n各州@@、市人民政府@@，省直各委@@、办@@、厅@@、局@@@@：\n一@@、加强领导\n", "t.txt");
  CHECK(s.text() == "关于印发工作要点的通知\n各州、市人民政府，省直各委、办、厅、局：\n一、加强领导\n");
  CHECK(s.line_count() == 3);
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "input.noise_removed");
  CHECK(s.warnings[0] == "line 2: 7 noise mark(s) a site inserts after words (@@) removed");
  // An e-mail address, `@@` after ASCII or at a line's start: left as they are, with no warning.
  const Source mail = Decode("邮箱：ban@liuxi.gov.cn\nx@@y\n@@ -1 +1 @@\n", "t.txt");
  CHECK(mail.text() == "邮箱：ban@liuxi.gov.cn\nx@@y\n@@ -1 +1 @@\n");
  CHECK(mail.warnings.empty());
}

TEST_CASE("invisible format characters are removed with a warning", "[load]") {
  const std::string zw = "\xE2\x80\x8B", bom = "\xEF\xBB\xBF", wj = "\xE2\x81\xA0";
  const std::string text = "关于印发工作要点的通知\n" + zw + "一、加强" + bom + "领导" + zw + "\n（一）做好" + wj + "公开。\n";
  const Source s = Decode(text, "t.txt");
  CHECK(s.text() == "关于印发工作要点的通知\n一、加强领导\n（一）做好公开。\n");
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "input.invisible_removed");
  CHECK(s.warnings[0] == "line 2: 4 invisible character(s) (zero-width space, joiner, BOM) removed");
  // The same as GB18030 (not the UTF-8 pass that finds them on the way).
  UErrorCode err = U_ZERO_ERROR;
  std::string gb(text.size() * 2, '\0');
  gb.resize(static_cast<size_t>(ucnv_convert("GB18030", "UTF-8", gb.data(), static_cast<int32_t>(gb.size()), text.data(),
                                             static_cast<int32_t>(text.size()), &err)));
  REQUIRE(U_SUCCESS(err));
  CHECK(Decode(gb, "t.txt").text() == s.text());
  // Long text: found past the 32-byte blocks of the UTF-8 pass, and across their edges.
  std::string padded;
  for (int k = 0; k < 40; ++k) padded += "做好政务公开工作。" + std::string(k % 7, 'x') + (k % 5 == 0 ? zw : "") + "\n";
  CHECK(Decode(padded, "t.txt").text().find("\xE2\x80\x8B") == std::string::npos);
  CHECK(Decode(padded, "t.txt").diagnostics.size() == 1);
  // Text without them: untouched, no warning.
  CHECK(Decode("做好公开。\n", "t.txt").warnings.empty());
  // A numbered heading behind a zero-width space is still a heading.
  const noticetab::Document doc = noticetab::Convert(Decode(zw + "一、加强领导\n" + zw + "（一）做好公开。（县政府办负责）\n", "t.txt"), noticetab::BuiltinRules());
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.tasks.size() == 1);
}
