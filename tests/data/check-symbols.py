#!/usr/bin/env python3
# check-symbols.py SOURCE_ROOT BUILD_ROOT
#
# The include check (check-dependencies.py) cannot see a call that goes
# through a declaration in a header the caller may include, such as a
# function the register declares in its private header but a feature
# defines. This check reads the object files of the two libraries with
# nm: for every function or variable an object uses and another object of
# ours defines, the using folder must be allowed, by the rule in
# HACKING.md, to depend on the defining folder.

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

deps = import_module('check-dependencies')

LIBRARIES = [('core', 'src/core/libsamordna-core.a.p'), ('gui', 'src/gui/libsamordna-gui.a.p')]


def folder_of(layer, name):
    # Meson names an object <folder>_<file>.c.o; generated resources are
    # meson-generated_… and belong to no folder.
    if not name.endswith('.c.o') or name.startswith('meson-generated'):
        return None
    return layer + '/' + name.split('_', 1)[0]


def main():
    root, build = sys.argv[1], sys.argv[2]
    rule = deps.read_rule(root)
    defined = {}
    undefined = []
    for layer, path in LIBRARIES:
        directory = os.path.join(build, path)
        for name in sorted(os.listdir(directory)):
            folder = folder_of(layer, name)
            if folder is None:
                continue
            out = subprocess.run(['nm', '-P', os.path.join(directory, name)],
                                 check=True, capture_output=True, text=True).stdout
            for line in out.splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue
                symbol, kind = parts[0], parts[1]
                if kind in ('T', 'D', 'B', 'R'):
                    defined[symbol] = (folder, name)
                elif kind == 'U':
                    undefined.append((folder, name, symbol))

    problems = []
    edges = set()
    for folder, name, symbol in undefined:
        if symbol not in defined:
            continue
        to, to_name = defined[symbol]
        if to == folder:
            continue
        edges.add((folder, to))
        allowed = rule.get(folder)
        if allowed is None:
            problems.append(f'{name}: folder {folder} is not in the rule in HACKING.md')
        elif '*' not in allowed and to not in allowed:
            problems.append(f'{name} ({folder}) uses {symbol} from {to_name} ({to})')

    for p in sorted(set(problems)):
        print(p)
    print(f'{len(undefined)} references, {len(edges)} folder dependencies, {len(set(problems))} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
