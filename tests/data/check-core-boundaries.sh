#!/bin/sh
# src/core is built without GTK, and only the store talks to SQLite.
# Toasts go through sam_gui_show_toast(), which lets the newest replace
# the one before instead of queueing behind it.
set -eu
cd "$1"
status=0
if grep -rnE '#include <(gtk|adwaita)|\b(gtk|adw)_[a-z_]+ *\(' src/core; then
  echo "src/core must not use GTK or libadwaita"; status=1
fi
if grep -rnE '\bsqlite3_(prepare|exec|step|open)' src --include='*.c' | grep -v '^src/core/[a-z]*/sam-store[^/]*\.c:'; then
  echo "only src/core/*/sam-store*.c may run SQL"; status=1
fi
if grep -rnE '\badw_toast_overlay_add_toast *\(' src --include='*.c' | grep -v '^src/gui/common/sam-gui-message\.c:'; then
  echo "show toasts with sam_gui_show_toast() or sam_gui_add_toast()"; status=1
fi
exit $status
