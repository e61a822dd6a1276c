// Output files of a batch (internal): written under a temporary name in the
// same directory and renamed when complete, so an interrupted or failed write
// leaves no partial file; the temporaries are removed on SIGINT, SIGTERM and
// SIGHUP (InstallInterruptCleanup in batch.h).
#ifndef NOTICETAB_SRC_OUTPUT_FILE_H_
#define NOTICETAB_SRC_OUTPUT_FILE_H_

#include <chrono>
#include <string>
#include <string_view>

namespace noticetab {

/// `dir`/`name`, or `name` when dir is empty.
std::string JoinPath(const std::string& dir, const std::string& name);

/// strerror(err) as a string.
std::string ErrnoText(int err);

/// Creates an empty file `dir`/`prefix`XXXXXX (mkstemp) that the interrupt
/// cleanup removes, and returns its path (the xlsx writer's workbook, which
/// libxlsxwriter writes by name). Throws Error(kOutput).
std::string CreateTempFile(const std::string& dir, const std::string& prefix);
/// Removes a file from CreateTempFile, and from the cleanup.
void RemoveTempFile(const std::string& path);

/// One output. A regular file (or a new one) is written under a temporary name
/// in the same directory and renamed on Commit(); a device, FIFO or terminal is
/// written directly. Destroying an uncommitted file removes the temporary.
/// Writes are gathered into one write of at least kBuffer bytes (not on a
/// terminal, which shows each as it comes). Every failure throws
/// Error(kOutput) naming the output.
class OutputFile {
 public:
  /// An open descriptor (stdout), written directly and never closed.
  static OutputFile Fd(int fd, std::string name);
  /// The file `path` (symlinks followed: the link is kept, its target replaced).
  static OutputFile Open(const std::string& path);

  OutputFile() = default;
  OutputFile(OutputFile&& o) noexcept { *this = std::move(o); }
  OutputFile& operator=(OutputFile&& o) noexcept;
  ~OutputFile() { Abort(); }

  const std::string& name() const { return name_; }
  void Write(std::string_view bytes);
  /// Writes out what Write has gathered (before stderr says something, so
  /// that the two keep their order where they are one file).
  void Flush();
  /// Flush() when the oldest byte gathered has waited longer than `age`.
  void FlushOlderThan(std::chrono::milliseconds age) {
    if (!buffer_.empty() && std::chrono::steady_clock::now() - since_ > age) Flush();
  }
  /// Closes the file and renames it into place.
  void Commit();
  /// Closes the file and removes the temporary; the old file, if any, stays.
  /// (What stdout was given is written out as far as it goes.)
  void Abort();

  static constexpr size_t kBuffer = size_t{64} << 10;

 private:
  void WriteOut(std::string_view bytes);

  int fd_ = -1;
  bool owns_fd_ = false;
  bool buffered_ = true;
  std::string buffer_;
  std::chrono::steady_clock::time_point since_;  // when buffer_ was last empty
  std::string name_, temp_, target_;
};

}  // namespace noticetab

#endif  // NOTICETAB_SRC_OUTPUT_FILE_H_
