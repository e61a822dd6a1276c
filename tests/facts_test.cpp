// The hand-checked facts about the bundled samples (tests/data/facts.yaml, a
// copy of ../shared/acceptance/seeds.yaml), checked against the library with
// the same semantics as check_facts.py: text compares ignore whitespace and
// full-width/half-width differences; unit lists compare as sets.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "noticetab/text.h"
#include "test_util.h"

using namespace noticetab;
using namespace noticetab::testing;

namespace {

std::string Norm(std::string_view s) { return RemoveSpaces(Nfkc(s)); }

std::vector<std::string> NormList(const std::vector<std::string>& xs) {
  std::vector<std::string> out;
  for (const auto& x : xs) out.push_back(Norm(x));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> NormList(const YAML::Node& n) {
  std::vector<std::string> xs;
  for (const auto& e : n) xs.push_back(e.as<std::string>());
  return NormList(xs);
}

// True when content (or content less a leading item marker) starts with head.
bool Starts(const std::string& content, const std::string& head) {
  static const std::regex kMarker("^(?:[0-9]+[.、]|\\([0-9一二三四五六七八九十]+\\)|[一二三四五六七八九十]+、)");
  std::string c = Norm(content);
  if (c.rfind(head, 0) == 0) return true;
  std::smatch m;
  // std::regex works on bytes; the marker's Chinese numerals are whole UTF-8 sequences.
  std::string stripped = std::regex_replace(c, kMarker, "", std::regex_constants::format_first_only);
  return stripped.rfind(head, 0) == 0;
}

void CheckTask(const Task& t, const YAML::Node& f) {
  if (f["section"]) CHECK(t.section == std::optional<int>(f["section"].as<int>()));
  if (f["item"]) CHECK(t.item == std::optional<int>(f["item"].as<int>()));
  if (f["content_starts"] && f["seq"]) CHECK(Starts(t.content, Norm(f["content_starts"].as<std::string>())));
  if (f["content_has"]) CHECK(Norm(t.content).find(Norm(f["content_has"].as<std::string>())) != std::string::npos);
  if (f["content_ends"]) {
    std::string c = Norm(t.content), e = Norm(f["content_ends"].as<std::string>());
    CHECK(c.size() >= e.size());
    CHECK(c.substr(c.size() - std::min(c.size(), e.size())) == e);
  }
  if (f["units"]) CHECK(NormList(t.units) == NormList(f["units"]));
  if (f["units_has"]) {
    auto have = NormList(t.units);
    for (const auto& u : f["units_has"]) CHECK(std::count(have.begin(), have.end(), Norm(u.as<std::string>())) == 1);
  }
  if (f["units_any_of"]) {
    bool any = false;
    for (const auto& opt : f["units_any_of"]) any |= NormList(t.units) == NormList(opt);
    CHECK(any);
  }
  for (const char* key : {"lead_units", "support_units"})
    if (f[key]) CHECK(NormList(std::string(key) == "lead_units" ? t.lead_units : t.support_units) == NormList(f[key]));
  if (f["units_open"]) CHECK(t.units_open == f["units_open"].as<bool>());
  if (f["no_garbage"]) {
    std::string dl = Norm(t.deadline.text.value_or("")), units;
    for (const auto& u : t.units) units += Norm(u);
    for (std::string bad : {"刀", "則", "/", ">"}) CHECK(dl.find(bad) == std::string::npos);
    for (std::string bad : {"早", "少"}) CHECK(units.find(bad) == std::string::npos);
  }
  if (const auto& d = f["deadline"]) {
    if (d["text"]) CHECK(Norm(t.deadline.text.value_or("")) == Norm(d["text"].as<std::string>()));
    if (d["date"]) CHECK(t.deadline.date == std::optional<std::string>(d["date"].as<std::string>()));
    if (d["kind"]) CHECK(t.deadline.kind == d["kind"].as<std::string>());
  }
}

}  // namespace

TEST_CASE("hand-checked facts about the bundled samples hold", "[facts]") {
  YAML::Node entries = YAML::LoadFile(SourceDir() + "/tests/data/facts.yaml");
  REQUIRE(entries.size() == 5);
  for (const auto& entry : entries) {
    std::string sample = entry["sample"].as<std::string>();
    std::string name = sample.substr(0, sample.size() - 4);
    Document doc = ConvertSample(name);
    {
      INFO("sample " << sample);
      for (const auto& kv : entry["document"]) {
        std::string key = kv.first.as<std::string>();
        INFO(sample << " document." << key);
        if (key == "number") {
          if (kv.second.IsNull()) CHECK(!doc.document.number);
          else CHECK(Norm(doc.document.number.value_or("")) == Norm(kv.second.as<std::string>()));
        } else if (key == "date") {
          CHECK(doc.document.date == std::optional<std::string>(kv.second.as<std::string>()));
        } else if (key == "year") {
          CHECK(doc.document.year == std::optional<int>(kv.second.as<int>()));
        } else if (key == "title") {
          CHECK(Norm(doc.document.title.value_or("")) == Norm(kv.second.as<std::string>()));
        } else {
          FAIL("unknown document fact " << key);
        }
      }
      size_t items = 0;
      for (const auto& s : doc.sections) items += s.items.size();
      if (const auto& c = entry["counts"]) {
        if (c["sections"]) CHECK(doc.sections.size() == c["sections"].as<size_t>());
        if (c["items"]) CHECK(items == c["items"].as<size_t>());
        if (c["tasks"]) CHECK(doc.tasks.size() == c["tasks"].as<size_t>());
      }
      if (const auto& run = entry["seq_run"]) {
        std::vector<int> seqs;
        for (const auto& t : doc.tasks)
          if (t.seq) seqs.push_back(*t.seq);
        std::sort(seqs.begin(), seqs.end());
        std::vector<int> want;
        for (int i = run[0].as<int>(); i <= run[1].as<int>(); ++i) want.push_back(i);
        CHECK(seqs == want);
      }
      for (const auto& bad : entry["forbidden_text"])
        for (const auto& t : doc.tasks) CHECK(t.content.find(bad.as<std::string>()) == std::string::npos);
      for (const auto& f : entry["items"]) {
        int index = f["index"].as<int>();
        INFO(sample << " item " << index);
        const Item* hit = nullptr;
        int owner = 0;
        for (const auto& s : doc.sections)
          for (const auto& it : s.items)
            if (it.index == index) hit = &it, owner = s.index;
        REQUIRE(hit);
        if (f["title"]) CHECK(Norm(hit->title) == Norm(f["title"].as<std::string>()));
        if (f["section"]) CHECK(owner == f["section"].as<int>());
      }
      for (const auto& f : entry["tasks"]) {
        std::vector<const Task*> hits;
        for (const auto& t : doc.tasks) {
          if (f["seq"] ? t.seq == std::optional<int>(f["seq"].as<int>())
                       : Starts(t.content, Norm(f["content_starts"].as<std::string>())))
            hits.push_back(&t);
        }
        INFO(sample << " task " << (f["seq"] ? f["seq"].as<std::string>() : f["content_starts"].as<std::string>()));
        REQUIRE(hits.size() == 1);
        CheckTask(*hits[0], f);
      }
    }
  }
}
