#!/bin/sh
# Regenerates the message template from po/POTFILES and fails unless
# po/sv.po translates every message (none untranslated, none fuzzy) and
# POTFILES lists every file that has translatable strings.
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

for f in $( (grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_)\(|ngettext *\(' src --include='*.c'; \
            grep -rl 'translatable="yes"' src --include='*.ui') | sort); do
  grep -qx "$f" po/POTFILES || { echo "po/POTFILES does not list $f"; status=1; }
done
while read -r f; do
  [ -z "$f" ] || [ -f "$f" ] || { echo "po/POTFILES lists a missing file: $f"; status=1; }
done < po/POTFILES

xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --files-from=po/POTFILES --package-name=samordna --output="$tmp/samordna.pot"
msgmerge --quiet --no-fuzzy-matching po/sv.po "$tmp/samordna.pot" --output-file="$tmp/sv.po"

untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/sv.po")
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/sv.po")
if [ -n "$untranslated" ]; then
  echo "po/sv.po lacks these translations:"; echo "$untranslated"; status=1
fi
if [ -n "$fuzzy" ]; then
  echo "po/sv.po has fuzzy translations:"; echo "$fuzzy"; status=1
fi
msgfmt --check --statistics --output-file=/dev/null "$tmp/sv.po" || status=1
exit $status
