#include <emscripten/bind.h>
#include <string>

std::string version() { return "0.1.0"; }

EMSCRIPTEN_BINDINGS(gradtape) { emscripten::function("version", &version); }
