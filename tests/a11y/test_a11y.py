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
import time

# dogtail rewrites sys.argv when imported: read ours first.
APP_ARGV = sys.argv[1:]

import pyatspi  # noqa: E402
from dogtail import config, tree  # noqa: E402

config.searchShowingOnly = False
config.defaultDelay = 0.2
config.searchCutoffCount = 20
config.logDebugToFile = False
config.logDebugToStdOut = False

CONTROL_ROLES = {'push button', 'toggle button', 'menu button', 'check box', 'radio button'}

results = []


def check(name, ok, detail=''):
    results.append((name, ok, detail))
    print(('ok' if ok else 'not ok') + f' {len(results)} - {name}' + (f' # {detail}' if detail and not ok else ''))
    sys.stdout.flush()


def find_app(timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            for a in tree.root.applications():
                if a.name == 'samordna':
                    return a
        except Exception:
            pass
        time.sleep(0.5)
    return None


def walk(node, depth=0):
    yield node, depth
    try:
        children = node.children
    except Exception:
        return
    for c in children:
        yield from walk(c, depth + 1)


def lint(app):
    bad = []
    for node, _ in walk(app):
        try:
            role, name = node.roleName, node.name or ''
        except Exception:
            continue
        if role in CONTROL_ROLES and (not name.strip() or name.startswith('Gtk')):
            bad.append(f'{role} named {name!r} under {node.parent.roleName if node.parent else "?"}')
    return bad


def find(app, name, roles):
    for node, _ in walk(app):
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

        # The window needs a moment to show its pages.
        time.sleep(2)
        frame = find(app, 'Samordna', {'frame', 'window'})
        check('the main window is titled “Samordna”', frame is not None)

        pages = [('Organisation', 'Styrningsstrukturen'),
                 ('Möten', 'Mötesåret'),
                 ('Beslut', 'Beslutsregistret')]
        for page, heading in pages:
            switch = find(app, page, {'page tab', 'toggle button', 'radio button'})
            check(f'the page switcher has a button “{page}”', switch is not None)
            if switch is None:
                continue
            switch.doActionNamed('click')
            time.sleep(0.8)
            check(f'“{page}” is selected after a click', is_selected(switch))
            check(f'the page “{page}” holds “{heading}”', find(app, heading, {'label', 'heading'}) is not None)

        menu = find(app, 'Huvudmeny', {'toggle button', 'push button', 'menu button'})
        check('the main menu button is named “Huvudmeny”', menu is not None)

        bad = lint(app)
        check('every button, toggle and menu button has a name', not bad, '; '.join(bad))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()

    print(f'1..{len(results)}')


if __name__ == '__main__':
    main()
    sys.exit(0 if results and all(ok for _, ok, _ in results) else 1)
