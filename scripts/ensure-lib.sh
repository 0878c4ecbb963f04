# Shared by the scripts/ensure-* installers (sourced, not run). Each installer says what it is doing
# on standard error and, when it fails, why.

ensure_name="$(basename "$0")"

say() { echo "$ensure_name: $*" >&2; }
fail() { say "$*"; exit 1; }

# A command that fails under `set -e` names itself instead of ending the script silently.
trap 'rc=$?; say "failed (exit $rc) running: $BASH_COMMAND"; exit $rc' ERR

# The installed version of a Debian package, or nothing when it is absent (never fails).
deb_version() {
  local status
  status="$(dpkg-query -W -f='${Status} ${Version}' "$1" 2>/dev/null || true)"
  case "$status" in
    "install ok installed "*) echo "${status#install ok installed }" ;;
  esac
}

# Runs a command as root: directly when root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "installing needs root, and sudo is not available; run as root: $*"
  fi
}

export DEBIAN_FRONTEND=noninteractive
