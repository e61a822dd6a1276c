#include "noticetab/write.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "test_util.h"

using noticetab::Document;
using noticetab::Task;
using noticetab::WriteOptions;

namespace {

// The smallest document that still has every kind of value: a null, a list,
// a nested section/item, a task outside any item.
Document Tiny() {
  Document d;
  d.source = "a.txt";
  d.encoding = "UTF-8";
  d.layout = "none";
  d.document.issuer = "招远市人民政府办公室";
  d.document.recipients = {"各镇人民政府"};
  d.document.date = "2023-08-09";
  d.document.year = 2023;
  d.sections.push_back({1, "一", "总体要求", 3, {{1, "一", "加强公开", "加强公开。全文", 4}}});
  Task t;
  t.id = 1;
  t.section = 1;
  t.section_no = "一";
  t.section_title = "总体要求";
  t.content = "落实\"三公\"经费,公开";
  t.units = {"市财政局", "市审计局"};
  t.deadline = {"2023年6月底前", "2023-06-30", "by_date", "month", "text"};
  t.first_line = 5;
  t.last_line = 6;
  d.tasks.push_back(t);
  d.warnings = {"未找到附件表格"};
  return d;
}

// Tiny() plus a task whose cells need quoting everywhere, and a second
// document to show batches.
std::vector<Document> Batch() {
  Document a = Tiny();
  Task t;
  t.id = 2;
  t.seq = 7;
  t.section = 1;
  t.section_no = "一";
  t.section_title = "总体要求";
  t.item = 1;
  t.item_no = "4";
  t.item_title = "yes";
  t.content = "推进\"放管服\",改革\n第二行\t完";
  t.units = {"市发改局", "市财政局"};
  t.lead_units = {"市发改局"};
  t.units_open = true;
  t.first_line = 8;
  t.last_line = 10;
  t.warnings = {"由合并单元格推断", "标签与正文不符"};
  a.tasks.push_back(t);
  Document b = Tiny();
  b.source = "b.txt";
  b.document.date.reset();
  b.tasks[0].id = 1;
  b.tasks[0].content = "-";
  return {a, b};
}

std::string Write(std::string_view format, const std::vector<Document>& docs,
                  WriteOptions opts = {}) {
  std::ostringstream out;
  noticetab::FindWriter(format)->write(out, docs, opts);
  return out.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Same shape and same scalar text; yaml-cpp reads JSON too, so this compares
// the two tree writers through one parser.
void RequireSameTree(const YAML::Node& a, const YAML::Node& b) {
  REQUIRE(a.Type() == b.Type());
  if (a.IsScalar()) {
    REQUIRE(a.Scalar() == b.Scalar());
  } else if (a.IsSequence()) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) RequireSameTree(a[i], b[i]);
  } else if (a.IsMap()) {
    REQUIRE(a.size() == b.size());
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
      REQUIRE(i->first.Scalar() == j->first.Scalar());
      RequireSameTree(i->second, j->second);
    }
  }
}

}  // namespace

TEST_CASE("writer table lists every format once", "[write]") {
  std::vector<std::string> names;
  for (const auto& w : noticetab::Writers()) {
    names.emplace_back(w.name);
    CHECK(w.extension == (w.name == "text" ? "txt" : w.name));
    CHECK((w.write != nullptr || w.write_rows != nullptr));
  }
  CHECK(names == std::vector<std::string>{"yaml", "json", "jsonl", "csv", "tsv", "xlsx", "ics", "text"});
  CHECK(noticetab::DocumentFormatNames() == "yaml|json|jsonl|csv|tsv|xlsx|ics");
  // Every format a view lists is a table writer (due's ics is its calendar).
  using noticetab::TableView;
  for (TableView v : {TableView::kByUnit, TableView::kUnitSummary, TableView::kForUnit, TableView::kDue,
                      TableView::kDiff}) {
    for (std::string_view f : noticetab::TableFormats(v)) {
      if (v == TableView::kDue && f == "ics") continue;
      REQUIRE(noticetab::FindWriter(f) != nullptr);
      CHECK(noticetab::FindWriter(f)->write_rows != nullptr);
    }
  }
  CHECK(noticetab::TableFormatList(TableView::kDiff) == "yaml, json, jsonl, csv, tsv, xlsx or text");
  CHECK(noticetab::TableFormatList(TableView::kByUnit) == "yaml, json, jsonl, csv or tsv");
  CHECK(noticetab::TableFormatList(TableView::kDue) == "yaml, json, jsonl, csv, tsv, xlsx, ics or text");
  REQUIRE(noticetab::FindWriter("csv") != nullptr);
  CHECK(noticetab::FindWriter("csv")->extension == "csv");
  CHECK(noticetab::FindWriter("xml") == nullptr);
}

TEST_CASE("shell completions offer the writer table's formats", "[write]") {
  // The completions are shell scripts, not built from the table: this keeps
  // their -f word lists in step with Writers().
  std::vector<std::string> formats;
  for (const auto& w : noticetab::Writers()) formats.emplace_back(w.name);
  std::sort(formats.begin(), formats.end());
  const std::pair<const char*, const char*> kLists[] = {
      {"contrib/completion/noticetab.bash", "-f|--format) COMPREPLY=($(compgen -W \""},
      {"contrib/completion/_noticetab", ":format:("},
  };
  for (const auto& [file, before] : kLists) {
    INFO(file);
    const std::string text = noticetab::testing::ReadFile(noticetab::testing::SourceDir() + "/" + file);
    const size_t at = text.find(before);
    REQUIRE(at != std::string::npos);
    const size_t begin = at + std::string_view(before).size();
    std::istringstream words(text.substr(begin, text.find_first_of("\")\"", begin) - begin));
    std::vector<std::string> listed{std::istream_iterator<std::string>(words), {}};
    std::sort(listed.begin(), listed.end());
    CHECK(listed == formats);
  }
}

TEST_CASE("json: exact output for a tiny document", "[write][json]") {
  const std::string expected = R"({
  "source": "a.txt",
  "encoding": "UTF-8",
  "format": "text",
  "layout": "none",
  "kind": null,
  "document": {
    "issuer": "招远市人民政府办公室",
    "number": null,
    "title": null,
    "recipients": ["各镇人民政府"],
    "date": "2023-08-09",
    "year": 2023,
    "publicity": null,
    "attachments": [],
    "cc": [],
    "printed_by": null,
    "printed_date": null
  },
  "sections": [
    {
      "index": 1,
      "no": "一",
      "title": "总体要求",
      "line": 3,
      "items": [
        {
          "index": 1,
          "no": "一",
          "title": "加强公开",
          "text": "加强公开。全文",
          "line": 4
        }
      ]
    }
  ],
  "tasks": [
    {
      "id": 1,
      "seq": null,
      "section": 1,
      "section_no": "一",
      "section_title": "总体要求",
      "item": null,
      "item_no": null,
      "item_title": null,
      "content": "落实\"三公\"经费,公开",
      "units": ["市财政局", "市审计局"],
      "lead_units": [],
      "support_units": [],
      "units_open": false,
      "deadline": {
        "text": "2023年6月底前",
        "date": "2023-06-30",
        "kind": "by_date",
        "granularity": "month",
        "year_source": "text"
      },
      "table": null,
      "lines": [5, 6],
      "page": null,
      "leaders": [],
      "remarks": null,
      "warnings": []
    }
  ],
  "warnings": ["未找到附件表格"]
}
)";
  CHECK(Write("json", {Tiny()}) == expected);
}

TEST_CASE("json: escapes control characters and keeps Chinese raw", "[write][json]") {
  Document d = Tiny();
  d.source = "引号\"反斜杠\\换行\n制表\t\x01\x1f";
  const std::string json = Write("json", {d});
  CHECK(json.find(R"("source": "引号\"反斜杠\\换行\n制表\t\u0001\u001f",)") != std::string::npos);
}

TEST_CASE("json: several documents form an array, jsonl one line each", "[write][json]") {
  const auto docs = Batch();
  const std::string json = Write("json", docs);
  CHECK(json.rfind("[\n  {\n    \"source\": \"a.txt\",", 0) == 0);
  CHECK(json.find("\n  },\n  {\n    \"source\": \"b.txt\",") != std::string::npos);
  CHECK(json.substr(json.size() - 7) == "\n  }\n]\n");
  CHECK(Write("json", {}) == "[]\n");

  const auto lines = Lines(Write("jsonl", docs));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind(R"({"source":"a.txt","encoding":"UTF-8","format":"text","layout":"none","kind":null,"document":{)", 0) ==
        0);
  CHECK(lines[1].rfind(R"({"source":"b.txt",)", 0) == 0);
  CHECK(lines[1].find(R"("date":null,"year":2023)") != std::string::npos);
  CHECK(Write("jsonl", {}).empty());
}

TEST_CASE("yaml: parses back with yaml-cpp to the same values", "[write][yaml]") {
  const YAML::Node doc = YAML::Load(Write("yaml", {Batch()[0]}));
  CHECK(doc["source"].as<std::string>() == "a.txt");
  const YAML::Node date = doc["document"]["date"];
  CHECK(date.as<std::string>() == "2023-08-09");
  CHECK(date.Tag() == "!");  // quoted, so no reader takes it for a date
  CHECK(doc["document"]["year"].as<int>() == 2023);
  CHECK(doc["document"]["number"].IsNull());
  CHECK(doc["document"]["cc"].IsSequence());
  CHECK(doc["document"]["cc"].size() == 0);
  CHECK(doc["sections"][0]["no"].as<std::string>() == "一");
  CHECK(doc["sections"][0]["items"][0]["text"].as<std::string>() == "加强公开。全文");

  const YAML::Node t1 = doc["tasks"][0];
  CHECK(t1["seq"].IsNull());
  CHECK(t1["item_no"].IsNull());
  CHECK(t1["units"].as<std::vector<std::string>>() ==
        std::vector<std::string>{"市财政局", "市审计局"});
  CHECK(t1["deadline"]["date"].as<std::string>() == "2023-06-30");
  CHECK(t1["lines"].as<std::vector<int>>() == std::vector<int>{5, 6});
  CHECK(t1["units_open"].as<bool>() == false);

  const YAML::Node t2 = doc["tasks"][1];
  CHECK(t2["seq"].as<int>() == 7);
  CHECK(t2["item_no"].as<std::string>() == "4");
  CHECK(t2["item_no"].Tag() == "!");
  CHECK(t2["item_title"].Tag() == "!");  // "yes" would read as a YAML 1.1 bool
  CHECK(t2["content"].as<std::string>() == "推进\"放管服\",改革\n第二行\t完");
  CHECK(t2["units_open"].as<bool>() == true);
  CHECK(t2["warnings"].as<std::vector<std::string>>() ==
        std::vector<std::string>{"由合并单元格推断", "标签与正文不符"});
}

TEST_CASE("yaml: block style, Chinese unescaped, one stream for a batch", "[write][yaml]") {
  const std::string yaml = Write("yaml", Batch());
  CHECK(yaml.rfind("source: a.txt\nencoding: UTF-8\nformat: text\nlayout: none\nkind: null\ndocument:\n  issuer: "
                   "招远市人民政府办公室\n",
                   0) == 0);
  CHECK(yaml.find("\n  - index: 1\n    \"no\": 一\n") != std::string::npos);
  CHECK(yaml.find("    units:\n      - 市财政局\n      - 市审计局\n") != std::string::npos);
  CHECK(yaml.find("\n---\nsource: b.txt\n") != std::string::npos);

  const auto yaml_docs = YAML::LoadAll(yaml);
  const YAML::Node json = YAML::Load(Write("json", Batch()));
  REQUIRE(yaml_docs.size() == 2);
  REQUIRE(json.size() == 2);
  RequireSameTree(yaml_docs[0], json[0]);
  RequireSameTree(yaml_docs[1], json[1]);
  CHECK(yaml_docs[1]["document"]["date"].IsNull());
}

TEST_CASE("FlatRow: lists joined, nulls empty", "[write][flat]") {
  const auto docs = Batch();
  CHECK(noticetab::FlatColumns().size() == 21);
  CHECK(noticetab::FlatColumns().front() == "source");
  CHECK(noticetab::FlatColumns()[16] == "warnings");
  CHECK(noticetab::FlatColumns()[18] == "page");  // the contract's last; added columns after it
  CHECK(noticetab::FlatColumns()[19] == "leaders");
  CHECK(noticetab::FlatColumns().back() == "remarks");
  const auto r1 = noticetab::FlatRow(docs[0], docs[0].tasks[0]);
  CHECK(r1 == std::vector<std::string>{"a.txt", "1", "", "一", "总体要求", "", "",
                                       "落实\"三公\"经费,公开", "市财政局、市审计局", "", "",
                                       "2023年6月底前", "2023-06-30", "by_date", "5", "6", "", "", "", "", ""});
  const auto r2 = noticetab::FlatRow(docs[0], docs[0].tasks[1]);
  CHECK(r2[2] == "7");
  CHECK(r2[5] == "4");
  CHECK(r2[9] == "市发改局");
  CHECK(r2[11] == "");
  CHECK(r2[13] == "none");
  CHECK(r2[16] == "由合并单元格推断；标签与正文不符");
  // Leaders are a list joined like the units; remarks are text.
  auto d = docs[0];
  d.tasks[1].leaders = {"张三", "李四"};
  d.tasks[1].remarks = "每月报送";
  const auto r3 = noticetab::FlatRow(d, d.tasks[1]);
  CHECK(r3[19] == "张三、李四");
  CHECK(r3[20] == "每月报送");
}

TEST_CASE("csv: header, RFC 4180 quoting, one table for a batch", "[write][csv]") {
  const std::string csv = Write("csv", Batch());
  const std::string header =
      "source,id,seq,section_no,section_title,item_no,item_title,content,units,lead_units,"
      "support_units,deadline,deadline_date,deadline_kind,first_line,last_line,warnings,table,page,leaders,remarks\n";
  REQUIRE(csv.rfind(header, 0) == 0);
  CHECK(csv.substr(header.size()) ==
        "a.txt,1,,一,总体要求,,,\"落实\"\"三公\"\"经费,公开\",市财政局、市审计局,,,2023年6月底前,"
        "2023-06-30,by_date,5,6,,,,,\n"
        "a.txt,2,7,一,总体要求,4,yes,\"推进\"\"放管服\"\",改革\n第二行\t完\",市发改局、市财政局,"
        "市发改局,,,,none,8,10,由合并单元格推断；标签与正文不符,,,,\n"
        "b.txt,1,,一,总体要求,,,-,市财政局、市审计局,,,2023年6月底前,2023-06-30,by_date,5,6,,,,,\n");
}

TEST_CASE("csv: excel mode adds a BOM and CRLF", "[write][csv]") {
  WriteOptions opts;
  opts.excel = true;
  const std::string csv = Write("csv", {Tiny()}, opts);
  REQUIRE(csv.rfind("\xEF\xBB\xBFsource,id,", 0) == 0);
  CHECK(csv.find("warnings,table,page,leaders,remarks\r\na.txt,1,") != std::string::npos);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  CHECK(Write("csv", {Tiny()}).find('\r') == std::string::npos);
}

TEST_CASE("tsv: tabs and line breaks inside a cell become spaces", "[write][tsv]") {
  const auto lines = Lines(Write("tsv", Batch()));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].rfind("source\tid\tseq\t", 0) == 0);
  CHECK(lines[2] ==
        "a.txt\t2\t7\t一\t总体要求\t4\tyes\t推进\"放管服\",改革 第二行 完\t市发改局、市财政局\t"
        "市发改局\t\t\t\tnone\t8\t10\t由合并单元格推断；标签与正文不符\t\t\t\t");
  Document d = Tiny();
  d.tasks[0].content = "甲\r\n乙";
  CHECK(Lines(Write("tsv", {d}))[1].find("\t甲 乙\t") != std::string::npos);
}

TEST_CASE("normalize_punct applies to text but not to the source path", "[write]") {
  Document d = Tiny();
  d.source = "通知(甲,乙).txt";
  d.tasks[0].content = "甲,乙";
  WriteOptions opts;
  opts.normalize_punct = true;
  const std::string json = Write("json", {d}, opts);
  CHECK(json.find("\"source\": \"通知(甲,乙).txt\"") != std::string::npos);
  CHECK(json.find("\"content\": \"甲，乙\"") != std::string::npos);
  CHECK(Write("yaml", {d}, opts).find("content: 甲，乙\n") != std::string::npos);
  const std::string csv = Write("csv", {d}, opts);
  CHECK(csv.find("\"通知(甲,乙).txt\",1,") != std::string::npos);
  CHECK(csv.find(",甲，乙,") != std::string::npos);
}

TEST_CASE("write: a big document rendered in chunks (Pieces::part_to) is the text part() renders", "[write]") {
  // 3,000 tasks of about 1 KB of JSON each: several kDrainChunk pieces.
  Document big = Tiny();
  const Task t = big.tasks.front();
  big.tasks.clear();
  for (int i = 1; i <= 3000; ++i) {
    Task u = t;
    u.id = i;
    u.content = std::string(200, 'x') + std::to_string(i);
    big.tasks.push_back(u);
  }
  const WriteOptions opts;
  for (const std::string f : {"json", "yaml"}) {
    const noticetab::Pieces* p = noticetab::FindWriter(f)->pieces;
    REQUIRE(p != nullptr);
    REQUIRE(p->part_to != nullptr);
    for (const bool several : {false, true}) {
      INFO(f << " several=" << several);
      std::string joined;
      int chunks = 0;
      p->part_to(big, several, opts, [&](std::string& chunk) {
        CHECK(chunk.size() <= 2 * noticetab::kDrainChunk);
        joined += chunk;
        ++chunks;
      });
      CHECK(chunks >= 2);
      CHECK(joined == p->part(big, several, opts));
    }
  }
  CHECK(noticetab::FindWriter("csv")->pieces->part_to == nullptr);  // part() only: its text is a fraction of the document
}
