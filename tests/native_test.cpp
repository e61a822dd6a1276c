// Native formats (src/native/): the samples saved as .docx / .html / .odt /
// .pdf by LibreOffice (tests/data/native/make) must give the ledger of their
// text version; hostile files are refused with a message, never a hang.
#include <catch2/catch.hpp>
#include <unicode/ucnv.h>
#include <zip.h>

#include <time.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "native/internal.h"
#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/native.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

// This thread's CPU time: the bounds below are on the work done, which a
// loaded machine does not stretch (its wall clock it does).
std::chrono::nanoseconds CpuNow() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
}

std::string Fixture(const std::string& file) { return SourceDir() + "/tests/data/native/" + file; }

Document ConvertFixture(const std::string& file) {
  return Convert(Decode(ReadFile(Fixture(file)), file), BuiltinRules());
}

// What the acceptance compares: content (white space aside), units, deadline.
bool SameRow(const Task& a, const Task& b) {
  return RemoveSpaces(a.content) == RemoveSpaces(b.content) && a.units == b.units &&
         a.deadline.text == b.deadline.text && a.deadline.date == b.deadline.date;
}

// Rows equal by position, over all five samples.
double RowsEqual(const std::string& ext) {
  size_t equal = 0, total = 0;
  for (const auto& name : SampleNames()) {
    const Document text = ConvertSample(name);
    const Source src = Decode(ReadFile(Fixture(name + "." + ext)), name + "." + ext);
    const Document doc = Convert(src, BuiltinRules());
    CHECK(doc.format == ext);
    for (size_t i = 0; i < std::min(text.tasks.size(), doc.tasks.size()); ++i)
      equal += SameRow(text.tasks[i], doc.tasks[i]);
    total += std::max(text.tasks.size(), doc.tasks.size());
  }
  return static_cast<double>(equal) / static_cast<double>(total);
}

Error DecodeFixtureError(const std::string& file, const std::string& bytes) {
  try {
    Decode(bytes, file);
  } catch (const Error& e) {
    return e;
  }
  FAIL(file << " was accepted");
  return Error(Error::Kind::kInput, "");
}

}  // namespace

TEST_CASE("native: format is sniffed by content", "[native]") {
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.docx"))) == "docx");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.odt"))) == "odt");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.html"))) == "html");
  CHECK(SniffFormat(ReadFile(Fixture("linyi-2023.pdf"))) == "pdf");
  CHECK(SniffFormat("<!-- saved -->\n<!DOCTYPE HTML PUBLIC \"x\"><p>a") == "html");
  CHECK(SniffFormat("<table><tr><td>1</td></tr></table>") == "html");
  CHECK(SniffFormat(ReadFile(SourceDir() + "/samples/linyi-2023.txt")) == "text");
  CHECK(SniffFormat("一、<html>不是网页") == "text");
}

TEST_CASE("native: the samples as .docx give the ledger of their text (>= 95% rows equal)", "[native]") {
  CHECK(RowsEqual("docx") >= 0.95);
}

TEST_CASE("native: a docx with automatic numbering gives the outline of typed numbers", "[native]") {
  const Document typed = ConvertFixture("typed.docx");
  const Document autonum = ConvertFixture("autonum.docx");
  REQUIRE(typed.sections.size() == 6);
  REQUIRE(autonum.sections.size() == typed.sections.size());
  for (size_t s = 0; s < typed.sections.size(); ++s) {
    CHECK(autonum.sections[s].no == typed.sections[s].no);
    CHECK(autonum.sections[s].title == typed.sections[s].title);
    REQUIRE(autonum.sections[s].items.size() == typed.sections[s].items.size());
    for (size_t i = 0; i < typed.sections[s].items.size(); ++i) {
      CHECK(autonum.sections[s].items[i].no == typed.sections[s].items[i].no);  // 四 after 三: lvlRestart 0
      CHECK(autonum.sections[s].items[i].title == typed.sections[s].items[i].title);
    }
  }
  CHECK(autonum.tasks.size() == 18);
}

TEST_CASE("native: a docx table renders one TAB row per table row, merged cells exact", "[native]") {
  const Source s = Decode(ReadFile(Fixture("zhaoyuan-2023.docx")), "z.docx");
  CHECK(s.format == "docx");
  CHECK(s.encoding() == "UTF-8");
  // The header row, then the first row: its 工作任务 cell spans four rows
  // (vMerge) and is repeated on each of them.
  int header = 0;
  for (int i = 1; i <= s.line_count(); ++i)
    if (s.Line(i) == "工作任务\t具体内容\t责任单位\t完成时限") header = i;
  REQUIRE(header > 0);
  const std::string label = "围绕绿色低碳高质量发展强化政府信息专题公开\t";
  for (int k = 1; k <= 4; ++k) CHECK(std::string(s.Line(header + k)).rfind(label, 0) == 0);
  CHECK(std::string(s.Line(header + 5)).rfind(label, 0) != 0);
}

TEST_CASE("native: zip bomb, entity bomb and truncated ZIP are refused quickly", "[native][robustness]") {
  auto start = CpuNow();
  Error bomb = DecodeFixtureError("bomb.docx", ReadFile(Fixture("bomb.docx")));
  CHECK(bomb.Format() == "bomb.docx: ZIP member word/document.xml unpacks to more than 64 MiB (a zip bomb?)");
  Error laughs = DecodeFixtureError("laughs.docx", ReadFile(Fixture("laughs.docx")));
  CHECK(laughs.Format().rfind("laughs.docx: word/document.xml: ", 0) == 0);
  const std::string docx = ReadFile(Fixture("linyi-2023.docx"));
  for (size_t cut : {docx.size() / 2, docx.size() - 30, size_t{100}}) {
    Error e = DecodeFixtureError("cut.docx", docx.substr(0, cut));
    CHECK(e.Format().rfind("cut.docx: damaged ZIP archive (", 0) == 0);
  }
  CHECK(CpuNow() - start < std::chrono::seconds(10));
}

TEST_CASE("native: other ZIPs and OLE files are refused, saying how to convert them", "[native]") {
  Error ole = DecodeFixtureError("old.doc", std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0", 12));
  CHECK(ole.Format() ==
        "old.doc: a legacy Office document (DOC/XLS/WPS), not read; convert it first, e.g. soffice --headless "
        "--convert-to docx");
  // A password-protected .xlsx or .docx: an OLE file with an EncryptedPackage stream.
  std::string encrypted = std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) + std::string(1000, '\0');
  for (char c : std::string("EncryptedPackage")) encrypted += std::string{c, '\0'};
  CHECK(DecodeFixtureError("locked.xlsx", encrypted).Format() ==
        "locked.xlsx: an encrypted (password-protected) Office document, not read; save it without a password first");
}

TEST_CASE("native: the samples as .html give the ledger of their text (>= 95% rows equal)", "[native]") {
  CHECK(RowsEqual("html") >= 0.95);
}

TEST_CASE("native: a saved GB2312 page: charset, chrome left out, rowspan and colspan exact", "[native]") {
  const std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>t</title>"
      "<script>var a = \"<p>no</p>\";</script><style>p {}</style></head><body><nav>首页 &gt; 政务公开</nav>"
      "<div>通知<br>第二\n行</div>"
      "<table><tr><th>任务</th><th>单位</th><th>时限</th></tr>"
      "<tr><td rowspan=\"2\">甲</td><td>A局</td><td rowspan=2>年底</td></tr><tr><td>B局</td></tr>"
      "<tr><td colspan=\"2\"><p>合</p><p>并</p></td><td>x</td></tr></table>"
      "<p style=\"display: none\">hidden</p><p>end &nbsp; 行</p></body></html>";
  // The page as a GB2312 site serves it.
  std::string gbk(page.size() * 2, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert("GB18030", "UTF-8", gbk.data(), static_cast<int32_t>(gbk.size()), page.data(),
                           static_cast<int32_t>(page.size()), &status);
  REQUIRE(U_SUCCESS(status));
  gbk.resize(static_cast<size_t>(n));
  REQUIRE(gbk.find("\xcd\xa8\xd6\xaa") != std::string::npos);  // 通知
  const Source s = Decode(gbk, "page.html");
  CHECK(s.format == "html");
  CHECK(s.encoding() == "GB18030");
  std::vector<std::string> lines;
  for (int i = 1; i <= s.line_count(); ++i) lines.emplace_back(s.Line(i));
  // Two paragraphs in a cell keep a space between them (the pipeline joins
  // content, splits units); a source newline between CJK characters does not.
  CHECK(lines == std::vector<std::string>{"通知", "第二行", "任务\t单位\t时限", "甲\tA局\t年底", "甲\tB局\t年底",
                                          "合 并\t\tx", "end 行"});
}

TEST_CASE("native: an HTML <ol> numbers its items as the page shows them", "[native]") {
  // A page whose headings are list items with no typed numbers: the outline
  // needs the numbers a browser prints (CSS list-style-type by class or
  // inline, the type attribute, decimal by default).
  const std::string page =
      "<html><head><meta charset=\"utf-8\"><style>ol.cn { list-style-type: cjk-ideographic }</style></head><body>"
      "<ol class=\"cn\"><li>加强政策发布<ol><li>规范文件发布。</li><li>提升解读质量。</li></ol></li>"
      "<li>深化重点领域公开<ol start=\"3\"><li>做好财政公开。<ol><li>公开预算。<ol><li>公开决算。</li></ol></li></ol></li></ol></li></ol>"
      "<ol style=\"list-style-type:none\"><li>无编号</li></ol><ol style=\"list-style: disc inside\"><li>圆点</li></ol><ol type=\"a\"><li>字母</li></ol>"
      "<ul><li>项目</li></ul><ol><li><p>段落中的条目</p></li></ol>"
      "<style>ol.typed{list-style:none}</style><ol><li>一、自带编号</li></ol><ol class=\"breadcrumb\"><li><a href=\"/\">首页</a></li><li><a href=\"/z\">政务公开</a></li></ol>"
      "</body></html>";
  const Source s = Decode(page, "list.html");
  std::vector<std::string> lines;
  for (int i = 1; i <= s.line_count(); ++i) lines.emplace_back(s.Line(i));
  // A decimal list inside a decimal one is numbered as the next level, and
  // one inside two as the level after (①); a list shown with bullets has none.
  CHECK(lines == std::vector<std::string>{"一、加强政策发布", "1.规范文件发布。", "2.提升解读质量。", "二、深化重点领域公开",
                                          "3.做好财政公开。", "（1）公开预算。", "①公开决算。", "无编号", "圆点", "a. 字母", "项目",
                                          "1.段落中的条目", "一、自带编号",  // <li><p>; a number typed in the item
                                          "首页", "政务公开"});  // a list of links only is navigation: no numbers
}

TEST_CASE("native: Word's HTML shows the numbers it writes inside <![if !supportLists]>", "[native]") {
  // A page saved from Word puts each list paragraph's number between
  // downlevel-revealed markers, which every browser but old IE shows; an
  // HTML parser keeps the markers as text, which hid the numbers.
  const std::string page =
      "<html><body><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span><span "
      "style='mso-list:Ignore'>（一）</span></span><![endif]><span>强化政策解读。</span></p>"
      "<p><![if !vml]><img src=a.png><![endif]>保留文字</p></body></html>";
  const Source s = Decode(page, "word.html");
  std::vector<std::string> lines;
  for (int i = 1; i <= s.line_count(); ++i) lines.emplace_back(s.Line(i));
  REQUIRE(!lines.empty());
  CHECK(lines.front() == "（一）强化政策解读。");
  CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return l.find("<![") != std::string::npos; }));
}

TEST_CASE("native: the samples as .odt give the ledger of their text (>= 95% rows equal)", "[native]") {
  CHECK(RowsEqual("odt") >= 0.95);
}

TEST_CASE("native: PDF without a text layer, encrypted or damaged: a message, exit 1", "[native][robustness]") {
  CHECK(DecodeFixtureError("scan.pdf", ReadFile(Fixture("scanned.pdf"))).Format() ==
        "scan.pdf: a scanned PDF (no text layer); run OCR first (e.g. ocrmypdf) and convert the result");
  CHECK(DecodeFixtureError("locked.pdf", ReadFile(Fixture("encrypted.pdf"))).Format() ==
        "locked.pdf: an encrypted PDF (password protected); remove the password first (e.g. qpdf --decrypt)");
  CHECK(DecodeFixtureError("bad.pdf", "%PDF-1.4\ngarbage").Format().rfind("bad.pdf: cannot read this PDF (pdftotext", 0) ==
        0);
  const RunResult r = RunCli("tests/data/native/linyi-2023.pdf", "PATH=/nonexistent");
  CHECK(r.status == 1);
  CHECK(r.err ==
        "noticetab: tests/data/native/linyi-2023.pdf: reading a PDF needs pdftotext, which is not installed "
        "(Debian/Ubuntu: apt-get install poppler-utils)\n");
}

TEST_CASE("native: the samples as .pdf give the ledger of their text, pages on tasks", "[native]") {
  // 220/220 rows equal (tests/data/native/compare): the bordered table's
  // cells from its ruling lines (pdftocairo), merged cells exact (no fill-down
  // guessed into a ruled table's empty cells) and page breaks joined (a
  // merged cell cut by the break one cell, an empty cell under a one-row
  // cell left empty).
  CHECK(RowsEqual("pdf") >= 0.98);
  const Document doc = ConvertFixture("zhaoyuan-2023.pdf");
  REQUIRE(!doc.tasks.empty());
  CHECK(doc.tasks.front().page == 5);
  CHECK(doc.tasks.back().page >= 9);
}

TEST_CASE("native: the exact table is kept as a Grid beside the rendered lines", "[native]") {
  for (const char* file : {"zhaoyuan-2023.docx", "zhaoyuan-2023.html", "zhaoyuan-2023.odt", "zhaoyuan-2023.pdf"}) {
    INFO(file);
    const Source s = Decode(ReadFile(Fixture(file)), file);
    REQUIRE(s.grids.size() == 1);
    const Grid& g = s.grids[0];
    CHECK(g.layout == s.format);
    REQUIRE(g.rows.size() == 54);  // header + 53 tasks
    CHECK(g.rows[0].cells.size() == 4);
    CHECK(g.rows[0].cells[0].text == "工作任务");
    // 围绕绿色低碳… covers four rows; the rows below it hold the other three cells only.
    CHECK(g.rows[1].cells[0].text == "围绕绿色低碳高质量发展强化政府信息专题公开");
    CHECK(g.rows[1].cells[0].row_span == 4);
    CHECK(g.rows[2].cells.size() == 3);
    CHECK(s.Line(g.rows[1].span.first_line).substr(0, 3) == "围");
  }
  CHECK(Decode(ReadFile(Fixture("zhaoyuan-2023.html")), "z.html").grids[0].rows[0].header);  // <th> row
}

namespace {

// A ZIP in memory holding `members` (name, bytes), with libzip.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : members)
    zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), 0);
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  const zip_int64_t n = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<size_t>(n), '\0');
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(n));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return out;
}

// A .docx in memory holding `document_xml` (stored, with libzip).
std::string MakeDocx(const std::string& body) {
  const std::string doc =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
      "xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>" +
      body + "</w:body></w:document>";
  return MakeZip({{"word/document.xml", doc}});
}

std::vector<std::string> Lines(const Source& s) {
  std::vector<std::string> v;
  for (int i = 1; i <= s.line_count(); ++i) v.emplace_back(s.Line(i));
  return v;
}

std::string P(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string R(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

}  // namespace

TEST_CASE("native: docx tracked changes accepted, hidden text, footnote marks and text boxes", "[native]") {
  const std::string box = "<w:txbxContent>" + P(R("框内文字")) + "</w:txbxContent>";
  const Source s = Decode(
      MakeDocx(P(R("保留") + "<w:ins>" + R("插入") + "</w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>" +
                 "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>") +
               P(R("锚") + "<w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx>" + box +
                 "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box +
                 "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>") +
               P(R("一行") + "<w:r><w:br/></w:r>" + R("二行"))),
      "t.docx");
  CHECK(Lines(s) == std::vector<std::string>{"保留插入", "锚", "框内文字", "一行", "二行"});
}

TEST_CASE("native: docx gridSpan and vMerge render as TAB rows and exact Grid spans", "[native]") {
  auto tc = [](const std::string& pr, const std::string& text) {
    return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + P(text.empty() ? "" : R(text)) + "</w:tc>";
  };
  const std::string table =
      "<w:tbl><w:tr>" + tc("", "任务") + tc("", "内容") + tc("", "单位") + tc("", "时限") + "</w:tr>" +
      "<w:tr>" + tc("<w:vMerge w:val=\"restart\"/>", "甲") + tc("<w:gridSpan w:val=\"2\"/>", "跨两列") +
      tc("<w:vMerge w:val=\"restart\"/>", "年底") + "</w:tr>" + "<w:tr>" + tc("<w:vMerge/>", "") +
      tc("", "乙内容") + tc("", "乙局") + tc("<w:vMerge/>", "") + "</w:tr></w:tbl>";
  const Source s = Decode(MakeDocx(table), "t.docx");
  CHECK(Lines(s) == std::vector<std::string>{"任务\t内容\t单位\t时限", "甲\t跨两列\t\t年底", "甲\t乙内容\t乙局\t年底"});
  REQUIRE(s.grids.size() == 1);
  const Grid& g = s.grids[0];
  REQUIRE(g.rows.size() == 3);
  CHECK(g.rows[1].cells.size() == 3);
  CHECK(g.rows[1].cells[0].row_span == 2);
  CHECK(g.rows[1].cells[1].col_span == 2);
  CHECK(g.rows[1].cells[2].row_span == 2);
  CHECK(g.rows[2].cells.size() == 2);  // the covered positions are left out
}

TEST_CASE("native: an OFD notice gives the ledger of its text twin, pages on tasks", "[native]") {
  // tests/data/native/make_ofd writes both: a bordered annex table with a
  // merged group and deadline cell, cut by a page break inside a row.
  const std::string bytes = ReadFile(Fixture("notice.ofd"));
  CHECK(SniffFormat(bytes) == "ofd");
  const Document text = ConvertFixture("notice-ofd.txt");
  const Document doc = ConvertFixture("notice.ofd");
  CHECK(doc.format == "ofd");
  CHECK(doc.document.title == text.document.title);
  REQUIRE(text.tasks.size() == 12);
  REQUIRE(doc.tasks.size() == text.tasks.size());
  for (size_t i = 0; i < doc.tasks.size(); ++i) {
    INFO("row " << i + 1);
    CHECK(SameRow(text.tasks[i], doc.tasks[i]));
    CHECK(doc.tasks[i].warnings.empty());
  }
  CHECK(doc.tasks[8].page == 1);  // the row the page break cuts starts on page 1
  CHECK(doc.tasks[9].page == 2);
  // The merged cells are exact in the grid: the deadline covers every row.
  const Source s = Decode(bytes, "notice.ofd");
  REQUIRE(s.grids.size() == 1);
  REQUIRE(s.grids[0].rows.size() == 13);
  CHECK(s.grids[0].rows[1].cells.back().text == "2024年12月底前");
  CHECK(s.grids[0].rows[1].cells.back().row_span == 12);
}

TEST_CASE("native: a damaged OFD is refused with what is wrong", "[native]") {
  const std::string ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
  const std::string ofd_xml = "<ofd:OFD " + ns + "><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
  const std::string document = "<ofd:Document " + ns +
                               "><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>";
  CHECK(DecodeFixtureError("a.ofd", MakeZip({{"OFD.xml", "<ofd:OFD " + ns + "/>"}})).Format() ==
        "a.ofd: an OFD without its document (OFD.xml names no DocRoot in the package)");
  CHECK(DecodeFixtureError("b.ofd", MakeZip({{"OFD.xml", ofd_xml}, {"Doc_0/Document.xml", document}})).Format() ==
        "b.ofd: an OFD page that is not in the package: Doc_0/Pages/Page_0/Content.xml");
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<ofd:Page " + ns + "><ofd:Content><ofd:Layer><ofd:TextObject Boundary=\"0 0 10 10\"><ofd:TextCode X=\"0\" "
      "Y=\"3\">&b;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>";
  CHECK(DecodeFixtureError("c.ofd", MakeZip({{"OFD.xml", ofd_xml}, {"Doc_0/Document.xml", document},
                                             {"Doc_0/Pages/Page_0/Content.xml", laughs}}))
            .Format()
            .find("XML with a DOCTYPE") != std::string::npos);
  const std::string empty_page = "<ofd:Page " + ns + "><ofd:Content><ofd:Layer/></ofd:Content></ofd:Page>";
  CHECK(DecodeFixtureError("d.ofd", MakeZip({{"OFD.xml", ofd_xml}, {"Doc_0/Document.xml", document},
                                             {"Doc_0/Pages/Page_0/Content.xml", empty_page}}))
            .Format() == "d.ofd: an OFD with no text (scanned images?); run OCR first and convert the result");
}

TEST_CASE("native: a .docx is read through its relationships, whatever its parts are called", "[native]") {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string docx = MakeZip({
      {"[Content_Types].xml",
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
       "PartName=\"/doc/body.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"" + rel + "officeDocument\" Target=\"/doc/body.xml\"/>"
                      "</Relationships>"},
      {"doc/_rels/body.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "numbering\" Target=\"lists.xml\"/></Relationships>"},
      {"doc/lists.xml", "<w:numbering " + w +
                            "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                            "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>"
                            "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"},
      {"doc/body.xml", "<w:document " + w + "><w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p>"
                           "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
                           "<w:r><w:t>总体要求</w:t></w:r></w:p></w:body></w:document>"},
  });
  CHECK(SniffFormat(docx) == "docx");
  const Source s = Decode(docx, "renamed.docx");
  CHECK(s.format == "docx");
  CHECK(Lines(s) == std::vector<std::string>{"通知", "一、总体要求"});
}

TEST_CASE("native: content a reader cannot read is a document-level problem (input.partial)", "[native]") {
  // An embedded OLE object in a docx (a spreadsheet pasted as an object): only its preview is in the file.
  const std::string object = "<w:r><w:object><v:shape><v:imagedata/></v:shape></w:object></w:r>";
  const std::string docx = MakeDocx(P(R("一、总体要求")) + P(R("附件：任务清单")) + P(object));
  const Source s = Decode(docx, "t.docx");
  REQUIRE(s.diagnostics.size() == 1);
  CHECK(s.diagnostics[0].code == "input.partial");
  CHECK(s.diagnostics[0].first_line == 3);
  CHECK(s.warnings.size() == 1);
  const Source plain = Decode(MakeDocx(P(R("一、总体要求"))), "p.docx");
  CHECK(plain.diagnostics.empty());
  // An <object>/<embed> in a saved page.
  const Source page = Decode("<html><body><p>一、总体要求</p><object data=\"a.xls\"></object>"
                             "<embed src=\"b.pdf\"></body></html>",
                             "t.html");
  REQUIRE(page.diagnostics.size() == 1);
  CHECK(page.diagnostics[0].code == "input.partial");
  // Through the binary: one line on stderr naming the file, for every format, and --strict fails.
  TempDir d;
  { std::ofstream(d / "t.docx", std::ios::binary) << docx; }
  RunResult r = RunCli("-f csv " + d / "t.docx");
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("source,"));
  CHECK(r.err.find("noticetab: " + d / "t.docx" +
                   ": read only in part: line 3: an embedded object (OLE, e.g. a spreadsheet) not read\n") !=
        std::string::npos);
  CHECK(RunCli("-q --strict -f csv " + d / "t.docx").status == 1);
  // The native samples have none (their PDFs and pages hold no embedded objects).
  for (const auto& name : SampleNames())
    for (const std::string ext : {".docx", ".html", ".odt"}) {
      INFO(name << ext);
      CHECK(Decode(ReadFile(Fixture(name + ext)), name + ext).diagnostics.empty());
    }
}

TEST_CASE("native: a break typed inside a cell keeps two unit names apart, content still joins", "[native]") {
  // Units written one per paragraph (docx) or per <br> (html): run together
  // they read as one unit 市数据局市行政审批服务局.
  auto tc = [](std::vector<std::string> paras) {
    std::string cell = "<w:tc>";
    for (const auto& p : paras) cell += P(R(p));
    return cell + "</w:tc>";
  };
  const std::string table = "<w:tbl><w:tr>" + tc({"序号"}) + tc({"工作任务"}) + tc({"责任单位"}) + tc({"完成时限"}) +
                            "</w:tr><w:tr>" + tc({"1"}) + tc({"推广电子证照应用，", "实现免证办事项50项。"}) +
                            tc({"市数据局", "市行政审批服务局"}) + tc({"2024年", "10月底前"}) + "</w:tr></w:tbl>";
  const std::string page =
      "<html><body><table><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>"
      "<tr><td>1</td><td>推广电子证照应用，<br>实现免证办事项50项。</td><td>市数据局<br>市行政审批服务局</td>"
      "<td>2024年<br>10月底前</td></tr></table></body></html>";
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"t.docx", MakeDocx(table)}, {"t.html", page}}) {
    INFO(name);
    const Document doc = Convert(Decode(bytes, name), BuiltinRules());
    REQUIRE(doc.tasks.size() == 1);
    CHECK(doc.tasks[0].content == "推广电子证照应用，实现免证办事项50项。");
    CHECK(doc.tasks[0].units == std::vector<std::string>{"市数据局", "市行政审批服务局"});
    CHECK(doc.tasks[0].deadline.date == "2024-10-31");
  }
}

TEST_CASE("native: a docx heading style inherits its list and its level from its base one by one", "[native]") {
  // H2 is based on H1 and sets only its level; H3 sets nothing but is named
  // by level 2 of the list (w:lvl/w:pStyle), which outranks H1's ilvl 0.
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  auto lvl = [](int i, const std::string& text, const std::string& style) {
    return "<w:lvl w:ilvl=\"" + std::to_string(i) + "\"><w:start w:val=\"1\"/>" +
           (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") +
           "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"" + text + "\"/></w:lvl>";
  };
  const std::string numbering = "<w:numbering " + w + "><w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "%1、", "") +
                                lvl(1, "（%2）", "") + lvl(2, "%3.", "H3") +
                                "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const std::string styles =
      "<w:styles " + w +
      "><w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
      "</w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:basedOn w:val=\"H1\"/><w:pPr>"
      "<w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style><w:style w:type=\"paragraph\" w:styleId=\"H3\">"
      "<w:basedOn w:val=\"H1\"/></w:style></w:styles>";
  auto p = [](const std::string& style, const std::string& text) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>" + R(text) + "</w:p>";
  };
  const std::string document = "<w:document " + w + "><w:body>" + p("H1", "总体要求") + p("H2", "做好政策集中公开") +
                               p("H3", "梳理文件") + p("H2", "提升解读质量") + p("H1", "保障措施") +
                               "</w:body></w:document>";
  const Source s = Decode(
      MakeZip({{"word/document.xml", document}, {"word/numbering.xml", numbering}, {"word/styles.xml", styles}}),
      "h.docx");
  CHECK(Lines(s) == std::vector<std::string>{"一、总体要求", "（一）做好政策集中公开", "一.梳理文件",
                                             "（二）提升解读质量", "二、保障措施"});
}

TEST_CASE("native: a docx merge continued under a repeated header carries the text from before the split", "[native]") {
  // A table split into two w:tbl (one per page) repeats its header; a vMerge
  // that crossed the split continues under it. Its text is the merged cell's,
  // not the header's (牵头单位); with no table before, the cell is empty.
  auto tc = [](const std::string& pr, const std::string& text) {
    return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + P(text.empty() ? "" : R(text)) + "</w:tc>";
  };
  const std::string restart = "<w:vMerge w:val=\"restart\"/>", cont = "<w:vMerge/>";
  for (const std::string flag : {"", "<w:trPr><w:tblHeader/></w:trPr>"}) {
    INFO("tblHeader: " << !flag.empty());
    const std::string header = "<w:tr>" + flag + tc("", "任务") + tc("", "牵头单位") + tc("", "时限") + "</w:tr>";
    const std::string first = "<w:tbl>" + header + "<w:tr>" + tc("", "甲") + tc(restart, "A局") + tc(restart, "年底") +
                              "</w:tr></w:tbl>";
    const std::string second =
        "<w:tbl>" + header + "<w:tr>" + tc("", "乙") + tc(cont, "") + tc(cont, "") + "</w:tr></w:tbl>";
    CHECK(Lines(Decode(MakeDocx(first + P("") + second), "t.docx")) ==
          std::vector<std::string>{"任务\t牵头单位\t时限", "甲\tA局\t年底", "", "任务\t牵头单位\t时限", "乙\tA局\t年底"});
    if (flag.empty()) continue;
    // Text between the tables: the second is a table of its own, and a merge
    // never continues a header row (w:tblHeader) into the data.
    CHECK(Lines(Decode(MakeDocx(first + P(R("说明")) + second), "t.docx")).back() == "乙\t\t");
    CHECK(Lines(Decode(MakeDocx(second), "t.docx")).back() == "乙\t\t");
  }
}

TEST_CASE("native: a one-column table is a frame around text, its paragraphs read as lines", "[native]") {
  // A notice boxed in a one-cell table (or its 版记 in a one-column one) ran
  // into a single line: no title, no outline, no tasks.
  const std::string docx_frame = "<w:tbl><w:tr><w:tc>" + P(R("关于印发工作要点的通知")) + P(R("一、总体要求")) +
                                 P(R("（一）优化服务。（责任单位：市数据局）")) + "</w:tc></w:tr><w:tr><w:tc>" +
                                 P(R("抄送：市委办公室。")) + "</w:tc></w:tr></w:tbl>";
  const std::vector<std::string> lines{"关于印发工作要点的通知", "一、总体要求", "（一）优化服务。（责任单位：市数据局）",
                                       "抄送：市委办公室。"};
  CHECK(Lines(Decode(MakeDocx(docx_frame), "f.docx")) == lines);
  const std::string odt_frame =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text><table:table>"
      "<table:table-column/><table:table-row><table:table-cell><text:p>关于印发工作要点的通知</text:p>"
      "<text:p>一、总体要求</text:p><text:p>（一）优化服务。（责任单位：市数据局）</text:p></table:table-cell>"
      "</table:table-row><table:table-row><table:table-cell><text:p>抄送：市委办公室。</text:p></table:table-cell>"
      "</table:table-row></table:table></office:text></office:body></office:document-content>";
  const Source odt = Decode(
      MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odt_frame}}), "f.odt");
  CHECK(odt.format == "odt");
  CHECK(Lines(odt) == lines);
  CHECK(odt.grids.empty());
}

TEST_CASE("native: a small table inside a task's cell stays in that cell; a page-layout table is read as blocks", "[native]") {
  // A 具体目标 table (指标 | 目标值) inside a content cell, and a units cell
  // holding a 2-row table (县水利局 | 牵头 / 县财政局 | 配合): the outer table
  // keeps its rows; the inner cells are its cell's text, spaced. The whole table
  // had been read as one cell per line, every inner row a task.
  auto tc = [](const std::string& body) { return "<w:tc>" + body + "</w:tc>"; };
  auto row = [](const std::string& cells) { return "<w:tr>" + cells + "</w:tr>"; };
  const std::string goals = "<w:tbl>" + row(tc(P(R("指标"))) + tc(P(R("目标值")))) +
                            row(tc(P(R("新增供水管网"))) + tc(P(R("120公里")))) + "</w:tbl>";
  const std::string roles = "<w:tbl>" + row(tc(P(R("县水利局"))) + tc(P(R("牵头")))) +
                            row(tc(P(R("县财政局"))) + tc(P(R("配合")))) + "</w:tbl>";
  const std::string table =
      "<w:tbl>" + row(tc(P(R("序号"))) + tc(P(R("工作任务"))) + tc(P(R("责任单位"))) + tc(P(R("完成时限")))) +
      row(tc(P(R("1"))) + tc(P(R("实施供水工程，目标如下：")) + goals + P(R("（按季度报送）"))) + tc(roles) +
          tc(P(R("2024年11月底前")))) +
      row(tc(P(R("2"))) + tc(P(R("新建城市口袋公园8个。"))) + tc(P(R("县住建局"))) + tc(P(R("2024年9月底前")))) +
      "</w:tbl>";
  const Source s = Decode(MakeDocx(P(R("附件")) + table), "t.docx");
  REQUIRE(s.grids.size() == 1);
  const Grid& g = s.grids[0];
  REQUIRE(g.rows.size() == 3);
  REQUIRE(g.rows[1].cells.size() == 4);
  CHECK(g.rows[1].cells[1].text == "实施供水工程，目标如下： 指标 目标值 新增供水管网 120公里 （按季度报送）");
  CHECK(g.rows[1].cells[2].text == "县水利局 牵头 县财政局 配合");
  const Document doc = Convert(s, BuiltinRules());
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县水利局"});
  CHECK(doc.tasks[0].support_units == std::vector<std::string>{"县财政局"});
  CHECK(doc.tasks[0].deadline.date == "2024-11-30");
  CHECK(doc.tasks[1].units == std::vector<std::string>{"县住建局"});

  // The same in an .odt.
  auto otc = [](const std::string& body) { return "<table:table-cell>" + body + "</table:table-cell>"; };
  auto orow = [](const std::string& cells) { return "<table:table-row>" + cells + "</table:table-row>"; };
  auto op = [](const std::string& t) { return "<text:p>" + t + "</text:p>"; };
  const std::string ogoals = "<table:table>" + orow(otc(op("指标")) + otc(op("目标值"))) +
                             orow(otc(op("新增供水管网")) + otc(op("120公里"))) + "</table:table>";
  const std::string content =
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>" +
      op("附件") + "<table:table>" + orow(otc(op("序号")) + otc(op("工作任务")) + otc(op("责任单位")) + otc(op("完成时限"))) +
      orow(otc(op("1")) + otc(op("实施供水工程，目标如下：") + ogoals) + otc(op("县水利局")) + otc(op("2024年11月底前"))) +
      orow(otc(op("2")) + otc(op("新建城市口袋公园8个。")) + otc(op("县住建局")) + otc(op("2024年9月底前"))) +
      "</table:table></office:text></office:body></office:document-content>";
  const Source odt =
      Decode(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}}), "t.odt");
  REQUIRE(odt.grids.size() == 1);
  REQUIRE(odt.grids[0].rows.size() == 3);
  CHECK(odt.grids[0].rows[1].cells[1].text == "实施供水工程，目标如下： 指标 目标值 新增供水管网 120公里");

  // Two columns of page regions, a table inside one: a layout table, its
  // cells read as blocks, no grid of its own.
  const std::string layout = "<w:tbl>" + row(tc(P(R("关于印发工作要点的通知")) + P(R("一、总体要求"))) + tc(goals)) +
                             row(tc(P(R("抄送：市委办公室。"))) + tc(P(R("")))) + "</w:tbl>";
  const Source page = Decode(MakeDocx(layout), "l.docx");
  CHECK(Lines(page).front() == "关于印发工作要点的通知");
  REQUIRE(page.grids.size() == 1);  // the inner table only
  CHECK(page.grids[0].rows.size() == 2);
}

TEST_CASE("native: odt list and heading numbers are generated from their styles", "[native]") {
  // LibreOffice saves Word's automatic numbering as list styles
  // (text:list-level-style-number); the numbers are not in the text. Without
  // them a notice whose headings are numbered this way had no outline and no
  // tasks.
  const std::string ns =
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
      "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";
  auto level = [](int n, const std::string& fmt, const std::string& prefix, const std::string& suffix,
                  const std::string& extra = "") {
    return "<text:list-level-style-number text:level=\"" + std::to_string(n) + "\" style:num-format=\"" + fmt +
           "\" style:num-prefix=\"" + prefix + "\" style:num-suffix=\"" + suffix + "\"" + extra + "/>";
  };
  const std::string list_style = "<text:list-style style:name=\"L1\">" + level(1, "一, 二, 三, ...", "", "、") +
                                 level(2, "一, 二, 三, ...", "（", "）") + level(3, "1", "", ".") +
                                 "<text:list-level-style-bullet text:level=\"4\" text:bullet-char=\"•\"/>" +
                                 "</text:list-style>";
  auto p = [](const std::string& text) { return "<text:p>" + text + "</text:p>"; };
  auto item = [&](const std::string& inner) { return "<text:list-item>" + inner + "</text:list-item>"; };
  auto list = [](const std::string& attrs, const std::string& inner) {
    return "<text:list" + attrs + ">" + inner + "</text:list>";
  };
  const std::string body =
      list(" text:style-name=\"L1\"", item(p("总体要求") + list("", item(p("做好政策公开")))) +
                                          "<text:list-header>" + p("（说明，不编号）") + "</text:list-header>") +
      p("正文一段。") +
      // Continued after a plain paragraph; an item holding only a deeper
      // list (a skipped level) is not counted.
      list(" text:style-name=\"L1\" text:continue-numbering=\"true\"",
           item(list("", item(p("提升解读质量")) + item(list("", item(p("梳理文件")) + item(p("更新文件库"))))))) +
      list(" text:style-name=\"L1\" text:continue-numbering=\"true\"",
           item(p("保障措施") + list("", item(p("加强组织") + list("", item(list("", item(p("要点")))))))) +
           "<text:list-item text:start-value=\"5\">" + p("第五部分") + "</text:list-item>") +
      // A new list starts again.
      list(" text:style-name=\"L1\"", item(p("另一清单")));
  const std::string content = "<office:document-content " + ns + "><office:automatic-styles>" + list_style +
                              "</office:automatic-styles><office:body><office:text>" + body +
                              "</office:text></office:body></office:document-content>";
  const Source s =
      Decode(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}}), "l.odt");
  CHECK(Lines(s) == std::vector<std::string>{"一、总体要求", "（一）做好政策公开", "（说明，不编号）", "正文一段。",
                                             "（二）提升解读质量", "1.梳理文件", "2.更新文件库", "二、保障措施",
                                             "（一）加强组织", "要点", "五、第五部分", "一、另一清单"});

  // Headings numbered by the chapter numbering (text:outline-style, in
  // styles.xml), upper levels shown with text:display-levels.
  auto outline = [](int n, const std::string& fmt, const std::string& suffix, const std::string& extra) {
    return "<text:outline-level-style text:level=\"" + std::to_string(n) + "\" style:num-format=\"" + fmt +
           "\" style:num-suffix=\"" + suffix + "\"" + extra + "/>";
  };
  const std::string styles = "<office:document-styles " + ns + "><office:styles><text:outline-style style:name=\"O\">" +
                             outline(1, "1", "", "") + outline(2, "1", ".", " text:display-levels=\"2\"") +
                             outline(3, "", "", "") + "</text:outline-style></office:styles></office:document-styles>";
  auto h = [](int n, const std::string& text) {
    return "<text:h text:outline-level=\"" + std::to_string(n) + "\">" + text + "</text:h>";
  };
  const std::string headed = "<office:document-content " + ns + "><office:body><office:text>" + h(1, "总体要求") +
                             h(2, "做好政策公开") + h(3, "不编号") + h(2, "提升解读质量") + h(1, "保障措施") +
                             h(2, "加强组织") + "</office:text></office:body></office:document-content>";
  const Source o = Decode(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                   {"content.xml", headed},
                                   {"styles.xml", styles}}),
                          "o.odt");
  CHECK(Lines(o) == std::vector<std::string>{"1 总体要求", "1.1.做好政策公开", "不编号", "1.2.提升解读质量",
                                             "2 保障措施", "2.1.加强组织"});
}

TEST_CASE("native: a docx w:altChunk of HTML or MHT is read in place; another kind is reported, not lost", "[native]") {
  // Web editors and OA systems export the notice or its annex as a part the
  // document imports (w:altChunk); it was skipped without a word.
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"c1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\" "
      "Target=\"chunk.htm\"/></Relationships>";
  const std::string document = "<w:document " + w + "><w:body>" + P(R("通知")) +
                               "<w:altChunk r:id=\"c1\"/>" + P(R("抄送：市委办公室。")) + "</w:body></w:document>";
  const std::string page = "<html><body><p>附件</p><table><tr><td>任务</td><td>单位</td></tr>"
                           "<tr><td>甲</td><td>A局</td></tr></table></body></html>";
  const Source s = Decode(MakeZip({{"word/document.xml", document},
                                   {"word/_rels/document.xml.rels", rels},
                                   {"word/chunk.htm", page}}),
                          "a.docx");
  CHECK(Lines(s) == std::vector<std::string>{"通知", "附件", "任务\t单位", "甲\tA局", "抄送：市委办公室。"});
  REQUIRE(s.grids.size() == 1);
  CHECK(s.grids[0].rows[1].span.first_line == 4);
  CHECK(s.diagnostics.empty());
  // The MHT html-docx-js writes: the page quoted-printable in a multipart.
  const std::string mht =
      "MIME-Version: 1.0\nContent-Type: multipart/related;\n    type=\"text/html\";\n    "
      "boundary=\"----=mhtDocumentPart\"\n\n\n------=mhtDocumentPart\nContent-Type: text/html;\n    "
      "charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n\n<html><body><p>=E9=99=84=E4=BB=\n=B6</p>"
      "<table border=3D\"1\"><tr><td>=E4=BB=BB=E5=8A=A1</td><td>=E5=8D=95=E4=BD=8D</td></tr><tr><td>=E7=94=B2</td>"
      "<td>A=E5=B1=80</td></tr></table></body></html>\n\n------=mhtDocumentPart--\n";
  const Source m = Decode(
      MakeZip({{"word/document.xml", document}, {"word/_rels/document.xml.rels", rels}, {"word/chunk.htm", mht}}),
      "m.docx");
  CHECK(Lines(m) == Lines(s));
  CHECK(m.diagnostics.empty());
  const Source rtf = Decode(MakeZip({{"word/document.xml", document},
                                     {"word/_rels/document.xml.rels", rels},
                                     {"word/chunk.htm", "{\\rtf1\\ansi 附件}"}}),
                            "r.docx");
  REQUIRE(rtf.diagnostics.size() == 1);
  CHECK(rtf.diagnostics[0].code == "input.partial");
  CHECK(rtf.diagnostics[0].message == "line 2: imported content (w:altChunk, word/chunk.htm) not read");
}

namespace {

// A bordered table drawn on a fixed-layout page, as LibreOffice draws one:
// each cell's four borders, its lines of text from its top (14.1 pt apart,
// boxes 15.6 pt high). `rows` are the row boundaries (y, top down).
struct DrawnCell {
  int r0, r1, c0, c1;
  std::vector<std::string> lines;
};
native::PlacedPage DrawTable(const std::vector<double>& cols, const std::vector<double>& rows,
                             const std::vector<DrawnCell>& cells) {
  native::PlacedPage p;
  p.width = 595, p.height = 842;
  for (const DrawnCell& c : cells) {
    const double x0 = cols[c.c0], x1 = cols[c.c1 + 1], y0 = rows[c.r0], y1 = rows[c.r1 + 1];
    p.rules.push_back({x0, y0, x1, y0});
    p.rules.push_back({x0, y1, x1, y1});
    p.rules.push_back({x0, y0, x0, y1});
    p.rules.push_back({x1, y0, x1, y1});
    for (size_t k = 0; k < c.lines.size(); ++k) {
      const double top = y0 + 0.7 + 14.1 * static_cast<double>(k);
      p.words.push_back({x0 + 2, top, x0 + 2 + 4.0 * static_cast<double>(c.lines[k].size()), top + 15.6, c.lines[k]});
    }
  }
  return p;
}

}  // namespace

TEST_CASE("native: a page break ends a ruled cell unless its column merges and its text goes on", "[native][pdf]") {
  const std::vector<double> cols = {60, 300, 400, 500};
  // Page 1: the unit cell 市甲局 covers both rows and reaches the page's
  // bottom; the deadline cells are one row each.
  native::PlacedPage p1 = DrawTable(cols, {700, 730, 760, 790},
                                    {{0, 0, 0, 0, {"具体内容"}}, {0, 0, 1, 1, {"责任单位"}}, {0, 0, 2, 2, {"完成时限"}},
                                     {1, 1, 0, 0, {"甲任务。"}}, {2, 2, 0, 0, {"乙任务。"}}, {1, 2, 1, 1, {"市甲局"}},
                                     {1, 1, 2, 2, {"5月底前"}}, {2, 2, 2, 2, {"6月底前"}}});
  // Page 2: both cells under them empty. The unit column merges: 市甲局
  // goes on. The deadline column does not: 丙's deadline is empty, not 6月底前.
  native::PlacedPage p2 = DrawTable(cols, {40, 70, 100},
                                    {{0, 0, 0, 0, {"丙任务。"}}, {0, 0, 1, 1, {}}, {0, 0, 2, 2, {}},
                                     {1, 1, 0, 0, {"丁任务。"}}, {1, 1, 1, 1, {"市乙局"}}, {1, 1, 2, 2, {"7月底前"}}});
  const Rendered r = native::LayoutPages({p1, p2});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 5);
  CHECK(g.rows[1].cells[1].text == "市甲局");
  CHECK(g.rows[1].cells[1].row_span == 3);
  REQUIRE(g.rows[3].cells.size() == 2);  // 丙任务。 and its deadline; the unit is covered
  CHECK(g.rows[3].cells[0].text == "丙任务。");
  CHECK(g.rows[3].cells[1].text.empty());
  CHECK(g.rows[3].cells[1].row_span == 1);
  CHECK(g.rows[2].cells.back().text == "6月底前");
  CHECK(g.rows[2].cells.back().row_span == 1);
}

TEST_CASE("native: a merged ruled cell whose text the page break cuts is one cell", "[native][pdf]") {
  const std::vector<double> cols = {60, 300, 400, 500};
  // The last row of page 1 is two lines high; the deadline cell's text fills
  // it (2023年 / 12) and goes on at the top of page 2 in a cell covering two
  // rows (月底前). The unit cell holds one line with room under it: the unit
  // cell on page 2 is a new one.
  native::PlacedPage p1 =
      DrawTable(cols, {700, 730, 760.6},
                {{0, 0, 0, 0, {"具体内容"}}, {0, 0, 1, 1, {"责任单位"}}, {0, 0, 2, 2, {"完成时限"}},
                 {1, 1, 0, 0, {"甲任务第一行", "甲任务第二行。"}}, {1, 1, 1, 1, {"市甲局"}}, {1, 1, 2, 2, {"2023年", "12"}}});
  native::PlacedPage p2 = DrawTable(cols, {40, 70, 100},
                                    {{0, 0, 0, 0, {"乙任务。"}}, {1, 1, 0, 0, {"丙任务。"}}, {0, 1, 1, 1, {"市乙局"}},
                                     {0, 1, 2, 2, {"月底前"}}});
  const Rendered r = native::LayoutPages({p1, p2});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 4);
  REQUIRE(g.rows[1].cells.size() == 3);
  CHECK(g.rows[1].cells[1].text == "市甲局");
  CHECK(g.rows[1].cells[1].row_span == 1);
  CHECK(g.rows[1].cells[2].text == "2023年12月底前");
  CHECK(g.rows[1].cells[2].row_span == 3);
  REQUIRE(g.rows[2].cells.size() == 2);
  CHECK(g.rows[2].cells[1].text == "市乙局");
  CHECK(g.rows[2].cells[1].row_span == 2);
}

namespace {

// Words of a borderless table as LibreOffice sets one: lines 12.3 pt apart,
// boxes 13.7 pt high (so lines of one row overlap as lines of two rows do),
// CJK characters 12.25 pt wide. `rows[k][c]`: the lines of column c of
// visual line k ("" for none).
native::PlacedPage DrawBorderless(const std::vector<double>& cols, double top,
                                  const std::vector<std::vector<std::string>>& lines) {
  native::PlacedPage p;
  p.width = 595, p.height = 842;
  for (size_t k = 0; k < lines.size(); ++k)
    for (size_t c = 0; c < lines[k].size(); ++c) {
      const std::string& t = lines[k][c];
      if (t.empty()) continue;
      double w = 0;
      for (size_t i = 0; i < t.size();) w += NextChar(t, i) < 0x80 ? 6.1 : 12.25;
      const double y = top + 12.3 * static_cast<double>(k);
      p.words.push_back({cols[c], y, cols[c] + w, y + 13.7, t});
    }
  return p;
}

}  // namespace

TEST_CASE("native: a borderless table without gaps between rows is cut where its cells start", "[native][pdf]") {
  // A one-line header over the first row; rows whose content wraps; the
  // second row starts where 序号 and the units start on the content's line.
  const std::vector<double> cols = {72, 172, 292, 412};
  const native::PlacedPage p = DrawBorderless(cols, 300,
                                              {{"序号", "重点任务", "责任单位", "完成时限"},
                                               {"1", "开展城镇老旧小区", "市住建局", "2024年11月底"},
                                               {"", "改造，完成改造小", "", "前"},
                                               {"", "区45个。", "", ""},
                                               {"2", "推进城市更新行", "市住建局、市发改", "2024年12月底"},
                                               {"", "动，实施片区更新", "委", "前"},
                                               {"", "项目。", "", ""},
                                               {"3", "新建改造城市燃气", "市城管局", "持续推进"}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 4);
  CHECK(g.rows[0].cells[1].text == "重点任务");
  CHECK(g.rows[1].cells[0].text == "1");
  CHECK(native::CellText(g.rows[1].cells[1].text) == "开展城镇老旧小区 改造，完成改造小 区45个。");
  CHECK(native::CellText(g.rows[2].cells[2].text) == "市住建局、市发改 委");
  CHECK(native::CellText(g.rows[2].cells[3].text) == "2024年12月底 前");
  CHECK(g.rows[3].cells[1].text == "新建改造城市燃气");
}

// Words at line positions of 12.3pt that may be fractional (a cell centred
// vertically in its row sits half a line down): {column, line, text}.
native::PlacedPage DrawPlaced(const std::vector<double>& cols, double top,
                              const std::vector<std::tuple<size_t, double, std::string>>& words) {
  native::PlacedPage p;
  p.width = 595, p.height = 842;
  for (const auto& [c, k, t] : words) {
    double w = 0;
    for (size_t i = 0; i < t.size();) w += NextChar(t, i) < 0x80 ? 6.1 : 12.25;
    const double y = top + 12.3 * k;
    p.words.push_back({cols[c], y, cols[c] + w, y + 13.7, t});
  }
  return p;
}

TEST_CASE("native: a borderless table's cells centred in their rows go to the row they centre on", "[native][pdf]") {
  // Word centres a cell vertically: a two-line unit cell beside a one-line
  // content starts half a line above it, touching the header's line; a
  // deadline's two lines the same. Gaps alone joined 责任单位 to row 1's
  // units and both rows' deadlines into one cell.
  const std::vector<double> cols = {72, 110, 300, 420};
  const native::PlacedPage p = DrawPlaced(cols, 300,
                                          {{0, 0, "序号"}, {1, 0, "工作任务"}, {2, 0, "责任单位"}, {3, 0, "完成时限"},
                                           {0, 1.5, "1"}, {1, 1.5, "开展校园食品安全专项检查。"},
                                           {2, 1, "县市场监管局、县"}, {2, 2, "教育局"},
                                           {3, 1, "2024年6"}, {3, 2, "月30日前"},
                                           {0, 3.5, "2"}, {1, 3.5, "推进农贸市场升级改造。"}, {2, 3.5, "县商务局"},
                                           {3, 3, "2024年10"}, {3, 4, "月底前"}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 3);
  CHECK(g.rows[0].cells[2].text == "责任单位");
  CHECK(g.rows[0].cells[3].text == "完成时限");
  CHECK(native::CellText(g.rows[1].cells[2].text) == "县市场监管局、县 教育局");
  CHECK(native::CellText(g.rows[1].cells[3].text) == "2024年6 月30日前");
  CHECK(g.rows[2].cells[2].text == "县商务局");
  CHECK(native::CellText(g.rows[2].cells[3].text) == "2024年10 月底前");
}

TEST_CASE("native: a borderless table with no gap between rows is cut at its 序号 numbers", "[native][pdf]") {
  // LibreOffice pads no row: row 1's last content line touches row 2's
  // first, and each cell is centred on its row. The numbers of the 序号
  // column are the rows; a title line above the header stays a row of its own.
  const std::vector<double> cols = {72, 110, 300, 420};
  const native::PlacedPage p = DrawPlaced(cols, 300,
                                          {{1, 0, "江北区重点任务清单"},
                                           {0, 1, "序号"}, {1, 1, "工作任务"}, {2, 1, "责任单位"}, {3, 1, "完成时限"},
                                           {1, 2, "开展河湖清四乱常态化规范化整"}, {1, 3, "治，建立台账、限期"},
                                           {1, 4, "销号。"}, {0, 3, "1"}, {2, 2.5, "区水利局、各街道"}, {2, 3.5, "办事处"},
                                           {3, 2.5, "2024年6"}, {3, 3.5, "月30日前"},
                                           {1, 5, "推进入河排污口排查整治，完成"}, {1, 6, "溯源和分类整治。"}, {0, 5.5, "2"},
                                           {2, 5.5, "区生态环境分局"}, {3, 5, "2024年"}, {3, 6, "10月底前"},
                                           {1, 7, "实施幸福河湖建设。"}, {0, 7, "3"}, {2, 7, "区水利局"}, {3, 7, "长期坚持"}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 5);
  CHECK(g.rows[1].cells[1].text == "工作任务");
  CHECK(g.rows[2].cells[0].text == "1");
  CHECK(native::CellText(g.rows[2].cells[1].text) == "开展河湖清四乱常态化规范化整 治，建立台账、限期 销号。");
  CHECK(native::CellText(g.rows[2].cells[2].text) == "区水利局、各街道 办事处");
  CHECK(native::CellText(g.rows[3].cells[1].text) == "推进入河排污口排查整治，完成 溯源和分类整治。");
  CHECK(native::CellText(g.rows[3].cells[3].text) == "2024年 10月底前");
  CHECK(g.rows[4].cells[1].text == "实施幸福河湖建设。");
}

TEST_CASE("native: a borderless table's header repeated under a cut row is dropped, the row joined", "[native][pdf]") {
  // A table split in two with its header repeated (a Word table per page,
  // both on one page here): row 1's content goes on under the repeat.
  const std::vector<double> cols = {72, 172, 292, 412};
  const native::PlacedPage p = DrawBorderless(cols, 300,
                                              {{"序号", "重点任务", "责任单位", "完成时限"},
                                               {"1", "推进城市更新行", "市住建局", "2024年12月底"},
                                               {"", "动，同步完善配套", "", "前"},
                                               {"", "设施，", "", ""},
                                               {"序号", "重点任务", "责任单位", "完成时限"},
                                               {"", "做好意见征集。", "", ""},
                                               {"2", "新建燃气管道。", "市城管局", "持续推进"}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 3);
  CHECK(native::CellText(g.rows[1].cells[1].text) == "推进城市更新行 动，同步完善配套 设施， 做好意见征集。");
  CHECK(g.rows[2].cells[0].text == "2");
}

TEST_CASE("native: a borderless column written in one row only is a column", "[native][pdf]") {
  // 备注 shows on the header line and in row 2 only; it is not part of the
  // deadline (2024年12月底 省考核指标 前).
  const std::vector<double> cols = {72, 172, 292, 412, 512};
  const native::PlacedPage p = DrawBorderless(cols, 300,
                                              {{"序号", "工作任务", "责任单位", "完成时限", "备注"},
                                               {"1", "推行企业开办。", "市审批局", "2024年6月底前"},
                                               {"2", "推进审批改革。", "市住建局", "2024年12月底", "省考核指标"},
                                               {"", "", "", "前"},
                                               {"3", "规范行政检查。", "市司法局", "2024年9月底前"}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 4);
  REQUIRE(g.rows[2].cells.size() == 5);
  CHECK(native::CellText(g.rows[2].cells[3].text) == "2024年12月底 前");
  CHECK(g.rows[2].cells[4].text == "省考核指标");
}

TEST_CASE("native: a list bullet alone in a borderless cell does not cut its row in two", "[native][pdf]") {
  // Row 2's content starts with a bullet in a symbol font (U+F095, a word of
  // its own before the text): it is no cell, and the row is one row.
  const std::vector<double> cols = {72, 172, 292, 412};
  native::PlacedPage p = DrawBorderless(cols, 300,
                                        {{"序号", "重点任务", "责任单位", "完成时限"},
                                         {"1", "开展老旧小区改造。", "市住建局", "2024年11月底前"},
                                         {"2", "推进城市更新行", "市城管局", "2024年12月底前"},
                                         {"", "动。", "", ""}});
  for (native::PlacedWord& w : p.words)
    if (w.text == "推进城市更新行" || w.text == "动。") w.x0 += 18, w.x1 += 18;
  p.words.push_back({172, 300 + 2 * 12.3, 176, 300 + 2 * 12.3 + 13.7, "\xEF\x82\x95"});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 3);
  CHECK(native::CellText(g.rows[2].cells[1].text) == "推进城市更新行 动。");
  CHECK(g.rows[2].cells[2].text == "市城管局");
}

namespace {

// A one-sheet .xlsx in memory: `sheet_data` inside <sheetData>, `after` after
// it (mergeCells), `styles` the cellXfs and numFmts of styles.xml,
// `workbook_pr` the workbookPr element.
std::string MakeXlsx(const std::string& sheet_data, const std::string& after = "", const std::string& styles = "",
                     const std::string& workbook_pr = "") {
  const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  const std::string r = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return MakeZip(
      {{"xl/workbook.xml", "<workbook " + ns + " " + r + ">" + workbook_pr +
                               "<sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"" + rel + "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/></Relationships>"},
       {"xl/styles.xml", "<styleSheet " + ns + ">" + styles + "</styleSheet>"},
       {"xl/worksheets/sheet1.xml", "<worksheet " + ns + "><sheetData>" + sheet_data + "</sheetData>" + after +
                                        "</worksheet>"}});
}

std::string Is(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

TEST_CASE("native: an xlsx task table: title row as text, merged 序号 and 牵头单位 filled down, dates", "[native]") {
  // tests/data/native/make_xlsx: a two-row header (责任单位 over 牵头单位 |
  // 配合单位), rich and phonetic runs, a hidden sheet, a skipped column and row.
  for (const char* file : {"tasks.xlsx", "tasks1904.xlsx"}) {
    INFO(file);
    const std::string bytes = ReadFile(Fixture(file));
    CHECK(SniffFormat(bytes) == "xlsx");
    const Source s = Decode(bytes, file);
    CHECK(s.format == "xlsx");
    CHECK(Lines(s) == std::vector<std::string>{
                          "附件：2024年政务公开重点任务分解表",
                          "序号\t工作任务\t责任单位\t\t完成时限",
                          "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
                          "1\t深化行政决策公开\t县政府办公室\t县司法局\t2024年6月底前",
                          "1\t推进重大建设项目批准和实施领域信息公开\t县政府办公室\t县发展改革局、县财政局\t2024年12月底前",
                          "2\t优化政务新媒体矩阵， 规范信息发布审核流程\t县数据局\t\t2024年9月30日",
                          "3\t建立政策文件解读回应机制\t县政务服务中心\t各乡镇（街道）\t2024年11月15日",
                          "注：各责任单位于每季度末报送工作进展。",
                          ""});  // the empty visible sheet after a blank line; the hidden one not read
    REQUIRE(s.grids.size() == 1);
    const Grid& g = s.grids[0];
    REQUIRE(g.rows.size() == 6);
    CHECK(g.rows[0].cells[0].row_span == 2);  // 序号 over both header rows
    CHECK(g.rows[0].cells[2].col_span == 2);  // 责任单位 over 牵头单位 | 配合单位
    CHECK(g.rows[2].cells[0].row_span == 2);  // 序号 1
    CHECK(g.rows[2].cells[2].row_span == 2);  // 县政府办公室
    CHECK(g.rows[3].cells.size() == 3);       // covered positions left out
    const Document doc = Convert(s, BuiltinRules());
    REQUIRE(doc.tasks.size() == 4);
    CHECK(doc.tasks[0].content == "深化行政决策公开");
    CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县政府办公室"});
    CHECK(doc.tasks[0].support_units == std::vector<std::string>{"县司法局"});
    CHECK(doc.tasks[1].seq == 1);
    CHECK(doc.tasks[1].lead_units == std::vector<std::string>{"县政府办公室"});  // merged cell filled down
    CHECK(doc.tasks[1].support_units == std::vector<std::string>{"县发展改革局", "县财政局"});
    CHECK(doc.tasks[1].deadline.date == "2024-12-31");
    CHECK(doc.tasks[2].content == "优化政务新媒体矩阵，规范信息发布审核流程");
    CHECK(doc.tasks[2].units == std::vector<std::string>{"县数据局"});
    CHECK(doc.tasks[2].deadline.text == "2024年9月30日");  // a date-typed cell, custom format
    CHECK(doc.tasks[2].deadline.date == "2024-09-30");
    CHECK(doc.tasks[3].seq == 3);  // 3.0000000000000004 as Excel shows it
    CHECK(doc.tasks[3].content == "建立政策文件解读回应机制");  // inline string with a run
    CHECK(doc.tasks[3].deadline.date == "2024-11-15");      // built-in date format 14
  }
}

TEST_CASE("native: each visible sheet of an xlsx is a table of its own, in the workbook's order", "[native]") {
  // tasks.xlsx with its empty visible third sheet holding the first one's table.
  const std::string bytes = ReadFile(Fixture("tasks.xlsx"));
  native::Zip zip(bytes, "tasks.xlsx");
  std::vector<std::pair<std::string, std::string>> members;
  for (const char* m : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                        "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"})
    members.emplace_back(m, zip.Read(m));
  members.emplace_back("xl/worksheets/sheet3.xml", zip.Read("xl/worksheets/sheet1.xml"));
  const Source s = Decode(MakeZip(members), "two.xlsx");
  CHECK(s.grids.size() == 2);
  const Document doc = Convert(s, BuiltinRules());
  REQUIRE(doc.tasks.size() == 8);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(SameRow(doc.tasks[i + 4], doc.tasks[i]));
    CHECK(doc.tasks[i + 4].first_line == doc.tasks[i].first_line + 9);  // title, header, rows, note, a blank line
  }
}

TEST_CASE("native: an xlsx Calc wrote: its General format is no date, roles and merges as printed", "[native]") {
  // calc-tasks.xlsx (tests/data/native/make_xlsx): Calc defines numFmt 164
  // "General"; read as a date format, 序号 1 became 1900年1月1日 and the
  // columns were taken for others (牵头单位 and 配合单位 swapped).
  const Document doc = ConvertFixture("calc-tasks.xlsx");
  CHECK(doc.format == "xlsx");
  REQUIRE(doc.tasks.size() == 5);
  const std::vector<std::vector<std::string>> lead = {
      {"区行政审批服务局"}, {"区行政审批服务局"}, {"区司法局"}, {"区自然资源局"}, {"区发展改革局"}};
  const std::vector<std::vector<std::string>> support = {
      {"区数据局"}, {"区数据局", "区司法局"}, {"各街道办事处"}, {"区发展改革局"}, {"区财政局", "区人社局"}};
  const std::vector<std::string> deadline = {"2024年6月底前", "2024年12月底前", "2024年6月30日", "2024年三季度", "长期坚持"};
  for (size_t i = 0; i < 5; ++i) {
    INFO(i);
    CHECK(doc.tasks[i].seq == static_cast<int>(i) + 1);
    CHECK(doc.tasks[i].section_title == (i < 3 ? "政务服务" : "要素保障"));  // 类别 merged down
    CHECK(doc.tasks[i].lead_units == lead[i]);
    CHECK(doc.tasks[i].support_units == support[i]);
    CHECK(doc.tasks[i].deadline.text == deadline[i]);
  }
  CHECK(doc.tasks[2].deadline.date == "2024-06-30");  // the date-typed cell
  CHECK(doc.tasks[4].deadline.date == std::nullopt);
}

TEST_CASE("native: the samples as .xlsx give the ledger of their .docx row for row", "[native]") {
  // Calc's import of the samples' HTML (tests/data/native/make): the body a
  // column of one-cell rows, the annex table below with its merges.
  CHECK(RowsEqual("xlsx") >= 0.95);
  for (const auto& name : SampleNames()) {
    INFO(name);
    const Document docx = ConvertFixture(name + ".docx");
    const Document xlsx = ConvertFixture(name + ".xlsx");
    REQUIRE(xlsx.tasks.size() == docx.tasks.size());
    for (size_t i = 0; i < docx.tasks.size(); ++i) {
      INFO(i);
      CHECK(SameRow(xlsx.tasks[i], docx.tasks[i]));
      CHECK(xlsx.tasks[i].lead_units == docx.tasks[i].lead_units);
    }
  }
}

TEST_CASE("native: an xlsx table gives the ledger the same table gives as .docx", "[native]") {
  auto tc = [](const std::string& pr, const std::string& text) {
    return "<w:tc><w:tcPr>" + pr + "</w:tcPr>" + P(text.empty() ? "" : R(text)) + "</w:tc>";
  };
  const std::string restart = "<w:vMerge w:val=\"restart\"/>", cont = "<w:vMerge/>";
  const std::string docx = MakeDocx(
      P(R("附件")) + P(R("2024年重点任务分工表")) + "<w:tbl><w:tr>" + tc("", "序号") + tc("", "工作任务") +
      tc("", "牵头单位") + tc("", "完成时限") + "</w:tr><w:tr>" + tc(restart, "1") + tc("", "编制年度工作要点") +
      tc(restart, "市政府办公室") + tc("", "2024年3月底前") + "</w:tr><w:tr>" + tc(cont, "") +
      tc("", "开展政务公开培训") + tc(cont, "") + tc("", "2024年9月30日") + "</w:tr><w:tr>" + tc("", "2") +
      tc("", "完善政策文件库") + tc("", "市司法局") + tc("", "长期坚持") + "</w:tr></w:tbl>");
  // The same table in a sheet: the date typed as a date (numFmtId 14), the
  // merges as ranges, cells written out of the way (column C before B is
  // not allowed, but a skipped column D is).
  const std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  const std::string xlsx = MakeXlsx(
      "<row r=\"1\">" + Is("A1", "附件") + "</row><row r=\"2\">" + Is("A2", "2024年重点任务分工表") +
          "</row><row r=\"4\">" + Is("A4", "序号") + Is("B4", "工作任务") + Is("C4", "牵头单位") + Is("D4", "完成时限") +
          "</row><row r=\"5\"><c r=\"A5\"><v>1</v></c>" + Is("B5", "编制年度工作要点") + Is("C5", "市政府办公室") +
          Is("D5", "2024年3月底前") + "</row><row r=\"6\">" + Is("B6", "开展政务公开培训") +
          "<c r=\"D6\" s=\"1\"><v>45565</v></c></row><row r=\"7\"><c r=\"A7\"><v>2</v></c>" +
          Is("B7", "完善政策文件库") + Is("C7", "市司法局") + Is("D7", "长期坚持") + "</row>",
      "<mergeCells><mergeCell ref=\"A5:A6\"/><mergeCell ref=\"C5:C6\"/></mergeCells>", styles);
  const Source a = Decode(docx, "t.docx"), b = Decode(xlsx, "t.xlsx");
  CHECK(Lines(b) == Lines(a));
  const Document da = Convert(a, BuiltinRules()), db = Convert(b, BuiltinRules());
  REQUIRE(da.tasks.size() == 3);
  REQUIRE(db.tasks.size() == da.tasks.size());
  for (size_t i = 0; i < da.tasks.size(); ++i) {
    CHECK(SameRow(db.tasks[i], da.tasks[i]));
    CHECK(db.tasks[i].seq == da.tasks[i].seq);
  }
  CHECK(db.tasks[1].units == std::vector<std::string>{"市政府办公室"});
  CHECK(db.tasks[1].deadline.date == "2024-09-30");
}

TEST_CASE("native: xlsx numbers as Excel shows them, dates in both systems, strings unescaped", "[native]") {
  auto row = [](const std::string& cells) {
    return Lines(Decode(MakeXlsx("<row r=\"1\">" + Is("A1", "值") + cells + "</row>", "",
                                 "<numFmts><numFmt numFmtId=\"177\" formatCode=\"h:mm\"/>"
                                 "<numFmt numFmtId=\"178\" formatCode=\"[$-804]yyyy&quot;年&quot;m&quot;月&quot;\"/>"
                                 "<numFmt numFmtId=\"164\" formatCode=\"General\"/>"
                                 "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"177\"/>"
                                 "<xf numFmtId=\"178\"/><xf numFmtId=\"31\"/><xf numFmtId=\"164\"/></cellXfs>"),
                        "t.xlsx"))[0];
  };
  CHECK(row("<c r=\"B1\"><v>1</v></c><c r=\"C1\"><v>2.5</v></c><c r=\"D1\"><v>0.30000000000000004</v></c>") ==
        "值\t1\t2.5\t0.3");
  CHECK(row("<c r=\"B1\" s=\"5\"><v>1</v></c>") == "值\t1");  // Calc's numFmt "General" is no date
  CHECK(row("<c r=\"B1\" t=\"d\"><v>2024-06-30T00:00:00</v></c><c r=\"C1\" t=\"d\"><v>2024-12-31</v></c>") ==
        "值\t2024年6月30日\t2024年12月31日");  // strict OOXML's ISO dates
  CHECK(row("<c r=\"B1\"><v>1.0000000001</v></c><c r=\"C1\"><v>1E-3</v></c><c r=\"D1\" t=\"b\"><v>1</v></c>") ==
        "值\t1.0000000001\t0.001\tTRUE");
  CHECK(row("<c r=\"B1\" s=\"1\"><v>45473</v></c><c r=\"C1\" s=\"1\"><v>45473.75</v></c>") ==
        "值\t2024年6月30日\t2024年6月30日");
  CHECK(row("<c r=\"B1\" s=\"1\"><v>59</v></c><c r=\"C1\" s=\"1\"><v>60</v></c><c r=\"D1\" s=\"1\"><v>61</v></c>") ==
        "值\t1900年2月28日\t1900年2月29日\t1900年3月1日");  // Lotus's 29 February
  CHECK(row("<c r=\"B1\" s=\"2\"><v>0.5</v></c><c r=\"C1\" s=\"3\"><v>45292</v></c><c r=\"D1\" s=\"4\"><v>45292</v></c>") ==
        "值\t0.5\t2024年1月\t2024年1月1日");  // h:mm is no date; [$-804]yyyy"年"m"月" is its month, CJK id 31 a day
  CHECK(row("<c r=\"B1\" t=\"str\"><f>A1</f><v>公式_x000D_\n结果</v></c><c r=\"C1\"><f>1+1</f></c>"
            "<c r=\"E1\" t=\"inlineStr\"><is><t>跳过D列</t></is></c>") ==
        "值\t公式 结果\t\t\t跳过D列");  // C: a formula with no cached value, D: not written; E in its column
  // A table from column B under a title in A merged wider than the table:
  // the table's own columns only.
  CHECK(Lines(Decode(MakeXlsx("<row r=\"1\">" + Is("A1", "附件") + "</row><row r=\"3\">" + Is("B3", "任务") +
                                  Is("C3", "单位") + "</row><row r=\"4\">" + Is("B4", "甲") + Is("C4", "乙局") + "</row>",
                              "<mergeCells><mergeCell ref=\"A1:H1\"/></mergeCells>"),
                     "t.xlsx")) == std::vector<std::string>{"附件", "任务\t单位", "甲\t乙局"});
  const std::string pr1904 = "<workbookPr date1904=\"1\"/>";
  CHECK(Lines(Decode(MakeXlsx("<row r=\"1\">" + Is("A1", "值") + "<c r=\"B1\" s=\"1\"><v>44011</v></c></row>", "",
                              "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>", pr1904),
                     "t.xlsx"))[0] == "值\t2024年6月30日");
}

TEST_CASE("native: a hostile or damaged xlsx is refused with what is wrong", "[native][robustness]") {
  auto start = CpuNow();
  CHECK(DecodeFixtureError("bomb.xlsx", ReadFile(Fixture("bomb.xlsx"))).Format() ==
        "bomb.xlsx: ZIP member xl/worksheets/sheet1.xml unpacks to more than 64 MiB (a zip bomb?)");
  CHECK(CpuNow() - start < std::chrono::seconds(10));
  const std::string xlsx = ReadFile(Fixture("tasks.xlsx"));
  CHECK(DecodeFixtureError("cut.xlsx", xlsx.substr(0, xlsx.size() - 30)).Format().rfind("cut.xlsx: damaged ZIP archive (", 0) == 0);
  CHECK(DecodeFixtureError("bad.xlsx", MakeXlsx("<row><c>")).Format().rfind(
            "bad.xlsx: xl/worksheets/sheet1.xml: not well-formed XML (", 0) == 0);
  // Overlapping merges over many rows (Excel writes none): the work stays
  // bounded, and what was left is reported.
  std::string rows, merges;
  for (int r = 1; r <= 3000; ++r) rows += "<row r=\"" + std::to_string(r) + "\">" + Is("A" + std::to_string(r), "甲") + Is("B" + std::to_string(r), "乙") + "</row>";
  for (int k = 0; k < 1000; ++k) merges += "<mergeCell ref=\"A1:B1048576\"/>";
  start = CpuNow();
  const Source storm = Decode(MakeXlsx(rows, "<mergeCells>" + merges + "</mergeCells>"), "storm.xlsx");
  CHECK(CpuNow() - start < std::chrono::seconds(10));
  REQUIRE(storm.diagnostics.size() == 1);
  CHECK(storm.diagnostics[0].code == "input.partial");
  // A workbook part under another name, found through the content types and
  // _rels/.rels; without it, the package says what is missing.
  const std::string types =
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/book.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
  CHECK(SniffFormat(MakeZip({{"[Content_Types].xml", types}})) == "xlsx");
  CHECK(DecodeFixtureError("none.xlsx", MakeZip({{"[Content_Types].xml", types}})).Format() ==
        "none.xlsx: an .xlsx without its workbook part (xl/workbook.xml)");
}

TEST_CASE("pdf layout: a coordinate that overflows (56.E800000) is no position and the layout ends", "[native][pdf]") {
  // Found by pdf_layout_fuzz: an infinite coordinate made NaN edges, and the
  // column clustering stopped advancing on them.
  const std::string bytes = ReadFile(SourceDir() + "/fuzz/regressions/pdf_layout/timeout-nan-coordinates");
  REQUIRE(!bytes.empty());
  const size_t nul = bytes.find('\0');
  const std::string_view all(bytes);
  const auto started = CpuNow();
  try {
    (void)noticetab::native::LayoutPdf(all.substr(0, nul), "fuzz.pdf",
                                       nul == std::string_view::npos ? std::string_view{} : all.substr(nul + 1));
  } catch (const noticetab::Error& e) {
    CHECK(!e.Format().empty());
  }
  // A hang fails the ctest's timeout; this bound only reports a slow one.
  CHECK(CpuNow() - started < std::chrono::seconds(5));
}

TEST_CASE("native: a ruled cell's line that stops short of its edge was ended by its writer", "[native][pdf]") {
  const std::vector<double> cols = {60, 300, 450, 550};
  // 县融媒体中心 leaves half the cell empty: the next line is a name of its
  // own. 县公共资源交易中心和县政 fills the line: 务服务中心 wraps on from it.
  // 2023年 over 12月底前: a number's wrap, whatever room it leaves.
  native::PlacedPage p = DrawTable(
      cols, {700, 730, 770, 810},
      {{0, 0, 0, 0, {"具体内容"}}, {0, 0, 1, 1, {"责任单位"}}, {0, 0, 2, 2, {"完成时限"}},
       {1, 1, 0, 0, {"甲任务。"}}, {1, 1, 1, 1, {"县融媒体中心", "县委网信办"}}, {1, 1, 2, 2, {"2023年", "12月底前"}},
       {2, 2, 0, 0, {"乙任务。"}}, {2, 2, 1, 1, {"县公共资源交易中心和县政", "务服务中心"}}, {2, 2, 2, 2, {"年底前"}}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 3);
  REQUIRE(g.rows[1].cells.size() == 3);
  // Broken, not glued (县融媒体中心县委网信办): the unit list reads two names.
  const std::string& units = g.rows[1].cells[1].text;
  CHECK((units == "县融媒体中心\n县委网信办" || units == "县融媒体中心 县委网信办"));
  CHECK(g.rows[1].cells[2].text == "2023年12月底前");
  REQUIRE(g.rows[2].cells.size() == 3);
  CHECK(g.rows[2].cells[1].text == "县公共资源交易中心和县政务服务中心");
}

TEST_CASE("native: a ruled cell's line with room for one more character was ended by its writer", "[native][pdf]") {
  // The unit column holds 8 characters a line (96 points at 12 a character,
  // inside 2 points of padding each side).
  const std::vector<double> cols = {60, 300, 400, 460};
  native::PlacedPage p = DrawTable(
      cols, {700, 730, 770, 810, 850},
      {{0, 0, 0, 0, {"具体内容"}}, {0, 0, 1, 1, {"责任单位"}}, {0, 0, 2, 2, {"完成时限"}},
       // Two characters of room: 市财政局 would have fitted in part; a name of its own.
       {1, 1, 0, 0, {"甲任务。"}}, {1, 1, 1, 1, {"市投资促进局", "市财政局"}}, {1, 1, 2, 2, {"年底前"}},
       // One character of room, but the next line opens 局、: no line starts
       // with 、, so the writer moved 局 down with it (a wrap).
       {2, 2, 0, 0, {"乙任务。"}}, {2, 2, 1, 1, {"市工业和信息化", "局、市财政局"}}, {2, 2, 2, 2, {"年底前"}},
       // Less than a character of room: a wrap.
       {3, 3, 0, 0, {"丙任务。"}}, {3, 3, 1, 1, {"市住房和城乡建设", "局"}}, {3, 3, 2, 2, {"年底前"}}});
  const Rendered r = native::LayoutPages({p});
  REQUIRE(r.grids.size() == 1);
  const Grid& g = r.grids[0];
  REQUIRE(g.rows.size() == 4);
  CHECK(native::CellText(g.rows[1].cells[1].text) == "市投资促进局 市财政局");
  CHECK(g.rows[2].cells[1].text == "市工业和信息化局、市财政局");
  CHECK(g.rows[3].cells[1].text == "市住房和城乡建设局");
  // Lines centred in their cell: the room is both sides' (72 points of text
  // in 96: 24 points, two characters).
  native::PlacedPage centred = DrawTable(cols, {700, 730, 770},
                                         {{0, 0, 0, 0, {"具体内容"}}, {0, 0, 1, 1, {"责任单位"}},
                                          {0, 0, 2, 2, {"完成时限"}}, {1, 1, 0, 0, {"甲任务。"}},
                                          {1, 1, 2, 2, {"年底前"}}});
  centred.words.push_back({314, 730.7, 386, 746.3, "市投资促进局"});
  centred.words.push_back({326, 744.8, 374, 760.4, "市财政局"});
  const Rendered rc = native::LayoutPages({centred});
  REQUIRE(rc.grids.size() == 1);
  REQUIRE(rc.grids[0].rows.size() == 2);
  CHECK(native::CellText(rc.grids[0].rows[1].cells[1].text) == "市投资促进局 市财政局");
}

TEST_CASE("native: a landscape annex after a portrait cover keeps its right columns (PDF)", "[native][pdf]") {
  // landscape-annex.pdf: LibreOffice's print of a .docx with a portrait
  // section (the notice) and a landscape one (the table). pdftocairo draws
  // all pages on the first page's surface and leaves out the rules beyond
  // it: the 完成时限 column was lost. Pages of another size are drawn again.
  const Source s = Decode(ReadFile(Fixture("landscape-annex.pdf")), "landscape-annex.pdf");
  REQUIRE(s.grids.size() == 1);
  const Grid& g = s.grids[0];
  REQUIRE(g.rows.size() == 3);
  REQUIRE(g.rows[0].cells.size() == 4);
  CHECK(g.rows[0].cells[3].text == "完成时限");
  const Document doc = ConvertFixture("landscape-annex.pdf");
  REQUIRE(doc.tasks.size() == 2);
  CHECK(doc.tasks[0].units == std::vector<std::string>{"县市场监管局", "县教育局"});
  CHECK(doc.tasks[0].deadline.date == "2024-06-30");
  CHECK(doc.tasks[1].deadline.date == "2024-10-31");
}

TEST_CASE("native: a header of two rows repeated after a page break is dropped whole (PDF)", "[native][pdf]") {
  // header-two-rows-repeated.pdf (LibreOffice's print of a .docx; real30 m1):
  // 责任单位 over 牵头单位 | 配合单位, 序号 and 完成时限 merged down both
  // header rows, repeated on page 2 under row 9, which the break cuts. Only
  // the first header row had been dropped: the second glued its words into
  // row 9 (县委组织部牵头单位, 2025年8完成时限) and row 9's rest became a task.
  const Document doc = ConvertFixture("header-two-rows-repeated.pdf");
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].seq == 9);
  CHECK(doc.tasks[0].content == "深化“积分制”“清单制”治理方式，实现全县行政村全覆盖。");
  CHECK(doc.tasks[0].lead_units == std::vector<std::string>{"县委组织部"});
  CHECK(doc.tasks[0].support_units == std::vector<std::string>{"县委政法委", "县民政局"});
  CHECK(doc.tasks[0].deadline.date == "2025-08-31");
}

TEST_CASE("native: a header's merged 序号 spans no task rows at a page break (PDF)", "[native][pdf]") {
  // header-two-rows-spans.pdf (real30 v1e): no row is cut, yet row 9 (the
  // last on page 2) and row 10 (the first under page 3's repeated header)
  // had been one row: the header's 序号 merged over its two rows made the
  // column one whose cells span rows, so 10 went on into 9's cell.
  const Document doc = ConvertFixture("header-two-rows-spans.pdf");
  REQUIRE(doc.tasks.size() == 11);
  for (size_t i = 0; i < doc.tasks.size(); ++i) CHECK(doc.tasks[i].seq == static_cast<int>(i) + 1);
  CHECK(doc.tasks[9].lead_units == std::vector<std::string>{"县委宣传部"});
}

TEST_CASE("native: a row whose 序号 cell is blank on the next page goes on there (PDF)", "[native][pdf]") {
  // row-cut-unnumbered.pdf (real30 m2): row 2's content is a head line and
  // 1.–6.; the break falls after 3.（…每年至少入户安检一次；), which ends no
  // sentence mid-word, so the row had not been joined: 4.–6. were a task
  // with no 序号, units or deadline.
  const Document doc = ConvertFixture("row-cut-unnumbered.pdf");
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[1].seq == 2);
  CHECK(doc.tasks[1].content.ends_with("6.对排查发现的重大隐患实行挂牌督办，整改到位后及时销号。"));
  CHECK(doc.tasks[1].deadline.date == "2025-09-30");
}

TEST_CASE("native: a footnote's raised mark after a cell's text is no part of it (PDF)", "[native][pdf]") {
  // footnote-mark.pdf (real30 m4): …改造项目5个。 with a footnote whose mark
  // is a small raised 1; the content had ended …5个。1.
  const Document doc = ConvertFixture("footnote-mark.pdf");
  REQUIRE(!doc.tasks.empty());
  CHECK(doc.tasks[0].content == "推进城中村改造，启动实施改造项目5个。");
}

TEST_CASE("native: a 抄送 line wrapped inside a name goes on (PDF)", "[native][pdf]") {
  // cc-wrapped-mid-name.pdf (real30 m3): 抄送：…县政府办公室，县 / 政协办公室。
  // The list had ended in a name 县, the rest lost.
  const Document doc = ConvertFixture("cc-wrapped-mid-name.pdf");
  CHECK(doc.document.cc ==
        std::vector<std::string>{"县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室"});
}

TEST_CASE("native: sub-rows under a 序号 merged over a page break stay tasks of their own (PDF)", "[native][pdf]") {
  // merged-seq-over-break.pdf (the session's review, p2_1): each 序号 merged
  // over three sub-rows with their own content, unit and deadline; the break
  // falls between two sub-rows of 6. The blank 序号 on the new page is the
  // merged cell's going on, not a cut row: the two had been fused into one
  // (第16项…第17项, 县市场监管局、县税务局, the first's deadline lost).
  const Document doc = ConvertFixture("merged-seq-over-break.pdf");
  REQUIRE(doc.tasks.size() == 36);
  for (size_t i = 0; i < doc.tasks.size(); ++i) {
    INFO(i);
    CHECK(doc.tasks[i].content == "按照要求组织实施第" + std::to_string(i + 1) + "项工作。");
    CHECK(doc.tasks[i].units.size() == 1);
  }
}

TEST_CASE("native: a flat OpenDocument text is read as its .odt; a flat spreadsheet is refused", "[native]") {
  // flat-autonum.fodt: LibreOffice's .fodt of real30's n1b .odt (Word
  // numbering, merged cells). It had been read as text holding an HTML table
  // (<table:table> taken for <table>): XML in the caption, rows shifted under
  // the merged cells, a task of XML. Now one XML through the .odt reader.
  const Document flat = ConvertFixture("flat-autonum.fodt");
  CHECK(flat.format == "odt");
  const std::string odt = SourceDir() + "/tests/probes/real30/n1b_lo_odt_from_docx_autonum_vmerge.odt";
  const Document zipped = Convert(Decode(ReadFile(odt), "n1b.odt"), BuiltinRules());
  REQUIRE(flat.tasks.size() == zipped.tasks.size());
  REQUIRE(!flat.tasks.empty());
  for (size_t i = 0; i < flat.tasks.size(); ++i) CHECK(SameRow(flat.tasks[i], zipped.tasks[i]));
  CHECK(DecodeFixtureError("calc-tasks.fods", ReadFile(Fixture("calc-tasks.fods"))).Format() ==
        "calc-tasks.fods: a flat OpenDocument file of type application/vnd.oasis.opendocument.spreadsheet, not a "
        "text document; noticetab reads .odt, .docx, .xlsx, .html, PDF, OFD and text");
}

TEST_CASE("native: a 序号 column numbered by a list going on from cell to cell (ODT)", "[native]") {
  // seq-list-in-cells.odt (real34 m1): each 序号 cell an empty paragraph of a
  // text:list continuing the one above (continue-list); LibreOffice shows
  // 1, 2, 3. The column had been empty (seq null on every task).
  const Document doc = ConvertFixture("seq-list-in-cells.odt");
  REQUIRE(doc.tasks.size() == 3);
  for (size_t i = 0; i < doc.tasks.size(); ++i) CHECK(doc.tasks[i].seq == static_cast<int>(i) + 1);
  CHECK(doc.tasks[0].content == "推进紧密型县域医共体建设。");
}

TEST_CASE("native: a w:sym character is the one its symbol font draws; an unknown one is said (DOCX)", "[native]") {
  // sym-symbol-font.docx (real34 m2): 覆盖率<w:sym Symbol F0B3>95%, which Word
  // shows as ≥ (numbering.yaml symbol_fonts); it had been dropped (95%).
  const Document doc = ConvertFixture("sym-symbol-font.docx");
  REQUIRE(!doc.tasks.empty());
  CHECK(doc.tasks[0].content == "学校食堂“明厨亮灶”覆盖率≥95%。");
  bool said = false;
  for (const auto& d : doc.diagnostics) said |= d.code == "input.partial";
  CHECK_FALSE(said);
  // The same with a font the table does not list (Webdings): left out, said.
  const Document unknown = ConvertFixture("sym-unknown-font.docx");
  REQUIRE(!unknown.tasks.empty());
  CHECK(unknown.tasks[0].content == "学校食堂“明厨亮灶”覆盖率95%。");
  bool partial = false;
  for (const auto& d : unknown.diagnostics) partial |= d.code == "input.partial" && d.first_line == 17;
  CHECK(partial);
}

TEST_CASE("native: a date cell in a month-only format is that month (XLSX)", "[native]") {
  // month-only-date.xlsx (real36 m1): 2025-09-01 shown as 2025年9月 (a custom
  // yyyy"年"m"月" format, as a typed 2025年9月 is stored); it had been read as
  // 2025年9月1日, due a month early. A day format stays a day (task 3).
  const Document doc = ConvertFixture("month-only-date.xlsx");
  REQUIRE(doc.tasks.size() == 3);
  CHECK(doc.tasks[0].deadline.text == "2025年9月");
  CHECK(doc.tasks[0].deadline.date == "2025-09-30");
  CHECK(doc.tasks[2].deadline.text == "2025年8月15日");
}

TEST_CASE("native: a hidden row is not read, a row hidden by a filter is (XLSX)", "[native]") {
  // hidden-row.xlsx (real36 m2): a hidden row keeping an earlier wording
  // (（已调整）…) had been a task of its own; now left out and said.
  const Document doc = ConvertFixture("hidden-row.xlsx");
  REQUIRE(doc.tasks.size() == 3);
  for (const auto& t : doc.tasks) CHECK(t.content.find("（已调整）") == std::string::npos);
  bool said = false;
  for (const auto& d : doc.diagnostics) said |= d.code == "input.partial";
  CHECK(said);
  // Rows an autoFilter hides are the table's own.
  CHECK(ConvertFixture("autofilter-hidden-rows.xlsx").tasks.size() == 3);
}

TEST_CASE("native: a merge anchored in a hidden row shows below it; a collapsed outline's rows are read (XLSX)", "[native]") {
  // The review's x4: row 5 (an old wording) hidden, its 责任单位 merged over
  // rows 5-7; Excel shows the merged text in rows 6 and 7, which had lost it.
  auto row = [](int r, const std::string& seq, const std::string& task, const std::string& unit,
                const std::string& extra) {
    const std::string n = std::to_string(r);
    return "<row r=\"" + n + "\"" + extra + ">" + Is("A" + n, seq) + Is("B" + n, task) +
           (unit.empty() ? "" : Is("C" + n, unit)) + "</row>";
  };
  const std::string head = row(4, "序号", "工作任务", "责任单位", "");
  const Document merged = Convert(
      Decode(MakeXlsx(head + row(5, "1", "（已调整）推进老旧小区改造。", "县城市管理局", " hidden=\"1\"") +
                          row(6, "1", "推进老旧小区改造。", "", "") + row(7, "2", "推进数字乡村建设。", "", ""),
                      "<mergeCells><mergeCell ref=\"C5:C7\"/></mergeCells>"),
             "t.xlsx"),
      BuiltinRules());
  REQUIRE(merged.tasks.size() == 2);
  for (const auto& t : merged.tasks) CHECK(t.units == std::vector<std::string>{"县城市管理局"});
  // Rows hidden by collapsing an outline group (outlineLevel) are a view's state: read.
  const Document outline = Convert(
      Decode(MakeXlsx(head + row(5, "1", "推进垃圾分类。", "县城管局", " hidden=\"1\" outlineLevel=\"1\"") +
                          row(6, "2", "推进污水治理。", "县水利局", " hidden=\"1\" outlineLevel=\"1\"")),
             "t.xlsx"),
      BuiltinRules());
  CHECK(outline.tasks.size() == 2);
}
