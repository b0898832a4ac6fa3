# Shared by scripts/run and scripts/test: install what is missing, once, quietly.
# shellcheck shell=bash

# Debian packages the tests and the app need (checked with dpkg, installed with apt-get):
# WebKitGTK and pkg-config build the desktop app; xvfb, xauth and WebKitWebDriver run its
# end-to-end tests without a screen.
DOSSIER_APT_PACKAGES=(python3 python3-venv poppler-utils qpdf
  libwebkit2gtk-4.1-dev pkg-config xvfb xauth webkit2gtk-driver)

# The oldest Rust that builds the workspace (edition 2024, let chains).
DOSSIER_RUST_MIN=1.88

# need_rust: a Rust toolchain on PATH, at least DOSSIER_RUST_MIN, with a C linker. On a fresh
# machine it installs rustup's stable toolchain into ~/.cargo (Debian's own rustc is older).
need_rust() {
  apt_install build-essential curl ca-certificates
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v cargo >/dev/null 2>&1; then
    echo "installing Rust (stable, with rustup) into ~/.cargo" >&2
    # rustup-init acts by the name it is run as.
    local dir init
    dir="$(mktemp -d)"
    init="$dir/rustup-init"
    if ! curl --proto '=https' --tlsv1.2 -sSf -o "$init" \
        "https://static.rust-lang.org/rustup/dist/$(uname -m)-unknown-linux-gnu/rustup-init" ||
      ! chmod +x "$init" ||
      ! "$init" -y --quiet --profile minimal --component rustfmt,clippy --default-toolchain stable >&2; then
      rm -rf "$dir"
      echo "error: could not install Rust with rustup; install Rust $DOSSIER_RUST_MIN or newer, then run this again" >&2
      exit 1
    fi
    rm -rf "$dir"
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  local have
  have="$(rustc --version | awk '{print $2}')"
  if [ "$(printf '%s\n' "$DOSSIER_RUST_MIN" "$have" | sort -V | head -1)" != "$DOSSIER_RUST_MIN" ]; then
    if command -v rustup >/dev/null 2>&1; then
      rustup toolchain install stable --profile minimal --component rustfmt,clippy >&2
      rustup default stable >&2
    else
      echo "error: Rust $have is too old; install Rust $DOSSIER_RUST_MIN or newer (rustup), then run this again" >&2
      exit 1
    fi
  fi
}

# The desktop UI (ui/) is built with Node 18 or newer and npm; Debian's own nodejs will do.
need_node() {
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 18 ]; then
    echo "error: Node $(node --version) is too old for the desktop UI; install Node 18 or newer, then run this again" >&2
    exit 1
  fi
}

# build_ui: installs the UI's locked dependencies and builds ui/dist, which the desktop app
# embeds (so it must exist before cargo compiles src-tauri).
# Not `npm ci`: the npm on these machines writes locks without the other platforms' optional
# packages (rollup's native binaries), and `npm ci` then calls every such lock out of sync.
# `npm install --no-save` installs the locked versions and leaves the lock untouched.
build_ui() {
  (cd ui && npm install --no-save --no-audit --no-fund --loglevel=error && npm run --silent build)
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

# Cargo judges a workspace crate's artifacts fresh by paths relative to the workspace and by
# mtimes, not by where the checkout is, yet paths are baked in at compile time
# (env!("CARGO_MANIFEST_DIR"), insta's snapshot folders). A target dir last used by another
# checkout could thus hand this one test binaries that read another checkout's files. When the
# checkout changes, make this one's files newer: cargo rebuilds the workspace's own crates and
# keeps the dependencies it built.
claim_target_dir() {
    local mark="$CARGO_TARGET_DIR/.dossier-checkout"
    local last
    last="$(cat "$mark" 2>/dev/null || echo "an unknown checkout")"
    if [[ -d $CARGO_TARGET_DIR/debug && $last != "$PWD" ]] && git rev-parse --git-dir >/dev/null 2>&1; then
        echo "== $CARGO_TARGET_DIR was last used by $last: rebuilding this checkout's crates"
        git ls-files -z | xargs -0 touch
    fi
    mkdir -p "$CARGO_TARGET_DIR"
    echo "$PWD" >"$mark"
}
claim_target_dir
