// Names of the text encodings, for notes and the bindings.
#include "core/data/csv_format.h"

namespace gradtape {

std::string_view encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::automatic: return "automatic";
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::windows1252: return "Windows-1252";
  }
  return "UTF-8";
}

}  // namespace gradtape
