#!/usr/bin/env sh
# Trunk post_build hook: takes the `integrity` attribute off the wasm's
# `<link rel="preload" as="fetch">`. Chromium ignores integrity on preloads
# of that kind and logs a warning for it on every page view ("The
# `integrity` attribute is currently ignored for preload destinations that
# do not support subresource integrity"), which a host's error monitoring
# sees. The script's `<link rel="modulepreload">` keeps its integrity: that
# one the browser checks.
set -eu
page="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}/index.html"
sed -i -E 's#(<link rel="preload" href="[^"]*\.wasm"[^>]*) integrity="[^"]*"#\1#' "$page"
if grep -Eq '<link rel="preload" href="[^"]*\.wasm"[^>]* integrity=' "$page"; then
  echo "wasm-preload-without-integrity: the wasm preload still carries integrity in $page" >&2
  exit 1
fi
