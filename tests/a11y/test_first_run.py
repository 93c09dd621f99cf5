#!/usr/bin/python3
# test_first_run.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A new coordinator starts a register from nothing, through the
# accessibility tree by the Swedish names: the empty register's page
# offers “Ny grupp…”, which makes the region's top group; then Ctrl+N on
# the Organisation page makes the first council under it, and a search
# for what is in no group says so. The register file is read with sqlite3
# after each step. Run under tests/run-under-atspi with LANGUAGE=sv.
#
# usage: test_first_run.py SAMORDNA-BINARY

import os
import sqlite3
import subprocess
import sys
import tempfile

# dogtail rewrites sys.argv when imported: read ours first.
BINARY = sys.argv[1]

import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402
from samordna_a11y import check, children, find_app, finish, screenshot, text_of, wait_until, walk  # noqa: E402

TOP = 'Ledningsgrupp hälso- och sjukvård'
COUNCIL = 'Samordningsråd anestesi, operation, intensivvård'


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def is_showing(node):
    return node.getState().contains(pyatspi.STATE_VISIBLE)


def find(root, name, roles):
    for node in walk(root):
        try:
            # GTK 4.8 names a button with a mnemonic “_Label Label”.
            if (node.roleName in roles and (node.name == name or node.name.endswith(' ' + name))
                    and is_showing(node)):
                return node
        except Exception:
            continue
    return None


def dialog(app):
    """The New Group dialog: a window of the application other than the
    main one, with a “Skapa” button."""
    for window in children(app)[1:]:
        if find(window, 'Skapa', {'push button'}) is not None:
            return window
    return None


def fill(window, name, text):
    entry = wait_until(lambda: find(window, name, {'text', 'entry'}), what=f'a field “{name}”')
    if entry is None:
        return False
    entry.text = text
    return wait_until(lambda: text_of(entry) == text, what=f'“{name}” to hold what was typed')


def create(app, name, code):
    window = wait_until(lambda: dialog(app), what='the dialog “Ny grupp”')
    check('New Group opens its dialog', window is not None)
    if window is None:
        return False
    check(f'the name “{name}” is typed', fill(window, 'Namn', name))
    check(f'the short code “{code}” is typed', fill(window, 'Kortkod', code))
    find(window, 'Skapa', {'push button'}).doActionNamed('click')
    return wait_until(lambda: dialog(app) is None, what='the dialog to close') is not None


def main():
    workdir = tempfile.mkdtemp(prefix='samordna-a11y-first-run-')
    db = os.path.join(workdir, 'register.samordna')
    proc = subprocess.Popen([BINARY, '--database', db])
    try:
        app = find_app()
        check('the application is found by its name “samordna”', app is not None)
        if app is None:
            return

        check('the empty register says so',
              wait_until(lambda: find(app, 'Registret är tomt', {'label', 'heading'}),
                         what='the heading “Registret är tomt”') is not None)
        new = wait_until(lambda: find(app, 'Ny grupp…', {'push button'}), what='a button “Ny grupp…”')
        check('the empty register offers “Ny grupp…”', new is not None)
        check('no page switcher is shown for pages with nothing in them',
              not [n for n in walk(app) if n.name == 'Möten' and n.getState().contains(pyatspi.STATE_SHOWING)])
        screenshot('a11y-first-run-empty-sv.png')
        if new is None:
            return
        new.doActionNamed('click')

        check('the region’s top group is created', create(app, TOP, 'LGHS'))
        rows = wait_until(lambda: query(db, 'SELECT name, code, kind, parent_id FROM grp'),
                          what='the top group in the register file')
        check('the register file holds the top group, a management group at the top',
              rows == [(TOP, 'LGHS', 'management_group', None)], repr(rows))
        check('the Organisation page shows the top group',
              wait_until(lambda: find(app, 'Organisation', {'page tab', 'toggle button', 'radio button'}),
                         what='the page switcher') is not None)
        screenshot('a11y-first-run-top-sv.png')

        # Ctrl+N straight away: the focus is on the Organisation page,
        # which has the new top group chosen; the first council goes
        # under it.
        check('the tree shows the top group',
              wait_until(lambda: find(app, TOP, {'label'}), what=f'the tree’s row “{TOP}”') is not None)
        rawinput.keyCombo('<Control>n')
        check('Ctrl+N makes the first council', create(app, COUNCIL, 'AOI'))
        rows = wait_until(lambda: query(db, 'SELECT c.code, c.kind, t.code FROM grp c '
                                            'JOIN grp t ON t.id = c.parent_id'),
                          what='the council in the register file')
        check('the register file holds the council under the top group',
              rows == [('AOI', 'council', 'LGHS')], repr(rows))
        check('the register file holds two groups', query(db, 'SELECT count (*) FROM grp') == [(2,)])
        screenshot('a11y-first-run-council-sv.png')
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
    sys.exit(finish())
