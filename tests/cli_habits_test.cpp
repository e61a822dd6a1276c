// Issue 13 through the built binary: document-level problems on stderr for
// every format, --strict, and the habits of common command-line tools.
// Each case asserts the exit status, stdout and stderr.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "test_util.h"

using namespace noticetab::testing;

namespace {

const std::string kNoTasks = ": no tasks found (no task table recognized and no numbered body items)\n";

bool HasPty() { return std::system("command -v script >/dev/null 2>&1") == 0; }

// Runs `args` with stdin, stdout and stderr on a pseudo-terminal (script(1));
// returns what the terminal showed.
std::string OnTerminal(const std::string& args, const std::string& env = "") {
  TempDir d;
  const std::string cmd = "cd '" + SourceDir() + "' && script -qec \"" + env + " '" + Binary() + "' " + args +
                          "\" /dev/null < /dev/null > " + d / "shown";
  (void)std::system(cmd.c_str());  // script -e: the exit status of the command
  return ReadFile(d / "shown");
}

}  // namespace

TEST_CASE("a document with no tasks is a problem on stderr for every format; the samples have none",
          "[cli][habits]") {
  TempDir d;
  std::ofstream(d / "page.txt") << "欢迎访问\n这是一个网页，没有表格也没有编号的条目。\n";
  for (const std::string f : {"yaml", "json", "jsonl", "csv", "tsv"}) {
    const RunResult r = RunCli("-f " + f + " " + d / "page.txt");
    INFO(f);
    CHECK(r.status == 0);
    CHECK(!r.out.empty());
    CHECK(r.err == "noticetab: " + d / "page.txt" + kNoTasks);
  }
  // Counted in the summary of a batch.
  RunResult r = RunCli("-f csv " + d / "page.txt" + " samples/linyi-2023.txt");
  CHECK(r.status == 0);
  CHECK(r.err.starts_with("noticetab: " + d / "page.txt" + kNoTasks +
                          "noticetab: 2 of 2 files converted, 65 tasks, "));
  CHECK(r.err.find(", 1 problem (") != std::string::npos);
  // --strict fails on it (exit 1, output still written); --strict=warning on any warning.
  r = RunCli("--strict -f csv " + d / "page.txt");
  CHECK(r.status == 1);
  CHECK(r.out.starts_with("source,"));
  CHECK(r.err == "noticetab: " + d / "page.txt" + kNoTasks);
  r = RunCli("--strict=bogus -f csv " + d / "page.txt");
  CHECK(r.status == 2);
  CHECK(r.err == "noticetab: --strict=bogus: expected problem or warning\n");
  // The five samples: no problem, so --strict passes.
  std::string all;
  for (const auto& name : SampleNames()) all += " samples/" + name + ".txt";
  r = RunCli("-q --strict -f csv" + all);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(RunCli("-q --strict=warning -f csv" + all).status == 1);
}

TEST_CASE("the no-tasks problem says why: numbered paragraphs that are not tasks, a table without rows",
          "[cli][habits]") {
  TempDir d;
  // A meeting notice: 一、二、三、 in the body, none a task.
  std::ofstream(d / "meeting.txt") << "关于召开全市安全生产工作会议的通知\n\n各县市区人民政府：\n"
                                      "一、会议时间\n2024年3月5日上午9:00。\n二、会议地点\n市政府第一会议室。\n"
                                      "三、有关要求\n请提前10分钟到场。\n";
  RunResult r = RunCli("-f csv " + d / "meeting.txt");
  CHECK(r.status == 0);
  CHECK(r.err == "noticetab: " + d / "meeting.txt" +
                     ": no tasks found (no task table recognized; the numbered body paragraphs are not tasks in a "
                     "document of kind other)\n");
  std::ofstream(d / "table.txt") << "2024年工作清单\n\n附件\n序号\t工作任务\t责任单位\t完成时限\n";
  r = RunCli("-f csv " + d / "table.txt");
  CHECK(r.status == 0);
  CHECK(r.err == "noticetab: " + d / "table.txt" + ": no tasks found (the task table has no rows)\n");
}

TEST_CASE("no file and stdin not a terminal: stdin is read", "[cli][habits]") {
  const RunResult piped = RunCli("-f csv < samples/linyi-2023.txt");
  const RunResult dash = RunCli("-f csv - < samples/linyi-2023.txt");
  CHECK(piped.status == 0);
  CHECK(piped.err.empty());
  CHECK(piped.out == dash.out);
  CHECK(piped.out.find("\n-,1,") != std::string::npos);
}

TEST_CASE("format and encoding names: any case; gbk, gb2312, cp936 are gb18030", "[cli][habits]") {
  const RunResult lower = RunCli("-f csv samples/linyi-2023.txt");
  const RunResult upper = RunCli("-f CSV samples/linyi-2023.txt");
  CHECK(upper.status == 0);
  CHECK(upper.err.empty());
  CHECK(upper.out == lower.out);
  const RunResult gb = RunCli("-f csv --encoding gb18030 samples/linyi-2023.txt");
  for (const std::string e : {"gbk", "GBK", "gb2312", "cp936"}) {
    const RunResult r = RunCli("-f csv --encoding " + e + " samples/linyi-2023.txt");
    INFO(e);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == gb.out);
  }
}

TEST_CASE("did you mean: options and commands; an unknown command fails before any work",
          "[cli][habits]") {
  TempDir d;
  RunResult r = RunCli("--fromat csv samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: unrecognised option '--fromat' (did you mean '--format'?)\n");
  r = RunCli("unit samples/linyi-2023.txt -o " + d / "out.csv");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "noticetab: unknown command 'unit' and no such file (did you mean 'units'?) (commands: convert, units, "
        "due, diff)\n");
  CHECK(!std::ifstream(d / "out.csv"));  // nothing was converted or written
}

TEST_CASE("--version names the rules version", "[cli][habits]") {
  const RunResult r = RunCli("--version");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("\nrules: built-in ") != std::string::npos);
  CHECK(r.out.find(" files)\nscans: ") != std::string::npos);
}

TEST_CASE("xlsx is refused to a terminal; TERM=dumb and NO_COLOR get no escape sequences",
          "[cli][habits]") {
  if (!HasPty()) return;  // no script(1) for a pseudo-terminal
  const std::string shown = OnTerminal("-f xlsx samples/linyi-2023.txt");
  CHECK(shown == "noticetab: an xlsx workbook is binary; write it with -o FILE or redirect stdout\r\n");
  TempDir d;
  const std::string batch = "-f csv -o " + d / "o.csv" + " samples/linyi-2023.txt samples/shanghe-2023.txt";
  for (const std::string env : {"TERM=dumb", "NO_COLOR=1"}) {
    const std::string out = OnTerminal(batch, env);
    INFO(env);
    CHECK(out.find("noticetab: 2 of 2 files converted") != std::string::npos);
    CHECK(out.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("-f xlsx -o FILE on a document with no table prints the problem on stderr", "[cli][habits]") {
  TempDir d;
  std::ofstream(d / "page.txt") << "欢迎访问\n这是一个网页，没有表格也没有编号的条目。\n";
  RunResult r = RunCli("-f xlsx -o " + d / "out.xlsx " + d / "page.txt");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: " + d / "page.txt" + kNoTasks);
  CHECK(std::ifstream(d / "out.xlsx").good());  // the workbook is still written
  r = RunCli("--strict -f xlsx -o " + d / "strict.xlsx " + d / "page.txt");
  CHECK(r.status == 1);
  CHECK(r.err == "noticetab: " + d / "page.txt" + kNoTasks);
}

TEST_CASE("no input files: refused when stdin is a terminal; read when it is /dev/null", "[cli][habits]") {
  if (HasPty()) {
    // script(1) gives the command a terminal on stdin.
    CHECK(OnTerminal("-f csv") == "noticetab: no input files (use '-' for stdin; see --help)\r\n");
  }
  // stdin not a terminal (here /dev/null, as under cron or nohup): it is read, an
  // empty notice with no tasks, which is said.
  const RunResult r = RunCli("-f csv < /dev/null");
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("source,id,"));
  CHECK(r.err == "noticetab: <stdin>" + kNoTasks);
}

TEST_CASE("units cut mid-name are flagged on the row, and many make a document-level problem", "[cli][habits]") {
  TempDir d;
  std::ofstream(d / "cut.txt") << "附件\n序号\t具体内容\t责任单位\t完成时限\n"
                                  "1\t做好政府信息公开工作。\t各街道办事\t2024年6月底前\n"
                                  "2\t做好政策解读工作。\t县政务服务中\t2024年9月底前\n"
                                  "3\t做好培训工作。\t县人社局\t2024年9月底前\n";
  RunResult r = RunCli("-f csv " + d / "cut.txt");
  CHECK(r.status == 0);
  CHECK(r.out.find(",各街道办事,,,2024年6月底前,2024-06-30,by_date,3,3,unit name looks cut: 各街道办事") !=
        std::string::npos);
  CHECK(r.out.find(",县人社局,,,2024年9月底前,2024-09-30,by_date,5,5,,") != std::string::npos);
  CHECK(r.err == "noticetab: " + d / "cut.txt" +
                     ": 2 of 3 tasks name a unit cut mid-name (e.g. 各街道办事); the rows look cut\n");
  CHECK(RunCli("-q --strict -f csv " + d / "cut.txt").status == 1);
  // The codes, through the binary.
  r = RunCli("--dump diagnostics " + d / "cut.txt");
  CHECK(r.status == 0);
  CHECK(r.out.find("\ndocument rows.cut ") != std::string::npos);
  CHECK(r.out.find("\ntask 1 units.cut 3-3: ") != std::string::npos);
  CHECK(r.out.find("\ntask 2 units.cut 4-4: ") != std::string::npos);
  CHECK(r.out.find("\ntask 3 ") == std::string::npos);
  // One cut row among many is a row warning only.
  std::ofstream(d / "one.txt") << "附件\n序号\t具体内容\t责任单位\t完成时限\n"
                                  "1\t做好政府信息公开工作。\t各街道办事\t2024年6月底前\n"
                                  "2\t做好政策解读工作。\t县司法局\t2024年9月底前\n";
  r = RunCli("-f csv " + d / "one.txt");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("unit name looks cut: 各街道办事") != std::string::npos);
}

TEST_CASE("--dump grid and --dump diagnostics: what the readers cut and the codes; misuse is exit 2",
          "[cli][habits]") {
  RunResult r = RunCli("--dump grid samples/composed/pipe-2024.txt");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("layout: pipe\ncaption: 附件 2024年某某县优化营商环境工作要点任务分解\n[header] 工作任务 ‖ "));
  r = RunCli("--dump grid samples/composed/clauses-2024.txt");  // a body reader's grid: a row per body item
  CHECK(r.status == 0);
  CHECK(r.out.starts_with("layout: clauses\n[header] 任务内容 ‖ 责任单位 ‖ 牵头单位 ‖ 配合单位 ‖ 完成时限\n"));
  r = RunCli("--dump diagnostics samples/composed/web-keyvalue-2023.txt");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "document tasks.from_body 0-0: no task table recognized; the body items are listed as tasks\n"
        "task 2 deadline.from_content 17-19: 完成时限 taken from the content: 年底前完成\n");
  r = RunCli("--dump grid samples/linyi-2023.txt samples/shanghe-2023.txt");
  CHECK(r.out.starts_with("==> samples/linyi-2023.txt <==\nlayout: cell-per-line"));
  CHECK(r.out.find("\n==> samples/shanghe-2023.txt <==\nlayout: tabs\n") != std::string::npos);
  r = RunCli("--dump rows samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "noticetab: unknown --dump 'rows' (expected grid or diagnostics)\n");
  r = RunCli("--dump grid -o /tmp/x samples/linyi-2023.txt");
  CHECK(r.status == 2);
  CHECK(r.err == "noticetab: --dump writes to stdout; leave out -o\n");
  r = RunCli("--dump grid no-such-file.txt");
  CHECK(r.status == 1);
  CHECK(r.err == "noticetab: no-such-file.txt: cannot read: No such file or directory\n");
}
