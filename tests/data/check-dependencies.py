#!/usr/bin/env python3
# check-dependencies.py SOURCE_ROOT
#
# Checks the dependency rule that HACKING.md writes down: reads the rule
# from the fenced block after the line "<!-- dependency rule -->" in
# HACKING.md, then every #include "…" under src/, and fails on
#   - an include of a header in a folder the rule does not allow,
#   - a circle between folders (a folder that, through its includes,
#     includes itself again),
#   - a header name that is not unique under src/ (the check could not
#     tell which folder it comes from), and a folder the rule omits.
#
# Folders are named as in the rule: core/<folder>, gui/<folder>, main.

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def read_rule(root):
    text = open(os.path.join(root, 'HACKING.md'), encoding='utf-8').read()
    marker = text.find('<!-- dependency rule -->')
    if marker < 0:
        sys.exit('HACKING.md has no "<!-- dependency rule -->" block')
    block = re.search(r'```[a-z]*\n(.*?)```', text[marker:], re.S)
    rule = {}
    for line in block.group(1).splitlines():
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        folder, _, allowed = line.partition(':')
        allowed = allowed.split()
        rule[folder.strip()] = set('core/' + a[5:] if a.startswith('core/') else a for a in allowed)
    # A folder may always include its own headers; "*" means every folder.
    for folder in rule:
        rule[folder].add(folder)
    return rule


def folder_of(root, path):
    rel = os.path.relpath(path, os.path.join(root, 'src'))
    parts = rel.split(os.sep)
    if len(parts) == 1:
        return os.path.splitext(parts[0])[0]
    return parts[0] + '/' + parts[1]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    rule = read_rule(root)
    headers = {}
    sources = []
    for dirpath, _, names in os.walk(os.path.join(root, 'src')):
        for name in names:
            if name.endswith(('.c', '.h')):
                path = os.path.join(dirpath, name)
                sources.append(path)
                if name.endswith('.h'):
                    headers.setdefault(name, []).append(path)

    problems = []
    for name, paths in sorted(headers.items()):
        if len(paths) > 1:
            problems.append(f'{name} is in more than one folder: ' + ', '.join(sorted(paths)))

    edges = {}
    for path in sorted(sources):
        folder = folder_of(root, path)
        if folder not in rule:
            problems.append(f'{os.path.relpath(path, root)}: folder {folder} is not in the rule in HACKING.md')
            continue
        text = open(path, encoding='utf-8').read()
        for match in INCLUDE.finditer(text):
            target = headers.get(os.path.basename(match.group(1)))
            if not target:
                continue  # config.h and generated headers
            to = folder_of(root, target[0])
            line = text.count('\n', 0, match.start()) + 1
            where = f'{os.path.relpath(path, root)}:{line}'
            if to != folder:
                edges.setdefault(folder, {}).setdefault(to, where)
            if '*' not in rule[folder] and to not in rule[folder]:
                problems.append(f'{where}: {folder} may not include {match.group(1)} (from {to})')

    # Circles between folders, whatever the rule says.
    state = {}

    def visit(folder, stack):
        state[folder] = 'open'
        for to, where in sorted(edges.get(folder, {}).items()):
            if state.get(to) == 'open':
                cycle = stack[stack.index(to):] + [to]
                problems.append('circle between folders: ' + ' -> '.join(cycle) + f' (closed at {where})')
            elif to not in state:
                visit(to, stack + [to])
        state[folder] = 'done'

    for folder in sorted(edges):
        if folder not in state:
            visit(folder, [folder])

    for p in problems:
        print(p)
    print(f'{len(sources)} files, {sum(len(e) for e in edges.values())} folder dependencies, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
