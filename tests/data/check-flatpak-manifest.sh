#!/bin/sh
# The manifest parses without warnings and keeps the sandbox closed.
set -eu
manifest=$1
out=$(flatpak-builder --show-manifest "$manifest" 2>&1) || { echo "$out"; exit 1; }
if echo "$out" | grep -qi 'warning'; then
  echo "$out" | grep -i warning; exit 1
fi
if grep -qE -- '--filesystem=host|--share=network' "$manifest"; then
  echo "the manifest opens the host file system or the network"; exit 1
fi
echo "$out" | grep -q '"runtime" *: *"org.gnome.Platform"'
