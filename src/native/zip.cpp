// ZIP members from memory through libzip, with hard limits: a member is read
// in chunks and refused once it passes kMaxMemberSize (or the archive passes
// kMaxUnpackedSize), so a zip bomb costs at most that much work and memory.
// Also MemberPath, the member a relative part name (docx, OFD) resolves to.
#include <zip.h>

#include "../join.h"
#include "internal.h"
#include "noticetab/error.h"

namespace noticetab::native {

struct Zip::Impl {
  zip_t* zip = nullptr;
};

namespace {

Error Damaged(const std::string& name, const std::string& why) {
  return Error(Error::Kind::kInput, "damaged ZIP archive (" + why + ")", name);
}

}  // namespace

Zip::Zip(std::string_view bytes, std::string name) : impl_(new Impl), name_(std::move(name)) {
  zip_error_t error;
  zip_error_init(&error);
  // The buffer is not copied: `bytes` outlives the Zip in every caller.
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Damaged(name_, why);
  }
  impl_->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (impl_->zip == nullptr) {
    zip_source_free(src);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Damaged(name_, why);
  }
  zip_error_fini(&error);
}

Zip::~Zip() {
  if (impl_->zip != nullptr) zip_discard(impl_->zip);
}

bool Zip::Has(const std::string& member) const { return zip_name_locate(impl_->zip, member.c_str(), 0) >= 0; }

std::string Zip::Read(const std::string& member) {
  zip_file_t* f = zip_fopen(impl_->zip, member.c_str(), 0);
  if (f == nullptr) throw Damaged(name_, member + ": " + zip_strerror(impl_->zip));
  std::string out;
  char buf[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      std::string why = zip_file_strerror(f);
      zip_fclose(f);
      throw Damaged(name_, member + ": " + why);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    unpacked_ += static_cast<uint64_t>(n);
    if (out.size() > kMaxMemberSize || unpacked_ > kMaxUnpackedSize) {
      zip_fclose(f);
      throw Error(Error::Kind::kInput,
                  "ZIP member " + member + " unpacks to more than " +
                      FormatSize(out.size() > kMaxMemberSize ? kMaxMemberSize : kMaxUnpackedSize) +
                      " (a zip bomb?)",
                  name_);
    }
  }
  if (zip_fclose(f) != 0) throw Damaged(name_, member + ": CRC or size mismatch");
  return out;
}

std::string MemberPath(std::string_view path) {
  std::vector<std::string_view> pieces;
  for (size_t start = 0;;) {
    const size_t end = path.find('/', start);
    const std::string_view piece = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (piece == "..") {
      if (!pieces.empty()) pieces.pop_back();
    } else if (!piece.empty() && piece != ".") {
      pieces.push_back(piece);
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return Join(pieces, "/");
}

}  // namespace noticetab::native
