#include "engine/core/file_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/core/limits.h"

namespace gs {
namespace {

const char* KindOf(mode_t m) {
  if (S_ISDIR(m)) return "is a directory, not a scenario file";
  if (S_ISFIFO(m)) return "is a FIFO (named pipe), not a regular file: it is not read";
  if (S_ISCHR(m) || S_ISBLK(m)) return "is a device, not a regular file: it is not read";
  if (S_ISSOCK(m)) return "is a socket, not a regular file: it is not read";
  return "is not a regular file: it is not read";
}

}  // namespace

bool ReadRegularFile(const std::string& path, std::size_t max_bytes, std::string* out,
                     std::string* error) {
  // O_NONBLOCK: opening a FIFO with no writer must not wait; the type is checked right after.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot open the file: ") + std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    *error = std::string("cannot read the file: ") + std::strerror(errno);
    ::close(fd);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *error = KindOf(st.st_mode);
    ::close(fd);
    return false;
  }
  if (std::size_t(st.st_size) > max_bytes) {
    *error = "file is " + std::to_string(st.st_size) +
             " bytes, over the limit kMaxFileBytes = " + std::to_string(max_bytes);
    ::close(fd);
    return false;
  }
  std::string text(std::size_t(st.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *error = std::string("cannot read the file: ") + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;  // shorter than fstat said (being rewritten): take what is there
    got += std::size_t(n);
  }
  text.resize(got);
  ::close(fd);
  *out = std::move(text);
  return true;
}

bool CheckUtf8Encoding(std::string* text, std::string* error) {
  const auto starts = [text](std::initializer_list<unsigned char> bom) {
    if (text->size() < bom.size()) return false;
    std::size_t i = 0;
    for (unsigned char b : bom) {
      if (static_cast<unsigned char>((*text)[i++]) != b) return false;
    }
    return true;
  };
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  if (starts({0xFF, 0xFE, 0x00, 0x00}) || starts({0x00, 0x00, 0xFE, 0xFF})) {
    *error = "the file is UTF-32; save it as UTF-8";
    return false;
  }
  if (starts({0xFF, 0xFE}) || starts({0xFE, 0xFF})) {
    *error = std::string("the file is UTF-16 (") + (starts({0xFF, 0xFE}) ? "little" : "big") +
             "-endian); save it as UTF-8";
    return false;
  }
  if (starts({0xEF, 0xBB, 0xBF})) text->erase(0, 3);  // a UTF-8 mark is harmless
  return true;
}

}  // namespace gs
