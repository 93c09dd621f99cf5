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

# dogtail rewrites sys.argv when imported: read ours first.
BINARY, DEMO_XML = sys.argv[1], sys.argv[2]

import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402
from samordna_a11y import (check, children, find_app, finish, screenshot, text_of,  # noqa: E402
                           unnamed_controls, wait_until, walk)


def find_now(root, name=None, roles=None, pattern=None):
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
    return None


def find(root, name=None, roles=None, pattern=None, timeout=10):
    """Waits for a node with name, of one of roles, whose name matches
    pattern, to be there under root."""
    return wait_until(lambda: find_now(root, name, roles, pattern), timeout,
                      f'a node {name or pattern!r} of {sorted(roles or [])}')


def find_button(root, label, timeout=10):
    """GTK 4.8 names a button with a mnemonic “_Spara Spara”: match either."""
    return find(root, roles={'push button', 'toggle button'},
                pattern=r'(^|\s)' + re.escape(label) + '$', timeout=timeout)


def window_named(app, title):
    """Windows are the application's own children: no need to walk the tree."""
    return next((node for node in children(app) if node.name == title), None)


def find_window(app, title, timeout=15):
    return wait_until(lambda: window_named(app, title), timeout, f'the window “{title}”')


def is_selected(node):
    states = node.getState()
    return any(states.contains(s) for s in (pyatspi.STATE_SELECTED, pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED))


def set_text(node, text):
    """Through the EditableText interface where the toolkit has it, else by
    focusing the field and typing, as a user would."""
    try:
        node.queryEditableText().setTextContents(text)
        if text_of(node) == text:
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
    rawinput.typeText(text)
    return focused and bool(wait_until(lambda: text in text_of(node), what=f'{node.name!r} to hold what was typed'))


def click(node):
    node.doActionNamed('click')


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

        tab = find(app, name='Möten', roles={'page tab', 'toggle button', 'radio button'})
        if not check('the page switcher has a tab “Möten”', tab is not None):
            return
        click(tab)
        check('“Möten” is selected', wait_until(lambda: is_selected(tab), what='“Möten” to be selected'))
        # What is looked for next is on the page (or in a dialog); the lint
        # at the end covers the page too (the whole window if it is not
        # found).
        page = find_now(app, name='SamMeetingsPage', roles={'filler', 'panel'}) or app
        check('the page is headed “Mötesåret”', find(page, name='Mötesåret', roles={'label', 'heading'}) is not None)
        day = find(page, roles={'push button'}, pattern=r'^\w+ \d+ \w+ \d{4}, vecka \d+, \d+ möten?$')
        check('days with meetings are buttons named like “tisdag 10 februari 2026, vecka 7, 1 möte”',
              day is not None)
        holiday = find(page, roles={'label'}, pattern=r'^\w+ \d+ \w+ \d{4}, vecka \d+, [^,]+, 0 möten$')
        check('holidays are named like “torsdag 1 januari 2026, vecka 1, nyårsdagen, 0 möten”',
              holiday is not None)
        screenshot('screenshot-a11y-meetings-year-sv.png')

        # Plan the year: the dialog proposes the first council's next free year.
        plan = find_button(page, 'Planera året…')
        if not check('the page has a button “Planera året…”', plan is not None):
            return
        click(plan)
        dialog = find_window(app, 'Planera året')
        if not check('“Planera året” opens', dialog is not None):
            return
        wait_until(lambda: len([n for n in walk(dialog) if n.roleName == 'check box']) >= 4, what='the proposal')
        proposals = [n for n in walk(dialog) if n.roleName == 'check box']
        check('the proposal lists meetings to tick', len(proposals) >= 4, f'{len(proposals)} proposed')
        screenshot('screenshot-a11y-meetings-plan-sv.png')
        accept = find_button(dialog, 'Lägg till valda')
        if not check('the dialog has “Lägg till valda”', accept is not None):
            return
        click(accept)
        # The dialog closes once it has saved every meeting.
        wait_until(lambda: window_named(app, 'Planera året') is None, what='“Planera året” to close')

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
        day = find(page, roles={'push button'}, pattern=rf'^\w+ \d+ \w+ {year}, vecka \d+, 1 möte$')
        if not check(f'a planned day of {year} is reachable as a button', day is not None):
            return
        click(day)
        title = rows[0][1] if rows else ''
        check('the meeting is shown beside the calendar',
              find(page, roles={'label', 'heading'}, pattern=re.escape(title) + ' – möte ') is not None)

        # An agenda item.
        add = find_button(page, 'Lägg till punkt…')
        if not check('the meeting has “Lägg till punkt…”', add is not None):
            return
        click(add)
        editor = find_window(app, 'Ny dagordningspunkt')
        if not check('“Ny dagordningspunkt” opens', editor is not None):
            return
        fields = [n for n in walk(editor) if n.roleName in ('text', 'entry')]
        check('the item has fields for its title and presenter', len(fields) >= 2, f'{len(fields)} fields')
        item_title = 'Regional rutin for overflyttning'
        # The title has the focus when the editor opens; Tab leads on. The
        # keys go through the X server, after the requests that mapped and
        # focused the editor (sent before it showed on the bus; GTK 4.8
        # tells AT-SPI of neither): wait for what they typed.
        title_field = find_now(editor, name='Rubrik', roles={'text', 'entry'})
        presenter = find_now(editor, name='Föredragande', roles={'text', 'entry'})
        rawinput.typeText(item_title)
        rawinput.pressKey('Tab')
        rawinput.typeText('Ordforande')
        wait_until(lambda: text_of(title_field) == item_title, what='the title to be typed')
        wait_until(lambda: text_of(presenter) == 'Ordforande', what='the presenter to be typed')
        notes = find_now(editor, name='Anteckningar', roles={'text'})
        if notes is not None:
            set_text(notes, 'Radet stallde sig bakom rutinen.')
        screenshot('screenshot-a11y-meetings-item-sv.png')
        click(find_button(editor, 'Spara'))
        wait_until(lambda: query(db, 'SELECT 1 FROM agenda_item WHERE title = ?', item_title),
                   what='the agenda item in the register')
        items = query(db, 'SELECT title, presenter, notes FROM agenda_item WHERE title = ?', item_title)
        check('the agenda item is in the register', len(items) == 1, repr(items))
        check('with its presenter', bool(items) and items[0][1] == 'Ordforande', repr(items))
        check('the agenda shows it first', find(page, name=f'1. {item_title}', pattern=None, timeout=5) is not None)
        check('its remove button says which item it removes',
              find(page, name=f'Ta bort punkt 1, ”{item_title}”', roles={'push button'}, timeout=5) is not None)

        # The meeting's notes.
        text = find(page, name='Mötesanteckningar', roles={'text'})
        if check('the meeting has a notes field “Mötesanteckningar”', text is not None):
            set_text(text, 'Forsta motet enligt arsplanen.')
            click(find_button(page, 'Spara anteckningar'))
            wait_until(lambda: query(db, 'SELECT count(*) FROM meeting WHERE notes = ?', 'Forsta motet enligt arsplanen.')
                       == [(1,)], what='the notes in the register')
            saved = query(db, 'SELECT count(*) FROM meeting WHERE notes = ?', 'Forsta motet enligt arsplanen.')
            check('the notes are in the register', saved and saved[0][0] == 1, repr(saved))
        screenshot('screenshot-a11y-meetings-detail-sv.png')

        # The other pages have lints of their own: this one covers the
        # Meetings page (and the whole window if the page is not found).
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
