#!/usr/bin/python3
# test_organisation.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The structure editor driven through the accessibility tree, as a user of
# a screen reader would, by the controls' Swedish names: create a council
# with a commission, add a chair and members from two organisations, make
# the contact person come from the chair's organisation and find the
# warning, create and move a subgroup, delete it and undo, then choose by
# keyboard the council a process team reports to. The register file is
# checked after each step; screenshots of the page are saved.
# Run under tests/run-under-atspi with LANGUAGE=sv.
#
# usage: test_organisation.py SCREENSHOT-DIR SAMORDNA-BINARY DEMO-REGISTER.xml

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

# dogtail rewrites sys.argv when imported: read ours first.
SHOT_DIR, BINARY, DEMO_XML = sys.argv[1:4]
WORK_DIR = tempfile.mkdtemp(prefix='test-organisation-')
REGISTER = os.path.join(WORK_DIR, 'register.sqlite')

import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402
from samordna_a11y import check, children, find_app, finish, screenshot, text_of, wait_until, walk  # noqa: E402


def plain(name):
    # GTK 4.8 names a button with a mnemonic “_Lägg till Lägg till” (the
    # label with its underline, then the text shown), and a check button
    # with a label of its own “Ordförande Ordförande”.
    name = name or ''
    words = name.split(' ')
    half = len(words) // 2
    if len(words) % 2 == 0 and ' '.join(words[:half]).replace('_', '') == ' '.join(words[half:]):
        return ' '.join(words[half:])
    return name


def find_now(root, name, roles):
    for node in walk(root):
        try:
            if node.roleName in roles and (node.name == name or plain(node.name) == name):
                return node
        except Exception:
            continue
    return None


def find(root, name, roles, timeout=5.0):
    """Waits for a node named name, of one of roles, to be under root."""
    return wait_until(lambda: find_now(root, name, roles), timeout, f'“{name}” ({", ".join(sorted(roles))})')


def find_containing(root, text, roles=('label',)):
    for node in walk(root):
        try:
            if node.roleName in roles and text in (node.name or ''):
                return node
        except Exception:
            continue
    return None


def found_list(root, text):
    """A list under root whose every row shows text: what a search found."""
    for node in walk(root):
        try:
            if node.roleName != 'list':
                continue
            rows = children(node)
            if rows and all(find_containing(row, text) is not None for row in rows):
                return node
        except Exception:
            continue
    return None


def click(root, name, roles=('push button',)):
    node = find(root, name, set(roles))
    if node is None:
        raise AssertionError(f'no {roles} named “{name}”')
    node.doActionNamed('click')


def type_into(root, name, text):
    node = find(root, name, {'text', 'entry'})
    if node is None:
        raise AssertionError(f'no entry named “{name}”')
    # A search entry keeps its editable text in a child.
    for candidate in walk(node):
        try:
            candidate.queryEditableText().setTextContents(text)
        except NotImplementedError:
            continue
        if not wait_until(lambda: text_of(candidate) == text, what=f'“{name}” to hold “{text}”'):
            raise AssertionError(f'“{text}” could not be typed into “{name}”')
        break


def window(app, title):
    """The application's window titled title, or None."""
    for w in children(app):
        try:
            if w.name == title and w.roleName in ('filler', 'dialog', 'frame', 'window'):
                return w
        except Exception:
            pass
    return None


def dialog(app, title):
    found = wait_until(lambda: window(app, title), 6, f'the window “{title}”')
    if found is None:
        raise AssertionError(f'no window “{title}”')
    return found


def confirm(app, d, title, button):
    """Clicks button in the dialog d, titled title, and waits for it to
    close, as it does once what it asked for is stored."""
    click(d, button)
    if not wait_until(lambda: window(app, title) is None, what=f'“{title}” to close'):
        raise AssertionError(f'“{title}” is still open')


def query(sql, *params):
    db = sqlite3.connect(f'file:{REGISTER}?mode=ro', uri=True)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def add_person(app, name, role, organisation):
    click(app, 'Lägg till person…')
    d = dialog(app, 'Lägg till person')
    type_into(d, 'Person', name)
    choice = find(d, role, {'toggle button', 'radio button', 'push button'})
    if choice is None:
        raise AssertionError(f'no choice “{role}”')
    choice.doActionNamed('click')
    if not wait_until(lambda: any(choice.getState().contains(s) for s in (pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED)),
                      what=f'“{role}” to be chosen'):
        raise AssertionError(f'“{role}” could not be chosen')
    type_into(d, 'Företräder', organisation)
    confirm(app, d, 'Lägg till person', 'Lägg till')


def poll(predicate, timeout=1.0):
    """Like wait_until, for a condition that may rightly never come: it
    asks until predicate() is true or timeout seconds have passed, and
    fails no check."""
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


def focused_is(root, name, role):
    node = focused_node(root)
    return node is not None and node.roleName == role and plain(node.name) == name


def reports_to(code):
    return query('SELECT t.code FROM group_relation r JOIN grp f ON f.id = r.from_group_id '
                 "JOIN grp t ON t.id = r.to_group_id WHERE f.code = ? AND r.kind = 'reports_to'", code)


def audit_rows():
    return query('SELECT count (*) FROM audit_log')[0][0]


def choose_reports_to_by_keyboard(app):
    """Finds a process team, walks to its “Rapporterar till” with Tab, and
    chooses the next council in the list with the arrow keys and Enter.
    The window must write that choice once: refreshing what it shows
    after the write used to write it again, for ever."""
    team = 'Regionalt processteam postoperativ smärta'
    type_into(app, 'Sök grupper', 'postoperativ smärta')
    wait_until(lambda: found_list(app, 'postoperativ smärta'), what='the process team to be found')
    if not focused_is(app, 'Sök grupper', 'entry'):
        rawinput.keyCombo('<Control>f')
        wait_until(lambda: focused_is(app, 'Sök grupper', 'entry'), what='the search entry to take the focus')
    rawinput.pressKey('Return')
    if not check('Enter in the search shows the process team found',
                 find(app, team, {'label', 'heading'}) is not None):
        return
    for _ in range(40):
        rawinput.pressKey('Tab')
        if poll(lambda: focused_is(app, 'Rapporterar till', 'combo box')):
            break
    if not check('Tab reaches “Rapporterar till”', focused_is(app, 'Rapporterar till', 'combo box')):
        return

    before, n_audit = reports_to('PT-SMÄRTA'), audit_rows()
    check('the process team reports to AOI to begin with', before == [('AOI',)], str(before))
    rawinput.pressKey('space')
    wait_until(lambda: (focused_node(app) or app).roleName == 'list item', what='the list of councils to open')
    rawinput.pressKey('Down')
    chosen = wait_until(lambda: find_containing(focused_node(app), 'Samordningsråd'), what='a council to be focused')
    if not check('Down moves to a council in the list', chosen is not None):
        return
    council = chosen.name
    rawinput.pressKey('Return')
    changed = wait_until(lambda: reports_to('PT-SMÄRTA') != before, what='the choice to be stored')
    after = query('SELECT t.name FROM group_relation r JOIN grp f ON f.id = r.from_group_id '
                  "JOIN grp t ON t.id = r.to_group_id WHERE f.code = 'PT-SMÄRTA' AND r.kind = 'reports_to'")
    check(f'Enter stores that the team reports to {council}', changed and after == [(council,)], str(after))
    n_now = audit_rows()
    if not check('choosing it writes one entry to the audit log, not one after another',
                 n_now == n_audit + 1, f'{n_now - n_audit} entries'):
        return
    # Once the window has shown the choice, it has refreshed after the write.
    shown = wait_until(lambda: find_containing(find(app, 'Rapporterar till', {'combo box'}), council),
                       what='“Rapporterar till” to show the council chosen')
    check('“Rapporterar till” shows the council chosen', shown is not None)
    n_now = audit_rows()
    check('the refresh after the choice writes nothing more', n_now == n_audit + 1, f'{n_now - n_audit} entries')


def council_id():
    rows = query("SELECT id FROM grp WHERE code = 'GERPAL'")
    return rows[0][0] if rows else None


def main():
    # A register of its own, from the demo, so the file can be read back.
    made = subprocess.run([BINARY, '--database', REGISTER, '--import-xml', DEMO_XML],
                          env=dict(os.environ), capture_output=True, text=True)
    if not check('the demo register is imported with the command line', made.returncode == 0, made.stderr):
        return
    proc = subprocess.Popen([BINARY, '--database', REGISTER], env=dict(os.environ))
    try:
        app = find_app()
        if not check('the application is found by its name “samordna”', app is not None):
            return
        click(app, 'Organisation', ('page tab',))
        check('the page shows “Styrningsstrukturen” before a group is chosen',
              find(app, 'Styrningsstrukturen', {'label', 'heading'}) is not None)

        # A council with a commission
        click(app, 'Ny grupp')
        d = dialog(app, 'Ny grupp')
        type_into(d, 'Namn', 'Samordningsråd geriatrik och palliativ vård')
        type_into(d, 'Kortkod', 'GERPAL')
        confirm(app, d, 'Ny grupp', 'Skapa')
        rows = query("SELECT kind FROM grp WHERE code = 'GERPAL'")
        check('“Skapa” stores a council with the short code GERPAL', rows == [('council',)], str(rows))

        click(app, 'Redigera uppdragshandling…')
        d = dialog(app, 'Uppdragshandling')
        type_into(d, 'Diarienummer', 'RS 2026-01234')
        type_into(d, 'Minst antal möten per år', '4')
        type_into(d, 'Högst antal möten per år', '8')
        type_into(d, 'Högst antal adjungerade', '2')
        confirm(app, d, 'Uppdragshandling', 'Spara')
        rows = query('SELECT registry_number, min_meetings, max_meetings, max_co_opted FROM commission '
                     'WHERE group_id = ?', council_id())
        check('the commission is stored', rows == [('RS 2026-01234', 4, 8, 2)], str(rows))

        # A chair and members from two organisations
        add_person(app, 'Greta Lind', 'Ordförande', 'Sjukhusen i Sjöstad')
        add_person(app, 'Hampus Berg', 'Deltagare', 'Norrdalssjukhusen')
        add_person(app, 'Ines Holm', 'Deltagare', 'Sjukhusen i Sjöstad')
        rows = query('SELECT a.role, o.name FROM assignment a JOIN organisation o ON o.id = a.organisation_id '
                     'WHERE a.group_id = ? ORDER BY a.id', council_id())
        check('the chair and two members are stored with their organisations',
              rows == [('chair', 'Sjukhusen i Sjöstad'), ('member', 'Norrdalssjukhusen'),
                       ('member', 'Sjukhusen i Sjöstad')], str(rows))
        check('no warning about the chair’s organisation yet',
              find_containing(app, 'kommer båda från') is None)

        # The contact person from the chair's organisation: a warning
        add_person(app, 'Johan Ek', 'Kontaktperson', 'Sjukhusen i Sjöstad')
        rows = query("SELECT count (*) FROM assignment WHERE group_id = ? AND role = 'contact_person'", council_id())
        check('the contact person is stored', rows == [(1,)], str(rows))
        warning = wait_until(lambda: find_containing(app, 'kommer båda från Sjukhusen i Sjöstad'), what='the warning')
        check('the warning says the chair and the contact person come from one organisation',
              warning is not None)
        screenshot('organisation-a11y-warning-sv.png', SHOT_DIR)

        # A subgroup, moved under another council
        click(app, 'Ny grupp')
        d = dialog(app, 'Ny grupp')
        type_into(d, 'Namn', 'Undergrupp palliativ vård i hemmet')
        type_into(d, 'Kortkod', 'GERPAL-HEM')
        confirm(app, d, 'Ny grupp', 'Skapa')
        rows = query("SELECT g.kind, p.code FROM grp g JOIN grp p ON p.id = g.parent_id WHERE g.code = 'GERPAL-HEM'")
        check('the subgroup is created under the council', rows == [('subgroup', 'GERPAL')], str(rows))

        click(app, 'Flytta till…')
        d = dialog(app, 'Flytta till')
        type_into(d, 'Ny överordnad grupp', 'GER')
        # The list under the entry narrows to what was typed after a pause.
        wait_until(lambda: found_list(d, 'GER'), what='the groups found for “GER”')
        confirm(app, d, 'Flytta till', 'Flytta')
        rows = query("SELECT p.code FROM grp g JOIN grp p ON p.id = g.parent_id WHERE g.code = 'GERPAL-HEM'")
        check('“Flytta till…” moves the subgroup under GER', rows == [('GER',)], str(rows))
        screenshot('organisation-a11y-moved-sv.png', SHOT_DIR)

        # Delete, then undo from the toast
        click(app, 'Ta bort')
        wait_until(lambda: query("SELECT count (*) FROM grp WHERE code = 'GERPAL-HEM'") == [(0,)],
                   what='the subgroup to be deleted')
        rows = query("SELECT count (*) FROM grp WHERE code = 'GERPAL-HEM'")
        check('“Ta bort” deletes the subgroup', rows == [(0,)], str(rows))
        click(app, 'Ångra')
        wait_until(lambda: query("SELECT count (*) FROM grp WHERE code = 'GERPAL-HEM'") == [(1,)],
                   what='the subgroup to come back')
        rows = query("SELECT p.code FROM grp g JOIN grp p ON p.id = g.parent_id WHERE g.code = 'GERPAL-HEM'")
        check('“Ångra” in the toast brings it back where it was', rows == [('GER',)], str(rows))

        # Deleting a group others refer to says what refers to it.
        click(app, 'Sök grupper', ('toggle button', 'push button'))
        type_into(app, 'Sök grupper', 'GERPAL')
        wait_until(lambda: found_list(app, 'GERPAL'), what='the groups found for “GERPAL”')
        rows = query("SELECT count (*) FROM audit_log WHERE action IN ('undo', 'redo')")
        check('the undo is in the audit log', rows[0][0] >= 1, str(rows))
        screenshot('organisation-a11y-sv.png', SHOT_DIR)

        choose_reports_to_by_keyboard(app)
    except AssertionError as e:
        check('the steps run to the end', False, str(e))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    try:
        main()
    finally:
        shutil.rmtree(WORK_DIR, ignore_errors=True)
    sys.exit(finish())
