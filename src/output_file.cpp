// Safe output files: temporary names, atomic rename, interrupt cleanup;
// and the output encodings (ICU's converters, as load.cpp uses them for input).
#include "output_file.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <mutex>
#include <set>
#include <thread>

#include "noticetab/batch.h"
#include "noticetab/error.h"

namespace noticetab {

namespace fs = std::filesystem;

std::string ErrnoText(int err) { return std::strerror(err); }

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

// ---------------------------------------------------------------------------
// Output encoding

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

}  // namespace

OutputFile OutputFile::Fd(int fd, std::string name) {
  OutputFile f;
  f.fd_ = fd;
  f.name_ = std::move(name);
  f.buffered_ = !::isatty(fd);
  return f;
}

OutputFile OutputFile::Open(const std::string& path) {
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
    f.buffered_ = !::isatty(f.fd_);
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

OutputFile& OutputFile::operator=(OutputFile&& o) noexcept {
  std::swap(fd_, o.fd_);
  std::swap(owns_fd_, o.owns_fd_);
  std::swap(buffered_, o.buffered_);
  std::swap(buffer_, o.buffer_);
  std::swap(name_, o.name_);
  std::swap(temp_, o.temp_);
  std::swap(target_, o.target_);
  return *this;
}

void OutputFile::Write(std::string_view bytes) {
  if (!buffered_ || (buffer_.empty() && bytes.size() >= kBuffer)) {
    WriteOut(bytes);
    return;
  }
  if (buffer_.capacity() < kBuffer) buffer_.reserve(2 * kBuffer);
  if (buffer_.empty()) since_ = std::chrono::steady_clock::now();
  buffer_.append(bytes);
  if (buffer_.size() >= kBuffer) Flush();
}

void OutputFile::Flush() {
  if (buffer_.empty()) return;
  WriteOut(buffer_);
  buffer_.clear();  // its memory stays, for the next writes
}

void OutputFile::WriteOut(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      buffer_.clear();
      Abort();
      throw Error(Error::Kind::kOutput, "write failed: " + ErrnoText(err), name_);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void OutputFile::Commit() {
  Flush();
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

void OutputFile::Abort() {
  if (!owns_fd_ && fd_ >= 0) {
    for (std::string_view rest = buffer_; !rest.empty();) {
      const ssize_t n = ::write(fd_, rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      rest.remove_prefix(static_cast<size_t>(n));
    }
  }
  buffer_.clear();
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
