// The batch runner: plan the outputs, convert on a pool of workers, write in
// input order. Workers load, convert and (when the output allows) render each
// input; the calling thread takes the results in input order, so outputs do
// not depend on scheduling, and converts small inputs itself while the next
// one to write is not done. Inputs are expanded in batch_inputs.cpp; output
// files are written through output_file.h.
#include "noticetab/batch.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "noticetab/byunit.h"
#include "noticetab/load.h"
#include "noticetab/text.h"
#include "output_file.h"

namespace noticetab {

namespace fs = std::filesystem;

namespace {

using FileId = std::pair<uint64_t, uint64_t>;  // device, inode

// EncodeOutput without a copy of UTF-8 text.
std::string Encoded(std::string utf8, const std::string& encoding) {
  return OutputEncodingName(encoding) == "utf-8" ? std::move(utf8) : EncodeOutput(utf8, encoding);
}

std::string Render(const BatchOptions& o, const Writer* writer, const std::vector<Document>& docs) {
  std::ostringstream out;
  WriteOptions write = o.write;  // the words of a workbook come from the batch's rules
  if (!write.rules) write.rules = o.rules;
  switch (o.view) {
    case BatchView::kTasks:
      writer->write(out, docs, write);
      break;
    case BatchView::kByUnit:
      WriteByUnit(out, o.format, docs, write);
      break;
    case BatchView::kUnitSummary:
      WriteUnitSummary(out, o.format, docs, write, o.rules ? *o.rules : BuiltinRules());
      break;
    case BatchView::kCustom:
      o.render(out, docs, o.rules ? *o.rules : BuiltinRules());
      break;
  }
  return Encoded(std::move(out).str(), o.encoding);  // moved out of the stream, not copied
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
    // Why, in the terms of the document's own warnings: a table without rows,
    // numbered paragraphs that its kind does not list as tasks (a meeting
    // notice, a 通报), or nothing numbered at all.
    if (doc.kind == "notice_with_annex")
      out.push_back("no tasks found (the task table has no rows)");
    else if (!doc.sections.empty())
      out.push_back(fmt::format("no tasks found (no task table recognized; the numbered body paragraphs are not "
                                "tasks in a document of kind {})", doc.kind.empty() ? "unknown" : doc.kind));
    else
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
// An input this big (a 60 MB notice) is not rendered whole on its worker:
// its text would sit in memory beside the document (JSON about 5x the input).
// The thread that writes renders it in kDrainChunk pieces (Pieces::part_to).
constexpr uint64_t kRenderInOrderBytes = uint64_t{4} << 20;
// The writing thread converts inputs up to this size while it waits (a few
// milliseconds each); bigger ones are left to the workers.
constexpr uint64_t kHelpBytes = uint64_t{256} << 10;
// Input bytes that workers may convert ahead of the one being written (beyond
// 4 inputs a thread), so that the output waiting in memory stays small.
constexpr uint64_t kAheadBytes = uint64_t{2} << 20;
// How often the writing thread reports progress while it waits.
constexpr std::chrono::milliseconds kTick{100};

struct Slot {
  std::vector<std::string> problems;
  bool ready = false;
  // Combined non-streaming output (xlsx, views); or a big input of a
  // streaming format, rendered by the writing thread in chunks.
  std::optional<Document> doc;
  std::string rendered;         // streaming output of this document
  std::optional<Error> error;
  int64_t tasks = 0, warnings = 0;
  std::map<std::string, int64_t, std::less<>> task_codes;  // BatchResult::task_codes of this input
  uint64_t bytes = 0;  // input size: in the summary only when converted
};

const Writer* CheckOptions(const BatchOptions& o) {
  const Writer* writer = FindWriter(o.format);
  if (o.view == BatchView::kTasks && !(writer && writer->write)) {
    throw Error(Error::Kind::kUsage,
                fmt::format("unknown format '{}' (expected {})", o.format, DocumentFormatNames()));
  }
  // The messages name no option; the CLI words these codes in its own terms.
  if (o.view == BatchView::kByUnit && !WritesTable(TableView::kByUnit, o.format)) {
    throw Error(Error::Kind::kUsage, fmt::format("the per-unit rows are written as {}, not '{}'",
                                                 TableFormatList(TableView::kByUnit), o.format))
        .WithCode(Error::Code::kByUnitFormat, o.format);
  }
  if (o.view == BatchView::kUnitSummary && !WritesTable(TableView::kUnitSummary, o.format)) {
    throw Error(Error::Kind::kUsage, fmt::format("the unit summary is written as {}, not '{}'",
                                                 TableFormatList(TableView::kUnitSummary), o.format))
        .WithCode(Error::Code::kUnitSummaryFormat, o.format);
  }
  const std::string enc = OutputEncodingName(o.encoding);
  if (enc.empty()) {
    throw Error(Error::Kind::kUsage,
                fmt::format("unknown output encoding '{}' (expected utf-8 or gb18030)", o.encoding))
        .WithCode(Error::Code::kOutputEncoding, o.encoding);
  }
  // A workbook is binary; only text can be re-encoded.
  if (enc != "utf-8" && o.view == BatchView::kTasks && o.format == "xlsx") {
    throw Error(Error::Kind::kUsage, "an output encoding applies to text formats, not xlsx")
        .WithCode(Error::Code::kEncodingOfBinary, o.format);
  }
  if (o.jobs < 0) {
    throw Error(Error::Kind::kUsage, fmt::format("{} worker threads: expected 1 or more", o.jobs))
        .WithCode(Error::Code::kJobs, std::to_string(o.jobs));
  }
  return writer;
}

std::string Extension(const BatchOptions& o, const Writer* writer) {
  if (writer) return std::string(writer->extension);
  return o.format;  // a custom view's format that is no Writer
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
      if (in.ino != 0) {  // stat'ed when the inputs were listed
        files_.try_emplace({in.dev, in.ino}, in.path);
        continue;
      }
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
    const auto it = files_.find({static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino)});
    return it == files_.end() ? nullptr : &it->second;
  }
  std::map<FileId, std::string> files_;
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
        throw Error(Error::Kind::kUsage, "stdin ('-') has no name to write below an output directory")
            .WithCode(Error::Code::kStdinToOutputDir);
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
  // per input. With -j N, N threads convert: N - 1 workers and this thread,
  // which writes the inputs in order and, while the next one to write is not
  // done, converts a small input itself (it stays free to report progress
  // about every 100 ms). Nobody is woken but a thread that waits: this thread
  // for the input it writes next, workers for room in the window.
  const int threads = std::max(1, std::min(n, o.jobs > 0 ? o.jobs : static_cast<int>(std::thread::hardware_concurrency())));
  // 4 inputs a thread; or up to 16 of them while the inputs from the one
  // being written on are kAheadBytes in all (small ones: while this thread
  // converts one of them, a worker is not kept waiting).
  const int near = std::max(1, std::min(n, 4 * threads));
  const int window = std::max(1, std::min(n, 16 * threads));
  std::vector<uint64_t> upto(inputs.size() + 1);  // bytes of the inputs before i
  for (int i = 0; i < n; ++i) {
    const BatchInput& in = inputs[i];
    upto[i + 1] = upto[i] + (in.error ? 0 : in.size > 0 ? in.size : kRenderInOrderBytes);
  }
  // Whether input i may be converted while input `from` is the next to write.
  const auto in_window = [&](int i, int from) {
    return i < from + near || (i < from + window && upto[i + 1] - upto[from] <= kAheadBytes);
  };
  std::vector<Slot> slots(static_cast<size_t>(window));
  std::mutex mu;
  std::condition_variable writer_cv;  // this thread waits for slot `writer_waits`
  std::condition_variable window_cv;  // workers wait for written + window > their input
  int written = 0;         // inputs this thread has taken; guarded by mu
  int writer_waits = -1;   // the input this thread waits for; guarded by mu
  int window_waiters = 0;  // workers waiting for room; guarded by mu
  bool stop = false;       // guarded by mu
  std::atomic<int> next{0};

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
      for (const Task& t : one[0].tasks)
        for (const Diagnostic& d : t.diagnostics) ++slot.task_codes[d.code];
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
      } else if (streaming && pieces->part_to && bytes >= kRenderInOrderBytes) {
        slot.doc = std::move(one[0]);  // rendered in chunks straight into the output
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
    slot.ready = true;
    slot.bytes = bytes;
    std::lock_guard<std::mutex> lock(mu);
    ++progress.done;
    progress.failed += slot.error.has_value();
    progress.tasks += slot.tasks;
    progress.bytes_done += bytes;
    slots[i % window] = std::move(slot);
    if (writer_waits == i) writer_cv.notify_one();
  };

  // Streamed output is gathered into big writes, but no document waits in
  // the buffer much longer than a tick once it is done.
  auto flush = [&] {
    if (sink) sink->Flush();
  };

  auto report = [&] {
    if (!observer) return;
    BatchProgress p;
    {
      std::lock_guard<std::mutex> lock(mu);
      p = progress;
    }
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    observer->OnProgress(p);
  };

  // Buffered output is written out before a failure is shown, so that the two
  // keep their order where stdout and stderr are one file.
  auto on_failure = [&](const Error& e) {
    flush();
    observer->OnFailure(e);
  };

  std::vector<Document> docs;
  {
    std::vector<std::jthread> pool;
    auto worker = [&] {
      for (;;) {
        const int i = next++;
        if (i >= n) break;
        std::unique_lock<std::mutex> lock(mu);
        if (!stop && !in_window(i, written)) {
          ++window_waiters;
          window_cv.wait(lock, [&] { return stop || in_window(i, written); });
          --window_waiters;
        }
        if (stop) break;
        lock.unlock();
        work(i);
      }
    };
    // Workers stop taking inputs when this thread gives up (output error).
    struct StopOnExit {
      bool& stop;
      std::mutex& mu;
      std::condition_variable& cv;
      ~StopOnExit() {
        {
          std::lock_guard<std::mutex> lock(mu);
          stop = true;
        }
        cv.notify_all();
      }
    } stop_on_exit{stop, mu, window_cv};
    // One worker converts on this thread: a thread would only add its start
    // (stack, malloc arena: page faults) to a one-notice run. Input i is
    // converted just before it is written, so the order is the same.
    const bool inline_work = threads == 1;
    for (int t = 1; t < threads && !inline_work; ++t) pool.emplace_back(worker);
    // An input this thread may convert between writes: one that takes a few
    // milliseconds, so that progress is still reported on time.
    const auto small = [&](int j) {
      const BatchInput& in = inputs[j];
      return in.error || (in.size > 0 && in.size <= kHelpBytes);
    };
    bool spare_started = inline_work;
    // Destroyed in reverse order: stop is set first, then the pool joins.
    for (int i = 0; i < n; ++i) {
      Slot slot;
      if (inline_work) {
        if (!small(i)) flush();  // it may take a while (or wait for a writer, a FIFO)
        work(i);
        if (i + 1 < n) report();  // the last is reported below, as with workers
      }
      for (;;) {
        std::unique_lock<std::mutex> lock(mu);
        if (slots[i % window].ready) {
          slot = std::move(slots[i % window]);
          slots[i % window] = Slot{};
          ++written;
          if (window_waiters > 0) window_cv.notify_all();  // a worker may start one more input
          break;
        }
        lock.unlock();
        // Input i is not done: convert the next small one in the window.
        int j = next.load();
        while (j < n && in_window(j, i) && small(j) && !next.compare_exchange_weak(j, j + 1)) {
        }
        if (j < n && in_window(j, i) && small(j)) {
          work(j);
          report();
          continue;
        }
        // A big input is next: it goes to one more worker, so that N threads
        // still convert while this one waits.
        if (!spare_started && j < n && in_window(j, i)) {
          spare_started = true;
          pool.emplace_back(worker);
        }
        lock.lock();
        bool waited = false;
        if (!slots[i % window].ready) {
          writer_waits = i;
          waited = writer_cv.wait_for(lock, kTick) == std::cv_status::timeout;
          writer_waits = -1;
        }
        lock.unlock();
        if (waited) flush();  // what is done leaves while a slow input converts
        report();
      }
      if (slot.error) {
        result.failures.push_back(*slot.error);
        if (observer) on_failure(*slot.error);
        continue;
      }
      ++result.converted;
      result.bytes += slot.bytes;
      result.tasks += slot.tasks;
      result.warnings += slot.warnings;
      for (const auto& [code, n] : slot.task_codes) result.task_codes[code] += n;
      if (slot.warnings > 0 && o.fail_on_warning) result.warned.emplace_back(inputs[i].path, slot.warnings);
      for (const std::string& p : slot.problems) result.problems.push_back((inputs[i].path == "-" ? "<stdin>" : QuoteName(inputs[i].path)) + ": " + p);
      if (streaming) {
        sink->Write(EncodeOutput(pieces->sep(written_docs++, several, o.write), o.encoding));
        if (slot.doc) {
          pieces->part_to(*slot.doc, several, o.write,
                          [&](std::string& chunk) { sink->Write(Encoded(std::move(chunk), o.encoding)); });
        } else {
          sink->Write(slot.rendered);
        }
        sink->FlushOlderThan(kTick);
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

}  // namespace noticetab
