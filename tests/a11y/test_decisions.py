#!/usr/bin/python3
# test_decisions.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the Decisions page of the real window through the accessibility
# tree, by its Swedish names: a new decision is registered, corrected (the
# correction supersedes it) and escalated, and after each step the register
# file is read with sqlite3 to see that the store did it. Screenshots of
# each step are saved in the build directory. Run under tests/run-under-atspi
# with LANGUAGE=sv.
#
# usage: test_decisions.py SAMORDNA-BINARY DEMO-REGISTER.xml

import os
import sqlite3
import subprocess
import sys
import tempfile
import time

# dogtail rewrites sys.argv when imported: read ours first.
BINARY, DEMO = sys.argv[1], sys.argv[2]

import pyatspi  # noqa: E402
from samordna_a11y import check, find_app, finish, screenshot, tree, walk  # noqa: E402

TITLE = 'Gemensam rutin för överflyttning av intensivvårdspatienter'
CORRECTED = 'Gemensam regional rutin för överflyttning av intensivvårdspatienter'
REASON = 'Resursfrågor om vårdplatser ligger på linjeorganisationen.'


def is_visible(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_VISIBLE) and states.contains(pyatspi.STATE_SENSITIVE)


def find(root, name, roles, showing=False):
    for node in walk(root):
        try:
            if node.roleName in roles and (node.name == name or node.name.endswith(' ' + name)):
                if showing and not is_visible(node):
                    continue
                return node
        except Exception:
            continue
    return None


def wait_for(fn, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.3)
    return fn()


def click(app, name):
    button = wait_for(lambda: find(app, name, {'push button'}, showing=True))
    if button is None:
        return False
    button.doActionNamed('click')
    time.sleep(0.8)
    return True


def set_text(app, name, text):
    entry = wait_for(lambda: find(app, name, {'text', 'entry'}, showing=True))
    if entry is None:
        return False
    entry.text = text
    time.sleep(0.3)
    return True


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def main():
    workdir = tempfile.mkdtemp(prefix='samordna-a11y-decisions-')
    db = os.path.join(workdir, 'register.db')
    subprocess.run([BINARY, '--database', db, '--import-xml', DEMO], check=True, stdout=subprocess.DEVNULL)
    proc = subprocess.Popen([BINARY, '--database', db])
    try:
        app = find_app()
        check('the application is found by its name “samordna”', app is not None)
        if app is None:
            return
        time.sleep(2)

        tab = wait_for(lambda: find(app, 'Beslut', {'page tab'}))
        check('the page switcher has a button “Beslut”', tab is not None)
        tab.doActionNamed('click')
        time.sleep(1)
        check('the register table is named “Beslut”', find(app, 'Sök beslut', {'entry', 'text'}) is not None)

        check('“Nytt beslut” starts a draft', click(app, 'Nytt beslut'))
        check('the title is typed into “Rubrik”', set_text(app, 'Rubrik', TITLE))
        set_text(app, 'Beslutstext', 'Sjukhusen följer en gemensam rutin vid överflyttning.')
        screenshot('a11y-decisions-draft-sv.png')
        check('“Registrera” registers the draft', click(app, 'Registrera'))
        rows = wait_for(lambda: query(db, 'SELECT id, year, serial, status FROM decision WHERE title = ?', TITLE))
        check('the register holds the decision with a number', bool(rows) and rows[0][2] is not None and rows[0][3] == 'decided',
              repr(rows))
        old_id = rows[0][0] if rows else None
        screenshot('a11y-decisions-registered-sv.png')

        check('“Rätta…” starts a correction', click(app, 'Rätta…'))
        check('the corrected title is typed', set_text(app, 'Rubrik', CORRECTED))
        check('“Registrera rättelse” registers it', click(app, 'Registrera rättelse'))
        new = wait_for(lambda: query(db, 'SELECT id, supersedes_id, serial FROM decision WHERE title = ?', CORRECTED))
        old = query(db, 'SELECT status FROM decision WHERE id = ?', old_id)
        check('the correction supersedes the first decision', bool(new) and new[0][1] == old_id, repr(new))
        check('the first decision is marked superseded', old == [('superseded',)], repr(old))
        check('the correction got the next number', bool(new) and bool(rows) and new[0][2] == rows[0][2] + 1, repr(new))
        check('the correction shows the link back', wait_for(lambda: find(app, 'Ersätter', {'push button'}) is not None or
                                                             any(n.roleName == 'push button' and n.name.startswith('Ersätter')
                                                                 for n in walk(app))))
        screenshot('a11y-decisions-corrected-sv.png')

        check('“Eskalera…” opens the escalation dialog', click(app, 'Eskalera…'))
        dialog_entry = wait_for(lambda: find(tree.root, 'Varför ingen här får fatta beslutet', {'text', 'entry'}))
        check('the dialog asks why no one here may decide it', dialog_entry is not None)
        if dialog_entry is not None:
            dialog_entry.text = REASON
        screenshot('a11y-decisions-escalate-sv.png')
        button = wait_for(lambda: next((n for n in walk(tree.root.application('samordna'))
                                        if n.roleName == 'push button' and n.name in ('_Eskalera Eskalera', 'Eskalera')), None))
        if button is not None:
            button.doActionNamed('click')
        time.sleep(1)
        esc = wait_for(lambda: query(db, 'SELECT e.reason, e.answered, d.status FROM escalation e '
                                         'JOIN decision d ON d.id = e.decision_id WHERE d.title = ?', CORRECTED))
        check('the escalation is in the register, open, with its reason',
              esc == [(REASON, None, 'escalated')], repr(esc))
        screenshot('a11y-decisions-escalated-sv.png')
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
    sys.exit(finish())
