# samordna_a11y.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the accessibility tests share: dogtail's settings, the checks
# (printed as TAP), finding the application and walking its accessibility
# tree, the controls a screen reader cannot name, and screenshots of the
# screen. dogtail rewrites sys.argv when it is imported, and importing this
# imports dogtail: read the arguments first.

import os
import shutil
import subprocess
import sys
import time

from dogtail import tree
# The settings are this object's: dogtail.config, the module, ignores them.
from dogtail.config import config

config.searchShowingOnly = False
config.defaultDelay = 0.2
config.searchCutoffCount = 20
# The decision register and the year's meetings are lists of hundreds of
# rows: walk every one of them.
config.childrenLimit = 10000
config.logDebugToFile = False
config.logDebugToStdOut = False

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


def walk(node):
    """Every node under (and with) node, depth first."""
    yield node
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        yield from walk(child)


def find_app(timeout=30):
    """The running Samordna in the accessibility tree, or None."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            for app in tree.root.applications():
                if app.name == 'samordna':
                    return app
        except Exception:
            pass
        time.sleep(0.5)
    return None


def unnamed_controls(root):
    """The controls under root that a screen reader cannot name, each with
    the nodes above it."""
    bad = []
    for node in walk(root):
        try:
            role, name = node.roleName, node.name or ''
        except Exception:
            continue
        if role in CONTROL_ROLES and (not name.strip() or name.startswith('Gtk')):
            chain, up = [], node.parent
            while up is not None and len(chain) < 8:
                chain.append(f'{up.roleName}:{(up.name or "")[:20]}')
                up = up.parent
            bad.append(f'{role} named {name!r} under {" < ".join(chain)}')
    return bad


def screenshot(name, directory=None):
    """Saves the whole X screen as name, in directory or the build directory."""
    if shutil.which('import') is None:
        print(f'# no screenshot {name}: ImageMagick’s import is not installed')
        return
    path = os.path.join(directory or os.environ.get('G_TEST_BUILDDIR', '.'), name)
    subprocess.run(['import', '-window', 'root', path], check=False)
    print(f'# screenshot: {path}')
