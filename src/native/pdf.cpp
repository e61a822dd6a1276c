// PDF through poppler-utils' pdftotext -bbox-layout, run as a program (GPL
// code stays out of this binary): words with their boxes, rebuilt into lines
// by baseline and, where a page holds a table, into rows and columns:
// columns from the left edges of text runs separated by wide gaps, rows from
// the vertical gaps of the column with the most cells. Page furniture (page
// numbers, running headers and footers) is dropped. The ruling lines of a
// bordered table are not seen by pdftotext and not used.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/text.h"

extern char** environ;

namespace noticetab::native {
namespace {

constexpr int kTimeoutSeconds = 120;

struct Word {
  double x0, y0, x1, y1;
  std::string text;
  double h() const { return y1 - y0; }
  double yc() const { return (y0 + y1) / 2; }
};

struct Page {
  double width = 0, height = 0;
  std::vector<Word> words;
};

// A run of words on one baseline with no wide gap: a cell's line or a
// paragraph's line.
struct Segment {
  double x0, y0, x1, y1;
  std::string text;
};

struct VisualLine {
  double y0, y1;
  std::vector<Segment> segs;
};

class TempFile {
 public:
  explicit TempFile(const char* suffix) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/noticetab-XXXXXX" + suffix;
    fd_ = ::mkstemps(path_.data(), static_cast<int>(std::strlen(suffix)));
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (fd_ >= 0) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

std::string ReadFd(int fd, size_t limit) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buf[1 << 16];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 && out.size() < limit) out.append(buf, static_cast<size_t>(n));
  return out;
}

// Runs pdftotext on the bytes; its XHTML output.
std::string RunPdftotext(std::string_view bytes, const std::string& name) {
  TempFile in(".pdf"), out(".html"), err(".txt");
  if (in.fd() < 0 || out.fd() < 0 || err.fd() < 0) {
    throw Error(Error::Kind::kInput, std::string("cannot create a temporary file: ") + std::strerror(errno), name);
  }
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(in.fd(), bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw Error(Error::Kind::kInput, std::string("cannot write a temporary file: ") + std::strerror(errno), name);
    done += static_cast<size_t>(n);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.fd(), 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd(), 2);
  std::string in_path = in.path();
  const char* argv[] = {"pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8", in_path.c_str(), "-", nullptr};
  pid_t pid;
  int rc = posix_spawnp(&pid, "pdftotext", &actions, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    throw Error(Error::Kind::kInput,
                rc == ENOENT ? "reading a PDF needs pdftotext, which is not installed (Debian/Ubuntu: apt-get install "
                               "poppler-utils)"
                             : std::string("cannot run pdftotext: ") + std::strerror(rc),
                name);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kTimeoutSeconds);
  for (;;) {
    pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) throw Error(Error::Kind::kInput, "pdftotext: lost the process", name);
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw Error(Error::Kind::kInput, "pdftotext took more than " + std::to_string(kTimeoutSeconds) + " s; gave up",
                  name);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = ReadFd(err.fd(), 4096);
    const bool encrypted = why.find("password") != std::string::npos || bytes.find("/Encrypt") != std::string_view::npos;
    if (encrypted) {
      throw Error(Error::Kind::kInput, "an encrypted PDF (password protected); remove the password first (e.g. qpdf --decrypt)",
                  name);
    }
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw Error(Error::Kind::kInput,
                "cannot read this PDF (pdftotext " +
                    (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : std::string("crashed")) +
                    (why.empty() ? "" : ": " + why.substr(0, 200)) + ")",
                name);
  }
  return ReadFd(out.fd(), size_t{512} << 20);
}

double Num(const xmlNode* n, const char* attr) {
  std::string v = Attr(n, attr);
  if (v.empty()) {
    std::string lower(attr);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    v = Attr(n, lower);
  }
  return std::strtod(v.c_str(), nullptr);
}

void CollectPages(const xmlNode* n, std::vector<Page>& pages) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    std::string_view name = Name(c);
    if (name == "page") {
      Page p;
      p.width = Num(c, "width");
      p.height = Num(c, "height");
      pages.push_back(std::move(p));
      CollectPages(c, pages);
    } else if (name == "word" && !pages.empty()) {
      Word w{Num(c, "xMin"), Num(c, "yMin"), Num(c, "xMax"), Num(c, "yMax"), {}};
      for (const xmlNode* t = c->children; t != nullptr; t = t->next) w.text += NodeText(t);
      if (!w.text.empty() && w.y1 > w.y0) pages.back().words.push_back(std::move(w));
    } else if (!name.empty()) {
      CollectPages(c, pages);
    }
  }
}

// Words -> lines by baseline, each split into segments at wide gaps.
std::vector<VisualLine> Lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.yc() < b.yc(); });
  std::vector<std::vector<Word>> groups;
  std::vector<double> centers;
  for (Word& w : words) {
    if (!groups.empty() && std::abs(w.yc() - centers.back()) < 0.35 * w.h()) {
      groups.back().push_back(std::move(w));
    } else {
      centers.push_back(w.yc());
      groups.push_back({std::move(w)});
    }
  }
  std::vector<VisualLine> lines;
  for (auto& g : groups) {
    std::sort(g.begin(), g.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    VisualLine line{g.front().y0, g.front().y1, {}};
    for (const Word& w : g) {
      line.y0 = std::min(line.y0, w.y0);
      line.y1 = std::max(line.y1, w.y1);
      const double gap_limit = 0.45 * w.h();
      if (!line.segs.empty() && w.x0 - line.segs.back().x1 < gap_limit) {
        Segment& s = line.segs.back();
        // A space where the PDF had one, except between CJK characters.
        size_t i = s.text.size();
        while (i > 0 && (static_cast<unsigned char>(s.text[i - 1]) & 0xC0) == 0x80) --i;
        if (i > 0) --i;
        size_t j = 0;
        const bool cjk = NextChar(s.text, i) >= 0x2E80 && NextChar(w.text, j) >= 0x2E80;
        if (!cjk) s.text += ' ';
        s.text += w.text;
        s.x1 = std::max(s.x1, w.x1);
        s.y0 = std::min(s.y0, w.y0);
        s.y1 = std::max(s.y1, w.y1);
      } else {
        line.segs.push_back({w.x0, w.y0, w.x1, w.y1, w.text});
      }
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string Joined(const VisualLine& l) {
  std::string s;
  for (const Segment& seg : l.segs) s += seg.text;
  return s;
}

// Page numbers: "3", "- 3 -", "第3页", "3/12", "第 3 页 共 12 页".
bool PageNumber(std::string_view s) {
  std::string t = RemoveSpaces(s);
  static const std::string_view kAllowed[] = {"-", "—", "－", "第", "页", "共", "/", "／", "Page", "page", "of"};
  bool digit = false;
  for (size_t i = 0; i < t.size();) {
    if (t[i] >= '0' && t[i] <= '9') {
      digit = true;
      ++i;
      continue;
    }
    bool ok = false;
    for (auto a : kAllowed)
      if (std::string_view(t).substr(i).starts_with(a)) {
        i += a.size();
        ok = true;
        break;
      }
    if (!ok) return false;
  }
  return digit;
}

std::string DigitsOut(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c < '0' || c > '9') out += c;
  return out;
}

}  // namespace

Rendered ReadPdf(std::string_view bytes, const std::string& name) {
  const std::string xhtml = RunPdftotext(bytes, name);
  // The output is XHTML with a DOCTYPE; the HTML parser reads it without
  // loading anything.
  XmlDoc doc = ParseHtml(xhtml, "UTF-8", name);
  std::vector<Page> pages;
  CollectPages(reinterpret_cast<const xmlNode*>(doc.get()), pages);
  size_t words = 0;
  for (const Page& p : pages) words += p.words.size();
  if (words == 0) {
    throw Error(Error::Kind::kInput,
                pages.empty() ? "a PDF with no pages" : "a scanned PDF (no text layer); run OCR first (e.g. ocrmypdf) and convert the result",
                name);
  }

  std::vector<std::vector<VisualLine>> page_lines;
  for (Page& p : pages) page_lines.push_back(Lines(std::move(p.words)));

  // Running headers and footers: the same text (digits aside) in the top or
  // bottom eighth of at least half the pages (3 or more); page numbers there.
  std::map<std::string, int> edge_count;
  auto at_edge = [&](const VisualLine& l, const Page& p) {
    return p.height > 0 && (l.y1 < p.height / 8 || l.y0 > p.height * 7 / 8);
  };
  for (size_t i = 0; i < pages.size(); ++i) {
    std::map<std::string, bool> seen;
    for (const VisualLine& l : page_lines[i])
      if (at_edge(l, pages[i])) seen[DigitsOut(Joined(l))] = true;
    for (auto& [k, v] : seen) ++edge_count[k];
  }
  const int repeat_min = std::max<int>(3, static_cast<int>(pages.size() + 1) / 2);

  // Table columns: left edges of segments on lines with two or more, across
  // the document (a table keeps its columns over pages).
  std::vector<double> edges;
  for (const auto& lines : page_lines)
    for (const VisualLine& l : lines)
      if (l.segs.size() >= 2)
        for (const Segment& s : l.segs) edges.push_back(s.x0);
  std::sort(edges.begin(), edges.end());
  std::vector<double> columns;  // left edges seen on 3 or more multi-segment lines
  for (size_t i = 0; i < edges.size();) {
    size_t j = i;
    while (j < edges.size() && edges[j] - edges[i] < 4) ++j;
    if (j - i >= 3) columns.push_back(edges[i]);
    i = j;
  }
  auto column_of = [&](double x0) {
    int c = 0;
    for (size_t k = 0; k < columns.size(); ++k)
      if (x0 >= columns[k] - 4) c = static_cast<int>(k);
    return c;
  };

  Rendered r;
  LineBuilder out(&r);
  bool in_table = false;
  // Rows of the current table, kept until it ends so that a row cut by a page
  // break can be finished by the next page.
  std::vector<std::pair<std::vector<std::string>, int>> pending;
  auto flush = [&] {
    for (auto& [row, page] : pending) {
      std::vector<InCell> cells;
      for (auto& text : row) cells.push_back({std::move(text), 1, 1, false});
      out.AddRow(std::move(cells), page);
    }
    pending.clear();
  };
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    const int page = static_cast<int>(pi) + 1;
    std::vector<VisualLine> lines;
    for (VisualLine& l : page_lines[pi]) {
      if (at_edge(l, pages[pi]) && (PageNumber(Joined(l)) || edge_count[DigitsOut(Joined(l))] >= repeat_min)) continue;
      lines.push_back(std::move(l));
    }
    // A table runs from a line with two or more segments (on the column
    // grid) while lines keep to the grid: more than one segment, or one that
    // starts at a column other than the first.
    size_t i = 0;
    while (i < lines.size()) {
      const bool multi = columns.size() >= 2 && lines[i].segs.size() >= 2;
      // On the grid: off the first column, or inside it (a label cell).
      auto on_grid = [&](const VisualLine& l) {
        return l.segs.size() >= 2 || column_of(l.segs.front().x0) > 0 || l.segs.front().x1 < columns[1];
      };
      const bool continues = in_table && columns.size() >= 2 && on_grid(lines[i]);
      // A line with one cell off the first column right above a table line
      // is the top of that table's first row.
      const bool leads = !multi && !continues && columns.size() >= 2 && column_of(lines[i].segs.front().x0) > 0 &&
                         i + 1 < lines.size() && lines[i + 1].segs.size() >= 2 &&
                         lines[i + 1].y0 - lines[i].y1 < 0.5 * (lines[i].y1 - lines[i].y0);
      if (!multi && !continues && !leads) {
        flush();
        in_table = false;
        out.Paragraph(Joined(lines[i]), page);
        ++i;
        continue;
      }
      // Collect the table's lines on this page; a first row whose cells wrap
      // may start with a line holding one cell only (完成时 over 限).
      size_t end = i;
      while (end < lines.size() && on_grid(lines[end]))
        ++end;
      if (!in_table) out.BeginTable();
      in_table = true;
      // Cells: per column, segments stacked with small gaps form one cell.
      struct Block {
        double y0, y1;
        std::string text;
      };
      std::vector<std::vector<Block>> blocks(columns.size());
      for (size_t k = i; k < end; ++k)
        for (const Segment& s : lines[k].segs) {
          auto& col = blocks[column_of(s.x0)];
          const double h = s.y1 - s.y0;
          // Lines of one cell touch or overlap; any real gap is a cell edge.
          if (!col.empty() && s.y0 - col.back().y1 < 0.1 * h) {
            col.back().text += '\n';
            col.back().text += s.text;
            col.back().y1 = std::max(col.back().y1, s.y1);
          } else {
            col.push_back({s.y0, s.y1, s.text});
          }
        }
      // Rows: the gaps of the column with the most cells.
      // (the content column: the one with the most text)
      size_t ref = 0, most = 0;
      for (size_t c = 0; c < blocks.size(); ++c) {
        size_t chars = 0;
        for (const Block& b : blocks[c]) chars += b.text.size();
        if (chars > most) most = chars, ref = c;
      }
      std::vector<double> bounds;  // row k spans [bounds[k-1], bounds[k])
      // Within the gap between two of its cells, the row boundary lies where
      // no other cell is: a taller cell in another column may start above the
      // next content cell. A cell covering the whole gap is a merged one.
      for (size_t b = 1; b < blocks[ref].size(); ++b) {
        const double a = blocks[ref][b - 1].y1, z = blocks[ref][b].y0;
        std::vector<std::pair<double, double>> free = {{a, z}};
        for (size_t c = 0; c < blocks.size(); ++c)
          for (const Block& o : blocks[c]) {
            if (o.y1 <= a || o.y0 >= z || (o.y0 <= a && o.y1 >= z)) continue;
            std::vector<std::pair<double, double>> next;
            for (auto [f0, f1] : free) {
              if (o.y0 > f0) next.push_back({f0, std::min(f1, o.y0)});
              if (o.y1 < f1) next.push_back({std::max(f0, o.y1), f1});
            }
            free.clear();
            for (auto f : next)
              if (f.second > f.first) free.push_back(f);
          }
        double at = (a + z) / 2, widest = -1;
        for (auto [f0, f1] : free)
          if (f1 - f0 > widest) widest = f1 - f0, at = (f0 + f1) / 2;
        bounds.push_back(at);
      }
      std::sort(bounds.begin(), bounds.end());
      std::vector<std::vector<std::string>> rows(bounds.size() + 1, std::vector<std::string>(columns.size()));
      for (size_t c = 0; c < blocks.size(); ++c)
        for (const Block& b : blocks[c]) {
          size_t row = std::upper_bound(bounds.begin(), bounds.end(), b.y0 + 0.25 * (b.y1 - b.y0 > 20 ? 20 : b.y1 - b.y0)) - bounds.begin();
          std::string& cell = rows[row][c];
          if (!cell.empty()) cell += '\n';
          cell += b.text;
        }
      for (size_t k = 0; k < rows.size(); ++k) {
        // A row cut by the page break: the page's first row has no cell in
        // the fullest column (the content); its cells finish the last row.
        // So is one whose content the last row left mid-sentence.
        auto unfinished = [&](const std::string& cell) {
          std::string_view t = Trim(cell);
          return !t.empty() && !t.ends_with("。") && !t.ends_with("；") && !t.ends_with(";") && !t.ends_with(".");
        };
        if (k == 0 && i == 0 && !pending.empty() && ref < pending.back().first.size() &&
            (rows[k][ref].empty() || unfinished(pending.back().first[ref]))) {
          for (size_t c = 0; c < rows[k].size() && c < pending.back().first.size(); ++c)
            if (!rows[k][c].empty()) pending.back().first[c] += "\n" + rows[k][c];
          continue;
        }
        pending.push_back({std::move(rows[k]), page});
      }
      i = end;
    }
  }
  flush();
  out.EndTable();
  r.encoding = "UTF-8";
  return r;
}

}  // namespace noticetab::native
