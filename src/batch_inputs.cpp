// Batch inputs: the arguments expanded into files (directories walked under
// -r, in byte order of names, each directory once) and the output directory test.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

#include "noticetab/batch.h"
#include "output_file.h"

namespace noticetab {

namespace fs = std::filesystem;

bool IsTextName(std::string_view name) {
  if (name.empty() || name[0] == '.') return false;
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Text and the native formats are read; legacy office files are taken too so
  // that the run names them as refused, with the command that converts them.
  static const char* const kExts[] = {"txt", "text", "docx", "xlsx", "odt", "fodt", "ofd", "pdf", "html", "htm", "xhtml",
                                      "shtml", "doc", "wps", "xls", "et", "rtf"};
  for (const char* e : kExts)
    if (ext == e) return true;
  return false;
}

namespace {

using DirId = std::pair<dev_t, ino_t>;

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
      out.push_back({path, sub, static_cast<uint64_t>(st.st_size), std::nullopt, static_cast<uint64_t>(st.st_dev),
                     static_cast<uint64_t>(st.st_ino)});
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
      const bool regular = exists && S_ISREG(st.st_mode);
      out.push_back({arg, BaseName(arg), regular ? static_cast<uint64_t>(st.st_size) : 0, std::nullopt,
                     regular ? static_cast<uint64_t>(st.st_dev) : 0, regular ? static_cast<uint64_t>(st.st_ino) : 0});
      continue;
    }
    if (!recursive) {
      out.push_back({arg, BaseName(arg), 0,
                     Error(Error::Kind::kInput, "is a directory", arg).WithCode(Error::Code::kDirectoryNotRecursive)});
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

}  // namespace noticetab
