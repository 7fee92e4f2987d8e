#!/usr/bin/env bash
# korva installer.
#   curl -fsSL https://raw.githubusercontent.com/korva-dev/korva/main/install.sh | bash
#   ./install.sh --from-source          (from a checkout; also the fallback when no release is reachable)
#   ./install.sh --version 0.1.0 | --uninstall [--purge] | --help
set -euo pipefail

REPO="${KORVA_REPO:-korva-dev/korva}"
INSTALL_DIR="${KORVA_INSTALL_DIR:-${HOME}/.korva/bin}"
DENO_VERSION="2.9.6"
VERSION="latest"
FROM_SOURCE=0
UNINSTALL=0
PURGE=0
ASSUME_YES=0
MODIFY_PATH=1
PATH_MARKER="# added by the korva installer"

say() { printf '%s\n' "$*"; }
die() {
  printf 'korva install: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<'USAGE'
Install korva, persistent team memory for AI coding assistants.

Usage: install.sh [--version X] [--from-source] [--uninstall [--purge]] [--yes] [--no-modify-path]

  --version X       install release X instead of the latest
  --from-source     build from this checkout (needs Deno; installed with npm when missing)
  --uninstall       remove the korva executable and the PATH lines this script added
  --purge           with --uninstall: also delete the vault and settings (~/.korva), after confirmation
  --yes             do not ask for confirmation
  --no-modify-path  do not touch shell profiles

Environment: KORVA_INSTALL_DIR (default ~/.korva/bin), KORVA_HOME (the data folder for --purge).
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --version)
      [ $# -ge 2 ] || die "--version needs a value, e.g. --version 0.1.0"
      VERSION="${2#v}"
      shift 2
      ;;
    --from-source) FROM_SOURCE=1; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    --purge) PURGE=1; shift ;;
    --yes | -y) ASSUME_YES=1; shift ;;
    --no-modify-path) MODIFY_PATH=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option \"$1\" (see --help)" ;;
  esac
done

# The checkout this script lives in, if it is run from one (not when piped from curl).
SOURCE_DIR=""
if [ -n "${BASH_SOURCE[0]:-}" ] && [ -f "${BASH_SOURCE[0]}" ]; then
  candidate="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ -f "$candidate/main.ts" ] && [ -f "$candidate/deno.json" ]; then SOURCE_DIR="$candidate"; fi
fi

confirm() {
  [ "$ASSUME_YES" = 1 ] && return 0
  [ -r /dev/tty ] || return 1
  printf '%s [y/N] ' "$1" >/dev/tty
  local answer=""
  read -r answer </dev/tty || return 1
  case "$answer" in y | Y | yes | YES) return 0 ;; *) return 1 ;; esac
}

profiles() {
  printf '%s\n' "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.config/fish/conf.d/korva.fish"
}

add_to_path() {
  [ "$MODIFY_PATH" = 1 ] || return 0
  case ":${PATH}:" in *":${INSTALL_DIR}:"*) return 0 ;; esac
  local profile line
  while IFS= read -r profile; do
    case "$profile" in
      *.fish)
        [ -d "$HOME/.config/fish" ] || continue
        mkdir -p "$(dirname "$profile")"
        line="fish_add_path \"$INSTALL_DIR\" $PATH_MARKER"
        ;;
      *.zshrc) [ -f "$profile" ] || [ "$(basename "${SHELL:-}")" = zsh ] || continue
        line="export PATH=\"$INSTALL_DIR:\$PATH\" $PATH_MARKER" ;;
      *) [ -f "$profile" ] || [ "$(basename "${SHELL:-bash}")" = bash ] || continue
        line="export PATH=\"$INSTALL_DIR:\$PATH\" $PATH_MARKER" ;;
    esac
    if [ -f "$profile" ] && grep -qF "$PATH_MARKER" "$profile"; then continue; fi
    if [ -s "$profile" ] && [ -n "$(tail -c 1 "$profile")" ]; then printf '\n' >>"$profile"; fi
    printf '%s\n' "$line" >>"$profile" || die "cannot write \"$profile\"; add $INSTALL_DIR to PATH yourself"
    say "added $INSTALL_DIR to PATH in $profile"
  done < <(profiles)
}

remove_from_path() {
  local profile
  while IFS= read -r profile; do
    if [ ! -f "$profile" ] || ! grep -qF "$PATH_MARKER" "$profile"; then continue; fi
    local tmp
    tmp="$(mktemp)"
    grep -vF "$PATH_MARKER" "$profile" >"$tmp" || true
    cat "$tmp" >"$profile"
    rm -f "$tmp"
    say "removed the PATH line from $profile"
  done < <(profiles)
}

if [ "$UNINSTALL" = 1 ]; then
  rm -f "$INSTALL_DIR/korva"
  say "removed $INSTALL_DIR/korva"
  remove_from_path
  if [ "$PURGE" = 1 ]; then
    data="${KORVA_HOME:-$HOME/.korva}"
    if confirm "Delete $data (your vault, settings and backups) for good?"; then
      rm -rf "$data"
      say "deleted $data"
    else
      say "kept $data (purge not confirmed)"
    fi
  else
    say "your vault in ${KORVA_HOME:-$HOME/.korva} was kept (add --purge to delete it)"
  fi
  exit 0
fi

platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os="unknown-linux-gnu" ;;
    Darwin) os="apple-darwin" ;;
    MINGW* | MSYS* | CYGWIN*) die "Windows is supported through WSL; run this installer inside WSL" ;;
    *) die "unsupported operating system \"$(uname -s)\" (Linux and macOS are supported)" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch="x86_64" ;;
    aarch64 | arm64) arch="aarch64" ;;
    *) die "unsupported architecture \"$(uname -m)\" (x86_64 and arm64 are supported)" ;;
  esac
  printf '%s-%s' "$arch" "$os"
}

prepare_dir() {
  mkdir -p "$INSTALL_DIR" 2>/dev/null || die "cannot create \"$INSTALL_DIR\"; set KORVA_INSTALL_DIR to a writable folder"
  [ -w "$INSTALL_DIR" ] || die "\"$INSTALL_DIR\" is not writable; set KORVA_INSTALL_DIR to a writable folder"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

install_release() {
  local target base tmp expected actual
  target="$(platform)"
  if [ "$VERSION" = latest ]; then base="https://github.com/$REPO/releases/latest/download"
  else base="https://github.com/$REPO/releases/download/v$VERSION"; fi
  command -v curl >/dev/null 2>&1 || { say "curl is not installed"; return 1; }
  tmp="$(mktemp -d)"
  if ! curl -fsSL --connect-timeout 10 -o "$tmp/korva" "$base/korva-$target" 2>/dev/null ||
    ! curl -fsSL --connect-timeout 10 -o "$tmp/korva.sha256" "$base/korva-$target.sha256" 2>/dev/null; then
    rm -rf "$tmp"
    say "could not download korva $VERSION for $target from GitHub releases (no network, or no such release)"
    return 1
  fi
  expected="$(cut -d' ' -f1 <"$tmp/korva.sha256")"
  actual="$(sha256 "$tmp/korva")"
  if [ "$expected" != "$actual" ]; then
    rm -rf "$tmp"
    die "checksum mismatch for korva-$target (expected $expected, got $actual); nothing was installed"
  fi
  prepare_dir
  install -m 0755 "$tmp/korva" "$INSTALL_DIR/korva"
  rm -rf "$tmp"
  say "installed korva $VERSION ($target) to $INSTALL_DIR/korva (checksum verified)"
}

ensure_deno() {
  if command -v deno >/dev/null 2>&1; then return 0; fi
  say "deno not found; installing Deno $DENO_VERSION"
  if command -v npm >/dev/null 2>&1; then
    npm install -g "deno@$DENO_VERSION" >/dev/null 2>&1 ||
      npm install -g --prefix "$HOME/.npm-global" "deno@$DENO_VERSION" >/dev/null 2>&1 ||
      die "npm could not install deno; install Deno 2.9 yourself and run this again"
    export PATH="$HOME/.npm-global/bin:$PATH"
  elif command -v curl >/dev/null 2>&1; then
    curl -fsSL https://deno.land/install.sh | sh -s -- -y "v$DENO_VERSION" >/dev/null ||
      die "could not install Deno (no network?); install Deno 2.9 yourself and run this again"
    export PATH="$HOME/.deno/bin:$PATH"
  else
    die "neither npm nor curl is available to install Deno; install Deno 2.9 and run this again"
  fi
  command -v deno >/dev/null 2>&1 || die "Deno was installed but is not on PATH"
}

install_from_source() {
  [ -n "$SOURCE_DIR" ] || die "--from-source must be run from a korva checkout (./install.sh --from-source)"
  ensure_deno
  prepare_dir
  local deno_bin
  deno_bin="$(command -v deno)"
  say "building korva from $SOURCE_DIR"
  if (cd "$SOURCE_DIR" && deno task compile >/dev/null 2>&1) && [ -x "$SOURCE_DIR/dist/korva" ]; then
    install -m 0755 "$SOURCE_DIR/dist/korva" "$INSTALL_DIR/korva"
    say "installed the korva executable to $INSTALL_DIR/korva"
    return 0
  fi
  # deno compile downloads its runtime (denort); offline, install a launcher that runs the
  # checked-out sources with the locked dependencies instead.
  (cd "$SOURCE_DIR" && deno install --frozen --quiet >/dev/null 2>&1) || true
  cat >"$INSTALL_DIR/korva.tmp" <<LAUNCHER
#!/bin/sh
# korva launcher written by install.sh: runs the checkout at $SOURCE_DIR with Deno.
# (Not the single executable: \`deno compile\` could not download its runtime when this was installed.)
KORVA_BIN="$INSTALL_DIR/korva"
export KORVA_BIN
exec "$deno_bin" run -A --quiet --frozen --config "$SOURCE_DIR/deno.json" "$SOURCE_DIR/main.ts" "\$@"
LAUNCHER
  chmod 0755 "$INSTALL_DIR/korva.tmp"
  mv -f "$INSTALL_DIR/korva.tmp" "$INSTALL_DIR/korva"
  say "deno compile could not download its runtime, so this is NOT the single executable:"
  say "installed a launcher at $INSTALL_DIR/korva that runs $SOURCE_DIR/main.ts with $deno_bin"
}

if [ "$FROM_SOURCE" = 1 ]; then
  install_from_source
elif ! install_release; then
  if [ -n "$SOURCE_DIR" ]; then
    say "falling back to building from this checkout"
    install_from_source
  else
    die "no release could be downloaded; check your network, or clone the repository and run ./install.sh --from-source"
  fi
fi

add_to_path
"$INSTALL_DIR/korva" --version >/dev/null 2>&1 || die "the installed korva does not run; see the messages above"
say ""
say "korva $("$INSTALL_DIR/korva" --version) is ready. Next:"
say "  korva init            # create ~/.korva, the vault and the config"
say "  korva setup --all     # connect Claude Code, Cursor, VS Code, Codex, Gemini CLI, ..."
say "  korva hooks install   # in each clone: the pre-commit sentinel and team sync (init/setup"
say "                        # do it for you in a repository that has .korva/)"
say "  korva vault start     # optional: the local HTTP API on 127.0.0.1:7437"
case ":${PATH}:" in *":${INSTALL_DIR}:"*) ;; *) say "(open a new shell, or run: export PATH=\"$INSTALL_DIR:\$PATH\")" ;; esac
