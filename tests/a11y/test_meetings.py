#!/usr/bin/python3
# test_meetings.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the Meetings page through the accessibility tree, by its Swedish
# names, as a screen reader user would: plans a council's next year and
# accepts the proposal, opens a planned meeting from the year view, adds an
# agenda item and notes; after each step the register file is read with
# sqlite3 to see that the change is there. Screenshots of the screen are
# written to the build directory. Run under tests/run-under-atspi with
# LANGUAGE=sv.
#
# usage: test_meetings.py SAMORDNA-BINARY DEMO-REGISTER.xml

import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

# dogtail rewrites sys.argv when imported: read ours first.
BINARY, DEMO_XML = sys.argv[1], sys.argv[2]

import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402
from samordna_a11y import check, find_app, finish, screenshot, unnamed_controls, walk  # noqa: E402


def find(root, name=None, roles=None, pattern=None, timeout=10):
    deadline = time.time() + timeout
    while True:
        for node in walk(root):
            try:
                if roles is not None and node.roleName not in roles:
                    continue
                if name is not None and node.name != name:
                    continue
                if pattern is not None and not re.search(pattern, node.name or ''):
                    continue
                return node
            except Exception:
                continue
        if time.time() >= deadline:
            return None
        time.sleep(0.5)


def find_button(root, label, timeout=10):
    """GTK 4.8 names a button with a mnemonic “_Spara Spara”: match either."""
    return find(root, roles={'push button', 'toggle button'},
                pattern=r'(^|\s)' + re.escape(label) + '$', timeout=timeout)


def find_window(app, title, timeout=15):
    """Windows are the application's own children: no need to walk the tree."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for node in app.children:
            try:
                if node.name == title:
                    return node
            except Exception:
                continue
        time.sleep(0.5)
    return None


def is_selected(node):
    states = node.getState()
    return any(states.contains(s) for s in (pyatspi.STATE_SELECTED, pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED))


def set_text(node, text):
    """Through the EditableText interface where the toolkit has it, else by
    focusing the field and typing, as a user would."""
    try:
        node.queryEditableText().setTextContents(text)
        if (node.text or '') == text:
            return True
    except Exception:
        pass
    focused = node.getState().contains(pyatspi.STATE_FOCUSED)
    if not focused:
        try:
            node.grabFocus()
            focused = True
        except Exception:
            pass
    if not focused:
        try:
            (x, y), (w, h) = node.position, node.size
            rawinput.click(x + w // 2, y + h // 2)
            focused = True
        except Exception as e:
            print(f'# could not focus {node.name!r}: {e}')
    time.sleep(0.3)
    rawinput.typeText(text)
    time.sleep(0.3)
    return focused


def click(node):
    node.doActionNamed('click')
    time.sleep(0.8)


def query(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def main():
    tmp = tempfile.mkdtemp(prefix='samordna-a11y-meetings-')
    db = os.path.join(tmp, 'register.sqlite')
    subprocess.run([BINARY, '--database', db, '--import-xml', DEMO_XML], check=True, stdout=subprocess.DEVNULL)
    planned_years = {r[0] for r in query(db, "SELECT DISTINCT substr(starts, 1, 4) FROM meeting")}

    proc = subprocess.Popen([BINARY, '--database', db], env=dict(os.environ))
    try:
        app = find_app()
        if not check('the application is found by its name “samordna”', app is not None):
            return
        time.sleep(2)

        tab = find(app, name='Möten', roles={'page tab', 'toggle button', 'radio button'})
        if not check('the page switcher has a tab “Möten”', tab is not None):
            return
        click(tab)
        check('“Möten” is selected', is_selected(tab))
        check('the page is headed “Mötesåret”', find(app, name='Mötesåret', roles={'label', 'heading'}) is not None)
        day = find(app, roles={'push button'}, pattern=r'^\w+ \d+ \w+ \d{4}, vecka \d+, \d+ möten?$')
        check('days with meetings are buttons named like “tisdag 10 februari 2026, vecka 7, 1 möte”',
              day is not None)
        screenshot('screenshot-a11y-meetings-year-sv.png')

        # Plan the year: the dialog proposes the first council's next free year.
        plan = find_button(app, 'Planera året…')
        if not check('the page has a button “Planera året…”', plan is not None):
            return
        click(plan)
        dialog = find_window(app, 'Planera året')
        if not check('“Planera året” opens', dialog is not None):
            return
        proposals = [n for n in walk(dialog) if n.roleName == 'check box']
        check('the proposal lists meetings to tick', len(proposals) >= 4, f'{len(proposals)} proposed')
        screenshot('screenshot-a11y-meetings-plan-sv.png')
        accept = find_button(dialog, 'Lägg till valda')
        if not check('the dialog has “Lägg till valda”', accept is not None):
            return
        click(accept)
        time.sleep(1)

        rows = query(db, """SELECT m.starts, g.name, c.min_meetings, c.max_meetings
                            FROM meeting m JOIN meeting_group mg ON mg.meeting_id = m.id
                            JOIN grp g ON g.id = mg.group_id LEFT JOIN commission c ON c.group_id = g.id
                            WHERE substr(m.starts, 1, 4) NOT IN (%s) ORDER BY m.starts"""
                     % ','.join('?' * len(planned_years)), *sorted(planned_years))
        check('the accepted proposal is in the register', len(rows) >= 4, f'{len(rows)} new meetings')
        if rows:
            lo, hi = rows[0][2], rows[0][3]
            check('as many as the commission asks for', lo is None or lo <= len(rows) <= hi, f'{len(rows)} not in {lo}–{hi}')
            bad = []
            for starts, *_ in rows:
                d = datetime.datetime.strptime(starts, '%Y-%m-%dT%H:%M:%SZ').date()
                if d.weekday() >= 5 or 27 <= d.isocalendar()[1] <= 32:
                    bad.append(starts)
            check('none on a weekend or in the summer weeks', not bad, ', '.join(bad))
            year = rows[0][0][:4]
        else:
            year = ''

        # Open a planned meeting from the year view.
        day = find(app, roles={'push button'}, pattern=rf'^\w+ \d+ \w+ {year}, vecka \d+, 1 möte$')
        if not check(f'a planned day of {year} is reachable as a button', day is not None):
            return
        click(day)
        title = rows[0][1] if rows else ''
        check('the meeting is shown beside the calendar',
              find(app, roles={'label', 'heading'}, pattern=re.escape(title) + ' – möte ') is not None)

        # An agenda item.
        add = find_button(app, 'Lägg till punkt…')
        if not check('the meeting has “Lägg till punkt…”', add is not None):
            return
        click(add)
        editor = find_window(app, 'Ny dagordningspunkt')
        if not check('“Ny dagordningspunkt” opens', editor is not None):
            return
        fields = [n for n in walk(editor) if n.roleName in ('text', 'entry')]
        check('the item has fields for its title and presenter', len(fields) >= 2, f'{len(fields)} fields')
        item_title = 'Regional rutin for overflyttning'
        # The title has the focus when the editor opens; Tab leads on.
        rawinput.typeText(item_title)
        rawinput.pressKey('Tab')
        time.sleep(0.3)
        rawinput.typeText('Ordforande')
        notes = find(editor, name='Anteckningar', roles={'text'}, timeout=2)
        if notes is not None:
            set_text(notes, 'Radet stallde sig bakom rutinen.')
        screenshot('screenshot-a11y-meetings-item-sv.png')
        click(find_button(editor, 'Spara'))
        time.sleep(0.5)
        items = query(db, 'SELECT title, presenter, notes FROM agenda_item WHERE title = ?', item_title)
        check('the agenda item is in the register', len(items) == 1, repr(items))
        check('with its presenter', bool(items) and items[0][1] == 'Ordforande', repr(items))
        check('the agenda shows it first', find(app, name=f'1. {item_title}', pattern=None, timeout=5) is not None)

        # The meeting's notes.
        text = find(app, name='Mötesanteckningar', roles={'text'})
        if check('the meeting has a notes field “Mötesanteckningar”', text is not None):
            set_text(text, 'Forsta motet enligt arsplanen.')
            click(find_button(app, 'Spara anteckningar'))
            time.sleep(0.5)
            saved = query(db, 'SELECT count(*) FROM meeting WHERE notes = ?', 'Forsta motet enligt arsplanen.')
            check('the notes are in the register', saved and saved[0][0] == 1, repr(saved))
        screenshot('screenshot-a11y-meetings-detail-sv.png')

        # The other pages have lints of their own: this one covers the
        # Meetings page (and the whole window if the page is not found).
        page = find(app, name='SamMeetingsPage', roles={'filler', 'panel'}, timeout=2) or app
        bad = unnamed_controls(page)
        check('every button, toggle and menu button on the page has a name', not bad, '; '.join(bad[:10]))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
    sys.exit(finish())
