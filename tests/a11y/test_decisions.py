#!/usr/bin/python3
# test_decisions.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the Decisions page of the real window through the accessibility
# tree, by its Swedish names: a new decision made under “Alla grupper” is
# refused until a group is chosen on the form (by keyboard), then
# registered, corrected (the correction supersedes it) and escalated, and
# after each step the register file is read with sqlite3 to see that the
# store did it. Screenshots of
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
from dogtail import rawinput  # noqa: E402
from samordna_a11y import check, children, find_app, finish, screenshot, text_of, wait_until, walk  # noqa: E402

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


def find_in_dialogs(app, name, roles):
    """A node in the application's windows other than the main one."""
    for window in children(app)[1:]:
        node = find(window, name, roles)
        if node is not None:
            return node
    return None


def click(root, name):
    button = wait_until(lambda: find(root, name, {'push button'}, showing=True), what=f'a button “{name}”')
    if button is None:
        return False
    button.doActionNamed('click')
    return True


def set_text(root, name, text):
    entry = wait_until(lambda: find(root, name, {'text', 'entry'}, showing=True), what=f'a field “{name}”')
    if entry is None:
        return False
    entry.text = text
    return wait_until(lambda: text_of(entry) == text, what=f'“{name}” to hold what was typed')


def heading(root, text):
    """Waits for the editor's heading to say text: the form shows what the
    last click started."""
    return wait_until(lambda: find(root, text, {'label', 'heading'}), what=f'the heading “{text}”')


def poll(predicate, timeout=1.0):
    """Asks predicate() until it is true or timeout seconds have passed,
    failing no check: for a condition that may rightly never come."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.05)
    return None


def focused_node(root):
    for node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def labels_in(node):
    return [n.name for n in walk(node) if n.roleName == 'label'] if node is not None else []


def editor_group_focused(root):
    """Whether the focus is on the editor's “Grupp” (the register's filter
    has a “Grupp” too, which offers “Alla grupper”)."""
    node = focused_node(root)
    return (node is not None and node.roleName == 'combo box' and node.name == 'Grupp'
            and 'Alla grupper' not in labels_in(node))


def choose_group_by_keyboard(root, code):
    """Moves the focus back from the title to the editor's “Grupp”, opens
    its list and goes down it to the group with the short code code."""
    for _ in range(8):
        rawinput.keyCombo('<Shift>Tab')
        if poll(lambda: editor_group_focused(root)):
            break
    if not check('Shift+Tab from the title reaches the draft’s “Grupp”', editor_group_focused(root)):
        return False
    rawinput.pressKey('space')
    for _ in range(80):
        rawinput.pressKey('Down')
        if poll(lambda: any(label.startswith(code + ' — ') for label in labels_in(focused_node(root)))):
            rawinput.pressKey('Return')
            return True
    return check(f'Down reaches {code} in the list of groups', False)


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

        tab = wait_until(lambda: find(app, 'Beslut', {'page tab'}), what='the page switcher’s “Beslut”')
        check('the page switcher has a button “Beslut”', tab is not None)
        tab.doActionNamed('click')
        # What is looked for next is on the page (or in a dialog).
        page = find(app, 'SamDecisionsPage', {'filler', 'panel'}) or app
        check('the register table is named “Beslut”',
              wait_until(lambda: find(page, 'Sök beslut', {'entry', 'text'}), what='the search “Sök beslut”') is not None)

        # Under “Alla grupper” no group is picked for the user: the form
        # asks, and registers nothing until one is chosen.
        total = query(db, 'SELECT count (*) FROM decision')
        check('“Nytt beslut” starts a draft', click(page, 'Nytt beslut'))
        heading(page, 'Nytt utkast')
        check('the draft belongs to no group yet', wait_until(
            lambda: any(n.roleName == 'combo box' and n.name == 'Grupp' and 'Ingen grupp vald' in labels_in(n)
                        for n in walk(page)), what='“Grupp” to say “Ingen grupp vald”'))
        check('the title is typed into “Rubrik”', set_text(page, 'Rubrik', TITLE))
        set_text(page, 'Beslutstext', 'Sjukhusen följer en gemensam rutin vid överflyttning.')
        screenshot('a11y-decisions-draft-sv.png')
        click(page, 'Registrera')
        asked = wait_until(lambda: find(page, 'Välj gruppen som beslutet hör till', {'label'}, showing=True),
                           what='the form to ask for the group')
        check('“Registrera” without a group asks for one on the form', asked is not None)
        after = query(db, 'SELECT count (*) FROM decision')
        check('and nothing is stored', after == total, f'{total} → {after}')

        choose_group_by_keyboard(page, 'AOI')
        chosen = wait_until(lambda: any(n.roleName == 'combo box' and n.name == 'Grupp' and
                                        any(label.startswith('AOI — ') for label in labels_in(n)) for n in walk(page)),
                            what='“Grupp” to show AOI')
        check('AOI is chosen in “Grupp” by keyboard', chosen)
        check('“Registrera” registers the draft', click(page, 'Registrera'))
        rows = wait_until(lambda: query(db, 'SELECT id, year, serial, status FROM decision WHERE title = ?', TITLE),
                          what='the decision in the register')
        check('the register holds the decision with a number', bool(rows) and rows[0][2] is not None and rows[0][3] == 'decided',
              repr(rows))
        group = query(db, 'SELECT g.code FROM decision d JOIN grp g ON g.id = d.group_id WHERE d.title = ?', TITLE)
        check('the decision is filed under the group chosen', group == [('AOI',)], repr(group))
        old_id = rows[0][0] if rows else None
        screenshot('a11y-decisions-registered-sv.png')

        check('“Rätta…” starts a correction', click(page, 'Rätta…'))
        heading(page, 'Rättelse (utkast)')
        check('the corrected title is typed', set_text(page, 'Rubrik', CORRECTED))
        check('“Registrera rättelse” registers it', click(page, 'Registrera rättelse'))
        new = wait_until(lambda: query(db, 'SELECT id, supersedes_id, serial FROM decision WHERE title = ?', CORRECTED),
                         what='the correction in the register')
        old = query(db, 'SELECT status FROM decision WHERE id = ?', old_id)
        check('the correction supersedes the first decision', bool(new) and new[0][1] == old_id, repr(new))
        check('the first decision is marked superseded', old == [('superseded',)], repr(old))
        check('the correction got the next number', bool(new) and bool(rows) and new[0][2] == rows[0][2] + 1, repr(new))
        check('the correction shows the link back',
              wait_until(lambda: find(page, 'Ersätter', {'push button'}) is not None or
                         any(n.roleName == 'push button' and n.name.startswith('Ersätter') for n in walk(page)),
                         what='the link back'))
        screenshot('a11y-decisions-corrected-sv.png')

        check('“Eskalera…” opens the escalation dialog', click(page, 'Eskalera…'))
        dialog_entry = wait_until(lambda: find_in_dialogs(app, 'Varför ingen här får fatta beslutet', {'text', 'entry'}),
                                  what='the escalation dialog')
        check('the dialog asks why no one here may decide it', dialog_entry is not None)
        if dialog_entry is not None:
            dialog_entry.text = REASON
            wait_until(lambda: text_of(dialog_entry) == REASON, what='the reason to be typed')
        screenshot('a11y-decisions-escalate-sv.png')
        button = wait_until(lambda: next((n for window in children(app)[1:] for n in walk(window)
                                          if n.roleName == 'push button' and n.name in ('_Eskalera Eskalera', 'Eskalera')),
                                         None), what='the button “Eskalera”')
        if button is not None:
            button.doActionNamed('click')
        esc = wait_until(lambda: query(db, 'SELECT e.reason, e.answered, d.status FROM escalation e '
                                           'JOIN decision d ON d.id = e.decision_id WHERE d.title = ?', CORRECTED),
                         what='the escalation in the register')
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
