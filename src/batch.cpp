// Batch mode. Workers load, convert and (when the output allows) render each
// input; the calling thread takes the results in input order, so outputs do
// not depend on scheduling. Output files go through a temporary name that a
// signal handler can remove (InstallInterruptCleanup).
#include "noticetab/batch.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "noticetab/byunit.h"
#include "noticetab/load.h"
#include "noticetab/text.h"

namespace noticetab {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// Input expansion

bool IsTextName(std::string_view name) {
  if (name.empty() || name[0] == '.') return false;
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Text and the native formats are read; legacy office files are taken too so
  // that the run names them as refused, with the command that converts them.
  static const char* const kExts[] = {"txt", "text", "docx", "odt", "ofd", "pdf", "html", "htm", "xhtml", "shtml",
                                      "doc", "wps", "xls", "xlsx", "et", "rtf"};
  for (const char* e : kExts)
    if (ext == e) return true;
  return false;
}

namespace {

using DirId = std::pair<dev_t, ino_t>;

std::string ErrnoText(int err) { return std::strerror(err); }

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// Walks dir (already marked visited). Entries in byte order of their names so
// that the input order, and with it every output, is reproducible.
void Walk(const std::string& dir, const std::string& rel, std::set<DirId>& visited,
          std::vector<BatchInput>& out) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) {
    out.push_back({dir, rel, 0, Error(Error::Kind::kInput, "cannot list directory: " + ec.message(), dir)});
    if (names.empty()) return;
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (name[0] == '.') continue;
    const std::string path = JoinPath(dir, name);
    const std::string sub = rel.empty() ? name : rel + "/" + name;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      const int err = errno;
      if (IsTextName(name)) {
        // A dangling symlink with a text name: the user meant it to be read
        // (loading it says why it cannot be).
        out.push_back({path, sub, 0, std::nullopt});
      } else if (err != ENOENT) {
        // It may be a directory of notices (a path too long, a directory
        // that can be listed but not searched): never skipped silently. A
        // dangling link of another name is not a notice.
        out.push_back({path, sub, 0, Error(Error::Kind::kInput, "cannot stat: " + ErrnoText(err), path)});
      }
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (visited.insert({st.st_dev, st.st_ino}).second) Walk(path, sub, visited, out);
    } else if (S_ISREG(st.st_mode) && IsTextName(name)) {
      out.push_back({path, sub, static_cast<uint64_t>(st.st_size), std::nullopt});
    }
  }
}

std::string BaseName(const std::string& path) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  const size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

}  // namespace

std::vector<BatchInput> ExpandInputs(const std::vector<std::string>& args, bool recursive) {
  std::vector<BatchInput> out;
  std::set<DirId> visited;
  for (const std::string& arg : args) {
    if (arg == "-") {
      out.push_back({arg, "stdin", 0, std::nullopt});
      continue;
    }
    struct stat st;
    const bool exists = ::stat(arg.c_str(), &st) == 0;
    if (!exists || !S_ISDIR(st.st_mode)) {
      // Unreadable or missing files fail when loaded, with the reason.
      const uint64_t size = exists && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
      out.push_back({arg, BaseName(arg), size, std::nullopt});
      continue;
    }
    if (!recursive) {
      out.push_back({arg, BaseName(arg), 0,
                     Error(Error::Kind::kInput,
                           "is a directory (use -r to convert the .txt files under it)", arg)});
      continue;
    }
    const size_t before = out.size();
    if (visited.insert({st.st_dev, st.st_ino}).second) Walk(arg, "", visited, out);
    if (out.size() == before) {
      out.push_back({arg, BaseName(arg), 0,
                     Error(Error::Kind::kInput, "no .txt or .text files found", arg)});
    }
  }
  return out;
}

bool IsOutputDir(const std::string& output) {
  if (output.empty()) return false;
  std::error_code ec;
  return output.back() == '/' || fs::is_directory(output, ec);
}

// ---------------------------------------------------------------------------
// Output encoding (ICU's converters, as load.cpp uses them for input)

std::string OutputEncodingName(std::string_view encoding) {
  std::string e;
  for (char c : encoding) e += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (e == "utf-8" || e == "utf8") return "utf-8";
  // GBK, GB2312 and CP936 are subsets of GB18030: what reads them reads it.
  if (e == "gb18030" || e == "gbk" || e == "gb2312" || e == "cp936") return "gb18030";
  return "";
}

std::string EncodeOutput(std::string_view utf8, std::string_view encoding) {
  const std::string name = OutputEncodingName(encoding);
  if (name.empty()) {
    throw Error(Error::Kind::kUsage,
                fmt::format("unknown output encoding '{}' (expected utf-8 or gb18030)", encoding));
  }
  if (name == "utf-8") return std::string(utf8);
  // A GB18030 reader takes no byte-order mark; the --excel BOM is for UTF-8.
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  std::string out;
  // ucnv_convert takes int32 lengths; convert in pieces cut at line ends (a
  // line end is never inside a multi-byte sequence, and GB18030 has no state).
  constexpr size_t kPiece = 1 << 26;
  while (!utf8.empty()) {
    size_t n = utf8.size();
    if (n > kPiece) {
      n = utf8.rfind('\n', kPiece);
      n = n == std::string_view::npos ? kPiece : n + 1;
    }
    UErrorCode status = U_ZERO_ERROR;
    const int32_t need = ucnv_convert("GB18030", "UTF-8", nullptr, 0, utf8.data(),
                                      static_cast<int32_t>(n), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
      throw Error(Error::Kind::kOutput, std::string("cannot convert to GB18030: ") + u_errorName(status));
    }
    const size_t at = out.size();
    out.resize(at + need);
    status = U_ZERO_ERROR;
    ucnv_convert("GB18030", "UTF-8", out.data() + at, need, utf8.data(), static_cast<int32_t>(n),
                 &status);
    if (U_FAILURE(status)) {
      throw Error(Error::Kind::kOutput, std::string("cannot convert to GB18030: ") + u_errorName(status));
    }
    utf8.remove_prefix(n);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Safe output files

namespace {

// Temporary files being written. The interrupt thread takes the lock, removes
// them all and never lets go, so no file is created or renamed after that.
struct TempRegistry {
  std::mutex mu;
  std::set<std::string> paths;
  bool dying = false;
  unsigned counter = 0;
};

TempRegistry& Temps() {
  static TempRegistry* r = new TempRegistry;  // never destroyed: used until exit
  return *r;
}

// One output. A regular file (or a new one) is written under a temporary name
// in the same directory and renamed on Commit(); a device, FIFO or terminal is
// written directly. Destroying an uncommitted file removes the temporary.
class OutputFile {
 public:
  static OutputFile Fd(int fd, std::string name) {
    OutputFile f;
    f.fd_ = fd;
    f.name_ = std::move(name);
    return f;
  }

  static OutputFile Open(const std::string& path) {
    OutputFile f;
    f.name_ = path;
    std::string target = path;
    struct stat st;
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      throw Error(Error::Kind::kOutput, "cannot write: is a directory", path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
      f.fd_ = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (f.fd_ < 0) throw Error(Error::Kind::kOutput, "cannot open for writing: " + ErrnoText(errno), path);
      f.owns_fd_ = true;
      return f;
    }
    struct stat lst;
    if (exists && ::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
      std::error_code ec;
      fs::path real = fs::canonical(path, ec);  // replace the file, keep the link
      if (!ec) target = real.string();
    }
    const size_t slash = target.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : target.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    TempRegistry& r = Temps();
    {
      std::lock_guard<std::mutex> lock(r.mu);
      if (r.dying) throw Error(Error::Kind::kOutput, "interrupted", path);
      for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string temp =
            fmt::format("{}.{}.{}-{}.tmp", dir, base, static_cast<long>(::getpid()), r.counter++);
        // 0666 so the umask applies as for any new file.
        f.fd_ = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (f.fd_ >= 0) {
          r.paths.insert(temp);
          f.temp_ = temp;
          break;
        }
        if (errno != EEXIST) {
          throw Error(Error::Kind::kOutput, "cannot create file: " + ErrnoText(errno), path);
        }
      }
    }
    if (f.fd_ < 0) throw Error(Error::Kind::kOutput, "cannot create a temporary file", path);
    f.owns_fd_ = true;
    f.target_ = target;
    if (exists) ::fchmod(f.fd_, st.st_mode & 07777);  // replacing a file keeps its mode
    return f;
  }

  OutputFile() = default;
  OutputFile(OutputFile&& o) noexcept { *this = std::move(o); }
  OutputFile& operator=(OutputFile&& o) noexcept {
    std::swap(fd_, o.fd_);
    std::swap(owns_fd_, o.owns_fd_);
    std::swap(name_, o.name_);
    std::swap(temp_, o.temp_);
    std::swap(target_, o.target_);
    return *this;
  }
  ~OutputFile() { Abort(); }

  const std::string& name() const { return name_; }

  void Write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int err = n < 0 ? errno : EIO;
        Abort();
        throw Error(Error::Kind::kOutput, "write failed: " + ErrnoText(err), name_);
      }
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }

  void Commit() {
    if (owns_fd_) {
      const int rc = ::close(fd_);
      const int err = errno;
      fd_ = -1;
      owns_fd_ = false;
      if (rc != 0) {
        Abort();
        throw Error(Error::Kind::kOutput, "write failed: " + ErrnoText(err), name_);
      }
    }
    if (temp_.empty()) return;
    TempRegistry& r = Temps();
    std::lock_guard<std::mutex> lock(r.mu);
    if (r.dying) throw Error(Error::Kind::kOutput, "interrupted", name_);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      ::unlink(temp_.c_str());
      r.paths.erase(temp_);
      temp_.clear();
      throw Error(Error::Kind::kOutput, "cannot rename the finished file: " + ErrnoText(err), name_);
    }
    r.paths.erase(temp_);
    temp_.clear();
  }

  void Abort() {
    if (owns_fd_) ::close(fd_);
    owns_fd_ = false;
    fd_ = -1;
    if (temp_.empty()) return;
    TempRegistry& r = Temps();
    std::lock_guard<std::mutex> lock(r.mu);
    ::unlink(temp_.c_str());
    r.paths.erase(temp_);
    temp_.clear();
  }

 private:
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string name_, temp_, target_;
};

}  // namespace

std::string CreateTempFile(const std::string& dir, const std::string& prefix) {
  TempRegistry& r = Temps();
  std::lock_guard<std::mutex> lock(r.mu);  // created and registered as one step
  if (r.dying) throw Error(Error::Kind::kOutput, "interrupted", dir);
  std::string path = dir + "/" + prefix + "XXXXXX";
  const int fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) throw Error(Error::Kind::kOutput, "cannot create a temporary file: " + ErrnoText(errno), dir);
  ::close(fd);
  r.paths.insert(path);
  return path;
}

void RemoveTempFile(const std::string& path) {
  TempRegistry& r = Temps();
  std::lock_guard<std::mutex> lock(r.mu);
  ::unlink(path.c_str());
  r.paths.erase(path);
}

namespace {

// ---------------------------------------------------------------------------
// Running a batch

std::string Render(const BatchOptions& o, const Writer* writer, const std::vector<Document>& docs) {
  std::ostringstream out;
  switch (o.view) {
    case BatchView::kTasks:
      writer->write(out, docs, o.write);
      break;
    case BatchView::kByUnit:
      WriteByUnit(out, o.format, docs, o.write);
      break;
    case BatchView::kUnitSummary:
      WriteUnitSummary(out, o.format, docs, o.write, o.rules ? *o.rules : BuiltinRules());
      break;
    case BatchView::kCustom:
      o.render(out, docs, o.rules ? *o.rules : BuiltinRules());
      break;
  }
  return EncodeOutput(out.str(), o.encoding);
}

// EncodeOutput without a copy of UTF-8 text.
std::string Encoded(std::string utf8, const std::string& encoding) {
  return OutputEncodingName(encoding) == "utf-8" ? std::move(utf8) : EncodeOutput(utf8, encoding);
}

int64_t CountWarnings(const Document& doc) {
  int64_t n = static_cast<int64_t>(doc.warnings.size());
  for (const Task& t : doc.tasks) n += static_cast<int64_t>(t.warnings.size());
  return n;
}

}  // namespace

std::vector<std::string> DocumentProblems(const Document& doc) {
  std::vector<std::string> out;
  if (doc.tasks.empty()) {
    out.push_back("no tasks found (no task table recognized and no numbered body items)");
  } else {
    size_t empty = 0;
    for (const Task& t : doc.tasks) empty += Trim(t.content).empty();
    if (empty * 2 > doc.tasks.size()) {
      out.push_back(fmt::format("{} of {} tasks have no content; the table was mostly not understood", empty,
                                doc.tasks.size()));
    }
  }
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.code == "input.bad_bytes" || d.code == "input.partial") out.push_back("read only in part: " + d.message);
    if (d.code == "rows.cut") out.push_back(d.message);
  }
  return out;
}

namespace {

// What a worker leaves for the coordinator.
struct Slot {
  std::vector<std::string> problems;
  bool ready = false;
  std::optional<Document> doc;  // kept only for combined, non-streaming output
  std::string rendered;         // streaming output of this document
  std::optional<Error> error;
  int64_t tasks = 0, warnings = 0;
  uint64_t bytes = 0;  // input size: in the summary only when converted
};

const Writer* CheckOptions(const BatchOptions& o) {
  const Writer* writer = FindWriter(o.format);
  if (o.view == BatchView::kTasks && !writer) {
    std::string names;
    for (const Writer& w : Writers()) {
      if (!names.empty()) names += '|';
      names += w.name;
    }
    throw Error(Error::Kind::kUsage, fmt::format("unknown format '{}' (expected {})", o.format, names));
  }
  if (o.view == BatchView::kByUnit && !ByUnitFormat(o.format)) {
    throw Error(Error::Kind::kUsage,
                fmt::format("--by-unit writes csv, tsv, json, jsonl or yaml, not '{}'{}", o.format,
                            o.format == "xlsx" ? " (an xlsx workbook has them in its units sheet)" : ""));
  }
  if (o.view == BatchView::kUnitSummary && !UnitSummaryFormat(o.format)) {
    throw Error(Error::Kind::kUsage,
                fmt::format("units writes text, csv, tsv, json, jsonl or yaml, not '{}'", o.format));
  }
  const std::string enc = OutputEncodingName(o.encoding);
  if (enc.empty()) {
    throw Error(Error::Kind::kUsage,
                fmt::format("unknown --encoding '{}' (expected utf-8 or gb18030)", o.encoding));
  }
  // A workbook is binary; only text can be re-encoded.
  if (enc != "utf-8" && o.view == BatchView::kTasks && o.format == "xlsx") {
    throw Error(Error::Kind::kUsage, "--encoding applies to text formats, not xlsx");
  }
  if (o.jobs < 0) throw Error(Error::Kind::kUsage, fmt::format("-j {}: expected 1 or more", o.jobs));
  return writer;
}

std::string Extension(const BatchOptions& o, const Writer* writer) {
  if (o.view == BatchView::kTasks) return std::string(writer->extension);
  return o.format == "text" ? "txt" : o.format;
}

std::string ReplaceExtension(const std::string& relative, const std::string& ext) {
  const size_t slash = relative.rfind('/');
  const size_t dot = relative.rfind('.');
  const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash + 1);
  return (has_ext ? relative.substr(0, dot) : relative) + "." + ext;
}

// The files a run reads, by device and inode, so that no output replaces any
// of them: not its own input only, and not through a symlink, a second name
// (a hard link, a name clash) or a redirection of stdout.
class InputFiles {
 public:
  explicit InputFiles(const std::vector<BatchInput>& inputs) {
    // Inputs that already failed count too: they are still the user's files.
    for (const BatchInput& in : inputs) {
      struct stat st;
      const int rc = in.path == "-" ? ::fstat(STDIN_FILENO, &st) : ::stat(in.path.c_str(), &st);
      if (rc == 0 && S_ISREG(st.st_mode)) files_.try_emplace({st.st_dev, st.st_ino}, in.path);
    }
  }

  /// Throws Error(kUsage) naming both when writing `output` (symlinks
  /// followed) would replace an input.
  void RefuseOutput(const std::string& output, const std::string& of = "") const {
    struct stat st;
    if (output.empty() || ::stat(output.c_str(), &st) != 0) return;
    if (const std::string* in = Find(st)) {
      throw Error(Error::Kind::kUsage,
                  fmt::format("the output {}would replace the input {}; inputs are never written",
                              of.empty() || of == *in ? "" : "of " + QuoteName(of) + " ", QuoteName(*in)),
                  output);
    }
  }

  /// Throws Error(kUsage) when stdout is redirected to an input (as cat does).
  void RefuseStdout(int fd) const {
    struct stat st;
    if (::fstat(fd, &st) != 0) return;
    if (const std::string* in = Find(st)) {
      throw Error(Error::Kind::kUsage,
                  "input file is output file (stdout is redirected to it); inputs are never written", *in);
    }
  }

 private:
  const std::string* Find(const struct stat& st) const {
    if (!S_ISREG(st.st_mode)) return nullptr;
    const auto it = files_.find({st.st_dev, st.st_ino});
    return it == files_.end() ? nullptr : &it->second;
  }
  std::map<DirId, std::string> files_;
};

}  // namespace

BatchResult RunBatch(const BatchOptions& o, BatchObserver* observer) {
  const Writer* writer = CheckOptions(o);
  const Rules& rules = o.rules ? *o.rules : BuiltinRules();
  const auto start = std::chrono::steady_clock::now();
  std::vector<BatchInput> inputs = ExpandInputs(o.inputs, o.recursive);
  const bool per_file = IsOutputDir(o.output);
  const int n = static_cast<int>(inputs.size());

  // Where each input's output goes with -o DIR/; inputs are never written.
  std::vector<std::string> out_paths(inputs.size());
  if (per_file) {
    std::map<std::string, std::string> claimed;
    const std::string ext = Extension(o, writer);
    for (int i = 0; i < n; ++i) {
      BatchInput& in = inputs[i];
      if (in.error) continue;
      if (in.path == "-") {
        throw Error(Error::Kind::kUsage, "stdin ('-') has no name to write below -o DIR/; use -o FILE");
      }
      const std::string path = JoinPath(o.output, ReplaceExtension(in.relative, ext));
      if (auto [it, fresh] = claimed.try_emplace(path, in.path); !fresh) {
        in.error = Error(Error::Kind::kOutput,
                         fmt::format("has the same output {} as {}", QuoteName(path), QuoteName(it->second)),
                         in.path);
      } else {
        out_paths[i] = path;
      }
    }
    const InputFiles files(inputs);
    for (int i = 0; i < n; ++i) {
      if (!inputs[i].error) files.RefuseOutput(out_paths[i], inputs[i].path);
    }
    std::error_code ec;
    fs::create_directories(o.output, ec);
    if (ec == std::errc::file_exists) {
      throw Error(Error::Kind::kOutput, "cannot create directory: a file of that name exists",
                  o.output);
    }
    if (ec) throw Error(Error::Kind::kOutput, "cannot create directory: " + ec.message(), o.output);
  }

  // The combined output is opened first, so an unwritable one fails early.
  std::optional<OutputFile> sink;
  if (!per_file) {
    const InputFiles files(inputs);
    if (o.output.empty()) {
      files.RefuseStdout(o.stdout_fd);
      sink = OutputFile::Fd(o.stdout_fd, "<stdout>");
    } else {
      files.RefuseOutput(o.output);
      sink = OutputFile::Open(o.output);
    }
  }
  // Text formats are written a document at a time, as each is done, in input
  // order: the batch keeps no documents (xlsx and the per-unit views need
  // them all).
  const Pieces* pieces = !per_file && o.view == BatchView::kTasks ? writer->pieces : nullptr;
  const bool streaming = pieces != nullptr;
  const bool several = n != 1;
  if (streaming) sink->Write(EncodeOutput(pieces->head(several, o.write), o.encoding));
  size_t written_docs = 0;

  BatchResult result;
  result.files = n;
  result.fail_on_warning = o.fail_on_warning;
  result.fail_on_problem = o.fail_on_problem;
  BatchProgress progress;
  progress.total = n;
  for (const BatchInput& in : inputs) progress.bytes_total += in.size;

  // Workers run at most `window` inputs ahead of the one being written, so
  // memory stays flat however many inputs there are: a ring of slots, not one
  // per input.
  const int threads = std::max(1, std::min(n, o.jobs > 0 ? o.jobs : static_cast<int>(std::thread::hardware_concurrency())));
  const int window = std::max(1, std::min(n, 4 * threads));
  std::vector<Slot> slots(static_cast<size_t>(window));
  int written = 0;  // inputs the coordinator has taken; guarded by mu
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<int> next{0};
  std::atomic<bool> stop{false};

  auto work = [&](int i) {
    const BatchInput& in = inputs[i];
    Slot slot;
    uint64_t bytes = in.size;
    try {
      if (in.error) throw *in.error;
      std::vector<Document> one;
      {
        // The document owns its strings: the source text is freed before
        // the output is rendered, so they are never both in memory.
        const Source src = LoadFile(in.path, o.max_size);
        if (bytes == 0) bytes = src.text().size();
        one.push_back(Convert(src, rules, o.convert));
      }
      slot.tasks = static_cast<int64_t>(one[0].tasks.size());
      slot.warnings = CountWarnings(one[0]);
      slot.problems = DocumentProblems(one[0]);
      if (per_file) {
        const std::string bytes_out = Render(o, writer, one);
        const size_t slash = out_paths[i].rfind('/');
        if (slash != std::string::npos) {
          std::error_code ec;
          fs::create_directories(out_paths[i].substr(0, slash), ec);
        }
        OutputFile f = OutputFile::Open(out_paths[i]);
        f.Write(bytes_out);
        f.Commit();
      } else if (streaming) {
        slot.rendered = Encoded(pieces->part(one[0], several, o.write), o.encoding);
      } else {
        slot.doc = std::move(one[0]);
      }
    } catch (const Error& e) {
      // A rule that gave up on this input names its file and line; say which input.
      slot.error = e.kind() == Error::Kind::kRules ? Error(Error::Kind::kInput, e.what(), in.path) : e;
    } catch (const std::exception& e) {
      slot.error = Error(Error::Kind::kInput, std::string("internal error: ") + e.what(), in.path);
    }
    std::lock_guard<std::mutex> lock(mu);
    slot.ready = true;
    ++progress.done;
    progress.failed += slot.error.has_value();
    progress.tasks += slot.tasks;
    progress.bytes_done += bytes;
    slot.bytes = bytes;
    slots[i % window] = std::move(slot);
    cv.notify_all();
  };

  std::vector<Document> docs;
  {
    std::vector<std::jthread> pool;
    // Workers stop taking inputs when the coordinator gives up (output error).
    struct StopOnExit {
      std::atomic<bool>& stop;
      std::mutex& mu;
      std::condition_variable& cv;
      ~StopOnExit() {
        {
          std::lock_guard<std::mutex> lock(mu);
          stop = true;
        }
        cv.notify_all();
      }
    } stop_on_exit{stop, mu, cv};
    for (int t = 0; t < threads && n > 0; ++t) {
      pool.emplace_back([&] {
        for (int i; !stop && (i = next++) < n;) {
          {
            std::unique_lock<std::mutex> lock(mu);
            cv.wait(lock, [&] { return stop || i < written + window; });
          }
          if (stop) break;
          work(i);
        }
      });
    }
    // Destroyed in reverse order: stop is set first, then the pool joins.
    for (int i = 0; i < n; ++i) {
      Slot slot;
      {
        std::unique_lock<std::mutex> lock(mu);
        while (!slots[i % window].ready) {
          cv.wait_for(lock, std::chrono::milliseconds(100));
          if (observer) {
            progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            BatchProgress p = progress;
            lock.unlock();
            observer->OnProgress(p);
            lock.lock();
          }
        }
        slot = std::move(slots[i % window]);
        slots[i % window] = Slot{};
        ++written;
      }
      cv.notify_all();  // a worker may start input i + window
      if (slot.error) {
        result.failures.push_back(*slot.error);
        if (observer) observer->OnFailure(*slot.error);
        continue;
      }
      ++result.converted;
      result.bytes += slot.bytes;
      result.tasks += slot.tasks;
      result.warnings += slot.warnings;
      if (slot.warnings > 0 && o.fail_on_warning) result.warned.emplace_back(inputs[i].path, slot.warnings);
      for (const std::string& p : slot.problems) result.problems.push_back((inputs[i].path == "-" ? "<stdin>" : QuoteName(inputs[i].path)) + ": " + p);
      if (streaming) {
        sink->Write(EncodeOutput(pieces->sep(written_docs++, several, o.write), o.encoding));
        sink->Write(slot.rendered);
      } else if (slot.doc) {
        docs.push_back(std::move(*slot.doc));
      }
    }
  }
  if (sink) {
    if (streaming) {
      sink->Write(EncodeOutput(pieces->tail(written_docs, several, o.write), o.encoding));
    } else {
      sink->Write(Render(o, writer, docs));
    }
    sink->Commit();
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (observer) {
    progress.seconds = result.seconds;
    observer->OnProgress(progress);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Reports

namespace {

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string Plural(int64_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

std::string FormatProgress(const BatchProgress& p) {
  std::string s = fmt::format("[{}/{}] {}", p.done, p.total, Plural(p.tasks, "task"));
  if (p.failed) s += fmt::format(", {} failed", p.failed);
  if (p.seconds > 0) s += fmt::format(", {:.1f} MB/s", p.bytes_done / 1e6 / p.seconds);
  // ETA by bytes when sizes are known, else by files.
  double frac = 0;
  if (p.bytes_total > 0) {
    frac = static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total);
  } else if (p.total > 0) {
    frac = static_cast<double>(p.done) / p.total;
  }
  if (frac > 0 && frac < 1 && p.seconds > 0) s += ", ETA " + Duration(p.seconds * (1 - frac) / frac);
  return s;
}

std::string FormatSummary(const BatchResult& r) {
  std::string s = fmt::format("noticetab: {} of {} converted, {}, {}", r.converted,
                              Plural(r.files, "file"), Plural(r.tasks, "task"),
                              Plural(r.warnings, "warning"));
  if (!r.problems.empty()) s += ", " + Plural(static_cast<int64_t>(r.problems.size()), "problem");
  if (!r.failures.empty()) s += fmt::format(", {} failed", r.failures.size());
  s += fmt::format(" ({:.1f} MB in {:.1f} s)\n", r.bytes / 1e6, r.seconds);
  for (const Error& e : r.failures) s += "  failed: " + e.Format() + "\n";
  if (r.fail_on_warning) {
    for (const auto& [path, count] : r.warned) {
      s += fmt::format("  --fail-on-warning: {}: {}\n", path, Plural(count, "warning"));
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// Interrupts

void InstallInterruptCleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    sigset_t set;
    sigemptyset(&set);
    bool any = false;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction old;
      if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
      sigaddset(&set, sig);
      any = true;
    }
    if (!any) return;
    // Blocked here, so in every thread started later; only the waiter gets them.
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
      int sig = 0;
      while (::sigwait(&set, &sig) != 0) {
      }
      TempRegistry& r = Temps();
      r.mu.lock();  // held until the process ends: nothing is created or renamed any more
      r.dying = true;
      for (const std::string& p : r.paths) ::unlink(p.c_str());
      ::signal(sig, SIG_DFL);
      sigset_t one;
      sigemptyset(&one);
      sigaddset(&one, sig);
      ::pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
      ::raise(sig);
      ::_exit(128 + sig);  // not reached
    }).detach();
  });
}

}  // namespace noticetab
