// Helpers shared by the tests: paths, file reading, running the pipeline.
#ifndef NOTICETAB_TESTS_TEST_UTIL_H_
#define NOTICETAB_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/link.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/text.h"
#include "noticetab/write.h"

#include <yaml-cpp/yaml.h>

namespace noticetab::testing {

inline std::string SourceDir() { return NOTICETAB_SOURCE_DIR; }
inline std::string Binary() { return NOTICETAB_BINARY; }

/// A fresh scratch directory below /tmp (mode 0700), removed with all it holds
/// when the test ends.
struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/noticetab-test-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Each line of the .txt files in `dirs` (a missing directory is skipped),
/// each followed by its tab- and pipe-separated pieces: real cells for the
/// tests that compare a fast path with its plain definition.
inline std::vector<std::string> LinesAndCells(const std::vector<std::filesystem::path>& dirs) {
  std::vector<std::string> out;
  for (const auto& dir : dirs) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
      const std::string text = ReadFile(e.path().string());
      for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(at, end - at);
        out.push_back(line);
        for (char sep : {'\t', '|'})
          for (size_t from = 0, to; from <= line.size(); from = to + 1) {
            to = std::min(line.find(sep, from), line.size());
            out.push_back(line.substr(from, to - from));
          }
        at = end + 1;
      }
    }
  }
  return out;
}

/// s with a space after every character (a name cut by spaces).
// What LinkRows decided for each row of `t` (item, section, warnings) with
// link.cpp's test switches set for the call: `portable` (no vector lanes) and
// `exhaustive` (every row's bigrams counted to its end, no early stop).
struct Links {
  std::vector<int> items, sections;
  std::vector<std::vector<std::string>> warnings;
};

inline Links LinkWith(Table t, const std::vector<Section>& body, bool portable, bool exhaustive) {
  detail::LinkPortableOnly(portable);
  detail::LinkExhaustive(exhaustive);
  LinkRows(t, body);
  detail::LinkExhaustive(false);
  detail::LinkPortableOnly(false);
  Links out;
  for (const Row& r : t.rows) {
    out.items.push_back(r.item);
    out.sections.push_back(r.section);
    out.warnings.push_back(r.warnings);
  }
  return out;
}

// Random texts over `count` consecutive Han characters from `first` (so that
// rows and items share many bigrams: the link tests), with a full-width comma
// in place of about one character in `comma_one_in`.
struct HanTexts {
  HanTexts(std::mt19937& rng, char32_t first, int count, unsigned comma_one_in)
      : rng(rng), comma_one_in(comma_one_in) {
    for (char32_t c = first; c < first + static_cast<char32_t>(count); ++c) {
      std::string s;
      AppendUtf8(s, c);
      chars.push_back(s);
    }
  }
  /// One of the characters.
  const std::string& Char() { return chars[rng() % chars.size()]; }
  /// `len` characters.
  std::string operator()(size_t len) {
    std::string s;
    for (size_t k = 0; k < len; ++k) s += rng() % comma_one_in ? Char() : "，";
    return s;
  }
  std::mt19937& rng;
  unsigned comma_one_in;
  std::vector<std::string> chars;
};

inline std::string SpacedChars(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t from = i;
    NextChar(s, i);
    out.append(s, from, i - from);
    out += ' ';
  }
  return out;
}

/// Every scalar of rules/*.yaml (the patterns among them): what the regex
/// tests run each engine path on.
inline std::set<std::string> RuleScalars() {
  std::set<std::string> out;
  auto walk = [&out](const YAML::Node& n, auto& self) -> void {
    if (n.IsScalar()) out.insert(n.Scalar());
    if (n.IsSequence())
      for (const auto& e : n) self(e, self);
    if (n.IsMap())
      for (const auto& kv : n) self(kv.second, self);
  };
  for (const auto& e : std::filesystem::directory_iterator(SourceDir() + "/rules"))
    if (e.path().extension() == ".yaml") walk(YAML::LoadFile(e.path().string()), walk);
  return out;
}

/// The five bundled sample notices, as paths relative to the source dir.
inline const std::vector<std::string>& SampleNames() {
  static const std::vector<std::string> k = {"fushan-2023", "laiwu-2021", "linyi-2023", "shanghe-2023",
                                             "zhaoyuan-2023"};
  return k;
}

/// Converts samples/<name>.txt through the library, named as the CLI would
/// name it when run from the source dir.
inline Document ConvertSample(const std::string& name) {
  std::string rel = "samples/" + name + ".txt";
  return Convert(Decode(ReadFile(SourceDir() + "/" + rel), rel), BuiltinRules());
}

inline std::string Render(const std::string& format, const std::vector<Document>& docs) {
  std::ostringstream out;
  FindWriter(format)->write(out, docs, WriteOptions{});
  return out.str();
}

struct RunResult {
  int status = -1;
  std::string out, err;
};

/// Runs the built binary with `args` (a shell fragment, may hold redirections)
/// from the source dir; captures stdout, stderr and the exit status.
/// `wrapper` goes before the binary (e.g. a command that drops privileges).
inline RunResult RunCli(const std::string& args, const std::string& wrapper = "") {
  static int counter = 0;
  std::string base = "/tmp/noticetab-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  std::string cmd = "cd '" + SourceDir() + "' && " + wrapper + " '" + Binary() + "' " + args +
                    " >" + base + ".out 2>" + base + ".err";
  int rc = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(base + ".out");
  r.err = ReadFile(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return r;
}

}  // namespace noticetab::testing

#endif  // NOTICETAB_TESTS_TEST_UTIL_H_
