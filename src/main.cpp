// The noticetab command line: parse options into a struct, call the library,
// report. The only place that prints errors and chooses exit codes.
#include <boost/program_options.hpp>
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "noticetab/convert.h"
#include "noticetab/error.h"
#include "noticetab/load.h"
#include "noticetab/rules.h"
#include "noticetab/write.h"

namespace po = boost::program_options;
using namespace noticetab;

namespace {

constexpr int kExitOk = 0, kExitFailed = 1, kExitUsage = 2;

struct Options {
  std::string format = "yaml";
  std::string output;  // empty = stdout
  std::optional<int> year;
  std::string rules_dir;
  WriteOptions write;
  std::vector<std::string> inputs;
};

std::string FormatNames() {
  std::string s;
  for (const auto& w : Writers()) s += (s.empty() ? "" : "|") + std::string(w.name);
  return s;
}

// Returns nullopt after printing help/version (exit 0); throws Error(kUsage).
std::optional<Options> ParseArgs(int argc, char** argv) {
  Options o;
  po::options_description desc(
      "usage: noticetab [options] FILE...   (FILE '-' reads stdin)\n"
      "Turns Chinese government notices into task ledgers.\n\noptions");
  int year = 0;
  desc.add_options()
      ("help,h", "show this help and exit")
      ("version", "show the version and exit")
      ("format,f", po::value(&o.format)->default_value("yaml"), ("output format: " + FormatNames()).c_str())
      ("output,o", po::value(&o.output), "write to FILE instead of stdout")
      ("year", po::value(&year), "plan year when the notice does not say")
      ("rules", po::value(&o.rules_dir), "load rules from DIR (files there replace the built-in ones)")
      ("excel", po::bool_switch(&o.write.excel), "CSV/TSV with UTF-8 BOM and CRLF for spreadsheet programs")
      ("normalize-punct", po::bool_switch(&o.write.normalize_punct),
       "ASCII , ; : ( ) in Chinese text become ，；：（）");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&o.inputs));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(Error::Kind::kUsage, e.what());
  }
  if (vm.count("help")) {
    std::cout << desc << "\nexit status: 0 ok, 1 an input could not be converted, 2 bad usage or rules\n";
    return std::nullopt;
  }
  if (vm.count("version")) {
    std::cout << "noticetab " << NOTICETAB_VERSION << "\n";
    return std::nullopt;
  }
  if (vm.count("year")) {
    if (year < 1900 || year > 2200) throw Error(Error::Kind::kUsage, fmt::format("--year {} is not a plausible year", year));
    o.year = year;
  }
  if (!FindWriter(o.format))
    throw Error(Error::Kind::kUsage, fmt::format("unknown format '{}' (expected {})", o.format, FormatNames()));
  if (o.inputs.empty()) throw Error(Error::Kind::kUsage, "no input files (use '-' for stdin; see --help)");
  return o;
}

int Run(const Options& o) {
  Rules loaded;
  const Rules* rules = &BuiltinRules();
  if (!o.rules_dir.empty()) {
    loaded = LoadRules(o.rules_dir);
    rules = &loaded;
  }
  ConvertOptions copts;
  copts.year = o.year;
  std::vector<Document> docs;
  int failed = 0;
  for (const auto& path : o.inputs) {
    try {
      docs.push_back(Convert(LoadFile(path), *rules, copts));
    } catch (const Error& e) {
      std::cerr << "noticetab: " << e.Format() << "\n";
      ++failed;
    }
  }
  const Writer* writer = FindWriter(o.format);
  if (o.output.empty()) {
    writer->write(std::cout, docs, o.write);
    std::cout.flush();
    if (!std::cout) throw Error(Error::Kind::kOutput, "cannot write to stdout");
  } else {
    std::ofstream out(o.output, std::ios::binary);
    if (!out) throw Error(Error::Kind::kOutput, "cannot open for writing", o.output);
    writer->write(out, docs, o.write);
    out.close();
    if (!out) throw Error(Error::Kind::kOutput, "write failed", o.output);
  }
  if (failed) std::cerr << fmt::format("noticetab: {} of {} inputs could not be converted\n", failed, o.inputs.size());
  return failed ? kExitFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    auto opts = ParseArgs(argc, argv);
    if (!opts) return kExitOk;
    return Run(*opts);
  } catch (const Error& e) {
    std::cerr << "noticetab: " << e.Format() << "\n";
    return e.kind() == Error::Kind::kUsage || e.kind() == Error::Kind::kRules ? kExitUsage : kExitFailed;
  } catch (const std::exception& e) {
    std::cerr << "noticetab: internal error: " << e.what() << "\n";
    return kExitFailed;
  }
}
