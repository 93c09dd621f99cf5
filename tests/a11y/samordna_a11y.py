# samordna_a11y.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the accessibility tests share: dogtail's settings, the checks
# (printed as TAP), waiting for what a step brings, finding the application
# and walking its accessibility tree, the controls a screen reader cannot
# name, and screenshots of the screen. dogtail rewrites sys.argv when it is
# imported, and importing this imports dogtail: read the arguments first.

import os
import shutil
import subprocess
import sys
import time

import pyatspi
from dogtail import tree
# The settings are this object's: dogtail.config, the module, ignores them.
from dogtail.config import config

config.searchShowingOnly = False
config.defaultDelay = 0.2
config.searchCutoffCount = 20
# The tests wait for what an action or a key brings (wait_until), not for
# a set time after each.
config.actionDelay = 0
config.typingDelay = 0
# The decision register and the year's meetings are lists of hundreds of
# rows: walk every one of them.
config.childrenLimit = 10000
config.logDebugToFile = False
config.logDebugToStdOut = False

# How often wait_until() asks again
POLL_INTERVAL = 0.05

# The roles of controls a screen reader must be able to name
CONTROL_ROLES = {'push button', 'toggle button', 'menu button', 'check box', 'radio button'}

# (name, ok, detail) of each check so far
results = []


def check(name, ok, detail=''):
    """Prints a TAP line for a check; returns whether it passed."""
    results.append((name, ok, detail))
    print(('ok' if ok else 'not ok') + f' {len(results)} - {name}' + (f' # {detail}' if detail and not ok else ''))
    sys.stdout.flush()
    return ok


def finish():
    """Prints the TAP plan; returns the exit status (0 if every check passed)."""
    print(f'1..{len(results)}')
    return 0 if results and all(ok for _, ok, _ in results) else 1


def wait_until(predicate, timeout=10, what='the step to be done'):
    """Asks predicate() until it returns something true, and returns that.
    If it has not after timeout seconds, a check naming what fails and the
    last answer is returned. A predicate that raises (a node going away
    while it is read) has not answered yet."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception:
            value = None
        if value or time.monotonic() >= deadline:
            break
        time.sleep(POLL_INTERVAL)
    if not value:
        check(f'waited for {what}', False, f'not within {timeout} s')
    return value


def children(node):
    """node's children, config.childrenLimit of them at the most. (dogtail's
    Node.children asks every node for its parent's role as well, which
    makes a walk over thousands of nodes half as slow again.)"""
    try:
        count = min(node.childCount, config.childrenLimit)
    except Exception:
        return []
    found = []
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            found.append(child)
    return found


def walk(node):
    """Every node under (and with) node, depth first."""
    yield node
    for child in children(node):
        yield from walk(child)


def text_of(node):
    """The text in node, a field. (GTK 4.8 answers dogtail's node.text, which
    asks for the text up to offset -1, with nothing.)"""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def find_app(timeout=30):
    """The running Samordna in the accessibility tree, or None."""
    def samordna():
        return next((app for app in tree.root.applications() if app.name == 'samordna'), None)
    return wait_until(samordna, timeout, 'the application on the accessibility bus')


def is_focusable(node):
    """Whether the Tab key can stop on node."""
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def unnamed_controls(root):
    """The controls under root that a screen reader cannot name, each with
    the nodes above it."""
    bad = []
    for node in walk(root):
        try:
            role, name = node.roleName, node.name or ''
        except Exception:
            continue
        unnamed = not name.strip() or name.startswith('Gtk')
        # A flow box's children (cells) take the focus unless told not
        # to: a stop a screen reader reads as nothing at all.
        if unnamed and (role in CONTROL_ROLES or (role == 'table cell' and is_focusable(node))):
            chain, up = [], node.parent
            while up is not None and len(chain) < 8:
                chain.append(f'{up.roleName}:{(up.name or "")[:20]}')
                up = up.parent
            bad.append(f'{role} named {name!r} under {" < ".join(chain)}')
    return bad


def grab_screen():
    """The whole X screen, as a binary PPM."""
    return subprocess.run(['import', '-window', 'root', 'ppm:-'], capture_output=True, check=False).stdout


def screenshot(name, directory=None):
    """Saves the whole X screen as name, in directory or the build
    directory, once it has stopped changing: the window draws what a step
    changed in its next frame, and AT-SPI does not tell when that is."""
    if shutil.which('import') is None or shutil.which('convert') is None:
        print(f'# no screenshot {name}: ImageMagick is not installed')
        return
    path = os.path.join(directory or os.environ.get('G_TEST_BUILDDIR', '.'), name)
    shots = [grab_screen()]

    def settled():
        shots[:] = [shots[-1], grab_screen()]
        return shots[0] == shots[1]

    wait_until(settled, what=f'the screen to settle for {name}')
    subprocess.run(['convert', 'ppm:-', path], input=shots[-1], check=False)
    print(f'# screenshot: {path}')
