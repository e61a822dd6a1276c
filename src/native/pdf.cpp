// PDF through poppler-utils, run as programs (GPL code stays out of this
// binary): pdftotext -bbox-layout gives the words with their boxes,
// pdftocairo -svg the drawn paths, of which the axis-parallel strokes are the
// ruling lines of bordered tables. LayoutPages (layout.cpp) builds the lines
// and tables from both.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <vector>
#include <thread>

#include "internal.h"
#include "noticetab/error.h"
#include "noticetab/text.h"

extern char** environ;

namespace noticetab::native {
namespace {

constexpr int kTimeoutSeconds = 120;

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

// A child process writing to a temporary file.
struct Process {
  pid_t pid = -1;
  int spawn_error = 0;
  int status = 0;
};

Process Spawn(const char* const* argv, int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  Process c;
  c.spawn_error = posix_spawnp(&c.pid, argv[0], &actions, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  return c;
}

// Waits for the children until the deadline, then kills what is left.
// Whether all ended in time.
bool WaitAll(std::vector<Process*> children) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kTimeoutSeconds);
  bool in_time = true;
  for (Process* c : children) {
    if (c->spawn_error != 0) continue;
    for (;;) {
      pid_t w = ::waitpid(c->pid, &c->status, WNOHANG);
      if (w == c->pid) break;
      if ((w < 0 && errno != EINTR) || std::chrono::steady_clock::now() > deadline) {
        ::kill(c->pid, SIGKILL);
        ::waitpid(c->pid, &c->status, 0);
        in_time = w >= 0 ? false : in_time;
        if (w < 0) c->status = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  return in_time;
}

struct PdfText {
  std::string xhtml;  // pdftotext -bbox-layout
  std::string svg;    // pdftocairo -svg; empty when it failed
  std::vector<PageRunSvg> runs;  // pages of another size than the first, drawn again
};

// The page sizes pdftotext gives (<page width=".." height="..">), in order.
std::vector<std::pair<double, double>> PageSizes(std::string_view xhtml) {
  std::vector<std::pair<double, double>> sizes;
  auto value = [&](size_t from, size_t end, std::string_view key) {
    const size_t at = xhtml.find(key, from);
    if (at == std::string_view::npos || at > end) return 0.0;
    const double d = std::strtod(std::string(xhtml.substr(at + key.size(), 24)).c_str(), nullptr);
    return std::isfinite(d) ? d : 0.0;
  };
  for (size_t at = xhtml.find("<page "); at != std::string_view::npos; at = xhtml.find("<page ", at + 6)) {
    const size_t end = xhtml.find('>', at);
    if (end == std::string_view::npos) break;
    sizes.emplace_back(value(at, end, "width=\""), value(at, end, "height=\""));
  }
  return sizes;
}

// Runs pdftotext and pdftocairo on the bytes, side by side.
PdfText RunPoppler(std::string_view bytes, const std::string& name) {
  TempFile in(".pdf"), out(".html"), err(".txt"), svg(".svg"), svg_err(".txt");
  if (in.fd() < 0 || out.fd() < 0 || err.fd() < 0 || svg.fd() < 0 || svg_err.fd() < 0) {
    throw Error(Error::Kind::kInput, std::string("cannot create a temporary file: ") + std::strerror(errno), name);
  }
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(in.fd(), bytes.data() + done, bytes.size() - done);
    if (n <= 0) throw Error(Error::Kind::kInput, std::string("cannot write a temporary file: ") + std::strerror(errno), name);
    done += static_cast<size_t>(n);
  }
  std::string in_path = in.path();
  const char* text_argv[] = {"pdftotext", "-q", "-bbox-layout", "-enc", "UTF-8", in_path.c_str(), "-", nullptr};
  const char* svg_argv[] = {"pdftocairo", "-q", "-svg", in_path.c_str(), "-", nullptr};
  Process text = Spawn(text_argv, out.fd(), err.fd());
  if (text.spawn_error != 0) {
    const int rc = text.spawn_error;
    throw Error(Error::Kind::kInput,
                rc == ENOENT ? "reading a PDF needs pdftotext, which is not installed (Debian/Ubuntu: apt-get install "
                               "poppler-utils)"
                             : std::string("cannot run pdftotext: ") + std::strerror(rc),
                name);
  }
  Process cairo = Spawn(svg_argv, svg.fd(), svg_err.fd());
  if (!WaitAll({&text, &cairo}) && !(WIFEXITED(text.status) && WEXITSTATUS(text.status) == 0)) {
    throw Error(Error::Kind::kInput, "pdftotext took more than " + std::to_string(kTimeoutSeconds) + " s; gave up",
                name);
  }
  const int status = text.status;
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
  PdfText r;
  r.xhtml = ReadFd(out.fd(), size_t{512} << 20);
  // Without pdftocairo (or when it fails) tables are read from gaps alone.
  if (cairo.spawn_error == 0 && WIFEXITED(cairo.status) && WEXITSTATUS(cairo.status) == 0)
    r.svg = ReadFd(svg.fd(), size_t{512} << 20);
  // pdftocairo draws every page on a surface of the first page's size and
  // leaves out what lies wholly beyond it: a landscape annex after a portrait
  // cover loses the rules of its right columns. Each run of pages of another
  // size is drawn again on its own (a few runs at most; past that the gaps
  // still give the columns).
  if (r.svg.empty()) return r;
  const std::vector<std::pair<double, double>> sizes = PageSizes(r.xhtml);
  auto same = [](std::pair<double, double> a, std::pair<double, double> b) {
    return std::abs(a.first - b.first) < 1 && std::abs(a.second - b.second) < 1;
  };
  constexpr size_t kMaxRuns = 8;
  // The runs are drawn side by side and waited for together: a file of many
  // runs takes the time limit once, not once a run.
  struct Run {
    size_t first, count;
    std::unique_ptr<TempFile> svg, err;
    Process process;
  };
  std::vector<Run> runs;
  for (size_t i = 1; i < sizes.size() && runs.size() < kMaxRuns;) {
    if (same(sizes[i], sizes[0])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < sizes.size() && same(sizes[j], sizes[i])) ++j;
    Run run{i, j - i, std::make_unique<TempFile>(".svg"), std::make_unique<TempFile>(".txt"), {}};
    if (run.svg->fd() < 0 || run.err->fd() < 0) break;
    const std::string first = std::to_string(i + 1), last = std::to_string(j);
    const char* run_argv[] = {"pdftocairo", "-q", "-svg", "-f", first.c_str(), "-l", last.c_str(), in_path.c_str(), "-", nullptr};
    run.process = Spawn(run_argv, run.svg->fd(), run.err->fd());
    if (run.process.spawn_error != 0) break;
    runs.push_back(std::move(run));
    i = j;
  }
  std::vector<Process*> children;
  for (Run& run : runs) children.push_back(&run.process);
  WaitAll(children);  // one past the limit is killed; its run is left out below
  for (Run& run : runs)
    if (WIFEXITED(run.process.status) && WEXITSTATUS(run.process.status) == 0)
      r.runs.push_back({run.first, run.count, ReadFd(run.svg->fd(), size_t{512} << 20)});
  return r;
}

double Num(const xmlNode* n, const char* attr) {
  std::string v = Attr(n, attr);
  if (v.empty()) {
    std::string lower(attr);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    v = Attr(n, lower);
  }
  const double d = std::strtod(v.c_str(), nullptr);
  return std::isfinite(d) ? d : 0.0;  // "nan", "inf", 1e999: no position
}

void CollectPages(const xmlNode* n, std::vector<PlacedPage>& pages) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    std::string_view name = Name(c);
    if (name == "page") {
      PlacedPage p;
      p.width = Num(c, "width");
      p.height = Num(c, "height");
      pages.push_back(std::move(p));
      CollectPages(c, pages);
    } else if (name == "word" && !pages.empty()) {
      PlacedWord w{Num(c, "xMin"), Num(c, "yMin"), Num(c, "xMax"), Num(c, "yMax"), {}};
      for (const xmlNode* t = c->children; t != nullptr; t = t->next) w.text += NodeText(t);
      if (!w.text.empty() && w.y1 > w.y0) pages.back().words.push_back(std::move(w));
    } else if (!name.empty()) {
      CollectPages(c, pages);
    }
  }
}

// ---- The ruling lines in pdftocairo's SVG ----

// An affine transform (SVG matrix(a b c d e f)).
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  Affine Then(const Affine& o) const {  // this, then o outside it
    return {o.a * a + o.c * b, o.b * a + o.d * b, o.a * c + o.c * d, o.b * c + o.d * d, o.a * e + o.c * f + o.e,
            o.b * e + o.d * f + o.f};
  }
  std::pair<double, double> Apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
};

// The transform attribute: matrix, translate and scale (what cairo writes).
Affine ParseTransform(std::string_view t) {
  Affine m;
  size_t i = 0;
  while (i < t.size()) {
    size_t open = t.find('(', i), close = t.find(')', open == std::string_view::npos ? i : open);
    if (open == std::string_view::npos || close == std::string_view::npos) break;
    std::string_view fn = Trim(t.substr(i, open - i));
    while (!fn.empty() && (fn.front() == ',' || fn.front() == ' ')) fn.remove_prefix(1);
    std::vector<double> v = Numbers(t.substr(open + 1, close - open - 1));
    Affine k;
    if (fn == "matrix" && v.size() == 6) k = {v[0], v[1], v[2], v[3], v[4], v[5]};
    else if (fn == "translate" && !v.empty()) k = {1, 0, 0, 1, v[0], v.size() > 1 ? v[1] : 0};
    else if (fn == "scale" && !v.empty()) k = {v[0], 0, 0, v.size() > 1 ? v[1] : v[0], 0, 0};
    m = k.Then(m);  // later functions apply first
    i = close + 1;
  }
  return m;
}

// Polylines of a path's d attribute (curves end a polyline; their points
// are not kept).
void PathRules(std::string_view d, const Affine& m, std::vector<RuleLine>& out) {
  std::vector<std::pair<double, double>> poly;
  double x = 0, y = 0, sx = 0, sy = 0;
  char cmd = 0;
  auto finish = [&] {
    std::vector<std::pair<double, double>> page;
    for (auto [px, py] : poly) page.push_back(m.Apply(px, py));
    AddRules(page, out);
    poly.clear();
  };
  size_t i = 0;
  auto number = [&](double& v) {
    while (i < d.size() && (d[i] == ' ' || d[i] == ',' || d[i] == '\n' || d[i] == '\t' || d[i] == '\r')) ++i;
    if (i >= d.size()) return false;
    const char c = d[i];
    if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) return false;
    std::string tok;
    while (i < d.size() && (std::isdigit(static_cast<unsigned char>(d[i])) || d[i] == '.' || d[i] == 'e' ||
                            d[i] == 'E' || ((d[i] == '-' || d[i] == '+') && (tok.empty() || tok.back() == 'e' || tok.back() == 'E'))))
      tok += d[i++];
    v = std::strtod(tok.c_str(), nullptr);
    if (!std::isfinite(v)) v = 0.0;  // 1e999: no position
    return true;
  };
  while (i < d.size()) {
    const char c = d[i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      cmd = c;
      ++i;
      if (c == 'Z' || c == 'z') {
        poly.push_back({sx, sy});
        finish();
        x = sx, y = sy;
      }
      continue;
    }
    double a, b;
    switch (cmd) {
      case 'M': case 'm': case 'L': case 'l':
        if (!number(a) || !number(b)) { ++i; continue; }
        if (cmd == 'm' || cmd == 'l') a += x, b += y;
        if (cmd == 'M' || cmd == 'm') {
          finish();
          sx = a, sy = b;
          cmd = cmd == 'M' ? 'L' : 'l';
        }
        x = a, y = b;
        poly.push_back({x, y});
        break;
      case 'H': case 'h':
        if (!number(a)) { ++i; continue; }
        x = cmd == 'h' ? x + a : a;
        poly.push_back({x, y});
        break;
      case 'V': case 'v':
        if (!number(b)) { ++i; continue; }
        y = cmd == 'v' ? y + b : b;
        poly.push_back({x, y});
        break;
      default: {
        // A curve or arc: skip its numbers; the polyline ends at its end point.
        std::vector<double> v;
        while (number(a)) v.push_back(a);
        if (v.empty()) { ++i; continue; }
        const bool rel = std::islower(static_cast<unsigned char>(cmd)) != 0;
        if (v.size() >= 2) {
          const double ex = v[v.size() - 2], ey = v.back();
          finish();
          x = rel ? x + ex : ex, y = rel ? y + ey : ey;
          poly.push_back({x, y});
        }
      }
    }
  }
  finish();
}

void CollectRules(const xmlNode* n, const Affine& outer, std::vector<RuleLine>& out, size_t& budget) {
  for (const xmlNode* c = n->children; c != nullptr && budget > 0; c = c->next) {
    std::string_view name = Name(c);
    if (name.empty() || name == "defs" || name == "clipPath" || name == "mask" || name == "pattern" ||
        name == "symbol" || name == "marker" || name == "text" || name == "image" || name == "use")
      continue;
    --budget;
    Affine m = HasAttr(c, "transform") ? ParseTransform(Attr(c, "transform")).Then(outer) : outer;
    if (name == "path") {
      PathRules(Attr(c, "d"), m, out);
    } else if (name == "rect") {
      const double x = Num(c, "x"), y = Num(c, "y"), w = Num(c, "width"), h = Num(c, "height");
      std::vector<std::pair<double, double>> pts = {m.Apply(x, y), m.Apply(x + w, y), m.Apply(x + w, y + h),
                                                   m.Apply(x, y + h), m.Apply(x, y)};
      AddRules(pts, out);
    } else if (name == "line") {
      AddRules({m.Apply(Num(c, "x1"), Num(c, "y1")), m.Apply(Num(c, "x2"), Num(c, "y2"))}, out);
    } else {
      CollectRules(c, m, out, budget);
    }
  }
}

// The ruling lines of each page of pdftocairo's SVG (a <pageSet> of <page>s,
// or one page).
std::vector<std::vector<RuleLine>> SvgRules(std::string_view svg, const std::string& name) {
  std::vector<std::vector<RuleLine>> pages;
  XmlDoc doc = ParseXml(svg, name, "pdftocairo's SVG");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  size_t budget = size_t{4} << 20;  // elements looked at
  std::vector<const xmlNode*> page_nodes;
  if (const xmlNode* set = Child(root, "pageSet")) {
    for (const xmlNode* c = set->children; c != nullptr; c = c->next)
      if (Name(c) == "page") page_nodes.push_back(c);
  } else {
    page_nodes.push_back(root);
  }
  for (const xmlNode* p : page_nodes) {
    pages.emplace_back();
    CollectRules(p, Affine{}, pages.back(), budget);
  }
  return pages;
}
}  // namespace

Rendered ReadPdf(std::string_view bytes, const std::string& name) {
  PdfText t = RunPoppler(bytes, name);
  return LayoutPdf(t.xhtml, name, t.svg, t.runs);
}

Rendered LayoutPdf(std::string_view xhtml, const std::string& name, std::string_view svg,
                   const std::vector<PageRunSvg>& runs) {
  // The output is XHTML with a DOCTYPE; the HTML parser reads it without
  // loading anything.
  XmlDoc doc = ParseHtml(xhtml, "UTF-8", name);
  std::vector<PlacedPage> pages;
  CollectPages(reinterpret_cast<const xmlNode*>(doc.get()), pages);
  size_t words = 0;
  for (const PlacedPage& p : pages) words += p.words.size();
  if (words == 0) {
    throw Error(Error::Kind::kInput,
                pages.empty() ? "a PDF with no pages" : "a scanned PDF (no text layer); run OCR first (e.g. ocrmypdf) and convert the result",
                name);
  }

  // Ruling lines when pdftocairo drew the same pages (an SVG it cannot
  // have written wrong is only skipped: the gaps still give the columns).
  if (!svg.empty()) {
    try {
      std::vector<std::vector<RuleLine>> rules = SvgRules(svg, name);
      if (rules.size() == pages.size())
        for (size_t i = 0; i < pages.size(); ++i) pages[i].rules = std::move(rules[i]);
    } catch (const Error&) {
    }
  }
  // Pages of another size, drawn on their own: their rules replace those
  // the first page's surface cut off.
  for (const PageRunSvg& run : runs) {
    try {
      std::vector<std::vector<RuleLine>> rules = SvgRules(run.svg, name);
      if (rules.size() == run.count && run.first + run.count <= pages.size())
        for (size_t i = 0; i < run.count; ++i) pages[run.first + i].rules = std::move(rules[i]);
    } catch (const Error&) {
    }
  }
  return LayoutPages(std::move(pages));
}

}  // namespace noticetab::native
