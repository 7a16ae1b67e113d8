# Shared set-up for scripts/serve, scripts/test and scripts/bench: installs only what is missing,
# so a second run installs nothing. Sourced, not run.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Debian packages the build and the tests need (clang-14 and libclang-rt-14-dev, its libFuzzer and
# sanitizer runtimes, for the fuzz preset of scripts/fuzz).
required_packages=(
  cmake ninja-build g++ clang-format clang-tidy emscripten nodejs npm libeigen3-dev googletest libgtest-dev
  libbenchmark-dev nlohmann-json3-dev libfast-float-dev libcli11-dev libssl-dev chromium clang-14
  libclang-rt-14-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the Debian packages that are not installed yet (apt-get needs root): the required ones,
# and any named as arguments (scripts/bench adds `time`).
ensure_packages() {
  local missing=() pkg
  for pkg in "${required_packages[@]}" "$@"; do
    # `node` and `npm` may come from elsewhere than Debian's packages; a working command is enough.
    case "$pkg" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# Installs the web tooling from the lockfile, only when the lockfile changed since the last install.
ensure_node_modules() {
  local stamp="$repo_root/node_modules/.gradtape-lock"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$repo_root/package-lock.json"; then
    return 0
  fi
  log "installing web tooling (npm ci)"
  (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$repo_root/package-lock.json" "$stamp"
}

# Emscripten 3.1.6's JS optimizer finds acorn only through Debian's node path.
export NODE_PATH=/usr/share/nodejs

# Configures (once) and builds one CMake preset; later runs rebuild only what changed.
build_preset() {
  local preset=$1 dir=$2
  if [ ! -f "$repo_root/$dir/CMakeCache.txt" ]; then
    log "configuring $preset"
    (cd "$repo_root" && cmake --preset "$preset" >/dev/null)
  fi
  log "building $preset"
  (cd "$repo_root" && cmake --build --preset "$preset")
}
