// Reading an input file safely: only a regular file is read (a FIFO, device, socket or
// directory gets a clear error at once, never a blocked read), its size is checked on the
// opened file (fstat) before anything is read, and the encoding is named when it is not
// UTF-8 (a UTF-16 or UTF-32 byte order mark).
#pragma once

#include <cstddef>
#include <string>

namespace gs {

/// Reads `path` whole into `out`. On failure returns false with the reason in `error`
/// (e.g. "is a directory, not a scenario file", "is a FIFO (named pipe), not a regular
/// file", "file is N bytes, over the limit kMaxFileBytes = ...").
bool ReadRegularFile(const std::string& path, std::size_t max_bytes, std::string* out,
                     std::string* error);

/// Checks the text's encoding: a UTF-8 byte order mark is removed (it is fine); a UTF-16 or
/// UTF-32 one is an error naming the encoding. Returns false with `error` set then.
bool CheckUtf8Encoding(std::string* text, std::string* error);

}  // namespace gs
