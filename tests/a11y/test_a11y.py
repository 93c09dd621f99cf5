#!/usr/bin/python3
# test_a11y.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real window through the accessibility tree, as a screen reader
# user would: the application is found by its name, the pages are reached by
# their Swedish names, and a lint fails on any control a screen reader cannot
# name. Run under tests/run-under-atspi with LANGUAGE=sv.
#
# usage: test_a11y.py SAMORDNA-BINARY [ARGS...]

import os
import subprocess
import sys

# dogtail rewrites sys.argv when imported: read ours first.
APP_ARGV = sys.argv[1:]

import pyatspi  # noqa: E402
from samordna_a11y import check, find_app, finish, unnamed_controls, wait_until, walk  # noqa: E402


def find(app, name, roles):
    for node in walk(app):
        try:
            if node.name == name and node.roleName in roles:
                return node
        except Exception:
            continue
    return None


def is_selected(node):
    states = node.getState()
    return any(states.contains(s) for s in (pyatspi.STATE_SELECTED, pyatspi.STATE_CHECKED, pyatspi.STATE_PRESSED))


def main():
    env = dict(os.environ)
    proc = subprocess.Popen(APP_ARGV, env=env)
    try:
        app = find_app()
        check('the application is found by its name “samordna”', app is not None)
        if app is None:
            return

        frame = wait_until(lambda: find(app, 'Samordna', {'frame', 'window'}), what='the main window')
        check('the main window is titled “Samordna”', frame is not None)

        pages = [('Organisation', 'Styrningsstrukturen'),
                 ('Möten', 'Mötesåret'),
                 ('Beslut', 'Beslutsregistret')]
        for page, heading in pages:
            switch = wait_until(lambda: find(app, page, {'page tab', 'toggle button', 'radio button'}),
                                what=f'the page switcher’s “{page}”')
            check(f'the page switcher has a button “{page}”', switch is not None)
            if switch is None:
                continue
            switch.doActionNamed('click')
            check(f'“{page}” is selected after a click',
                  wait_until(lambda: is_selected(switch), what=f'“{page}” to be selected'))
            check(f'the page “{page}” holds “{heading}”',
                  wait_until(lambda: find(app, heading, {'label', 'heading'}), what=f'the heading “{heading}”')
                  is not None)

        menu = find(app, 'Huvudmeny', {'toggle button', 'push button', 'menu button'})
        check('the main menu button is named “Huvudmeny”', menu is not None)

        bad = unnamed_controls(app)
        check('every button, toggle and menu button has a name', not bad, '; '.join(bad))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
    sys.exit(finish())
