# Shared by scripts/run and scripts/test: install what is missing, once, quietly.
# shellcheck shell=bash

# Debian packages the tests and the app need (checked with dpkg, installed with apt-get).
DOSSIER_APT_PACKAGES=(python3 python3-venv poppler-utils qpdf)

need_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      echo "error: no Rust toolchain found; install Rust 1.88 or newer with rustup, then run this again" >&2
      exit 1
    fi
  fi
}

# apt_install PKG...: installs the packages that are not installed yet.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq -o DPkg::Lock::Timeout=300 >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${missing[@]}" >&2
}

# Build output lives outside the clone so that reruns (and CI on the same machine) are
# incremental; set CARGO_TARGET_DIR to put it elsewhere.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dossier/target}"
