#!/usr/bin/python3
# check-pdf-structure.py: prints what a screen reader finds in a PDF.
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the PDF's structure tree with pikepdf (Debian's python3-pikepdf)
# and prints "marked yes" or "marked no", then one line "TYPE COUNT" for
# each structure type, counting only elements that hold content of their
# own (marked content or child elements): an empty heading or header cell
# does not count. The test program asserts on these lines.

import sys

import pikepdf


def has_content(element):
    kids = element.get('/K')
    if kids is None:
        return False
    if isinstance(kids, pikepdf.Array):
        return len(kids) > 0
    return True


def walk(element, counts, depth=0):
    if depth > 200:
        raise SystemExit('structure tree too deep')
    kind = element.get('/S')
    if kind is not None and has_content(element):
        name = str(kind).lstrip('/')
        counts[name] = counts.get(name, 0) + 1
    kids = element.get('/K')
    if kids is None:
        return
    items = kids if isinstance(kids, pikepdf.Array) else [kids]
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
            walk(kid, counts, depth + 1)


def main():
    with pikepdf.open(sys.argv[1]) as pdf:
        root = pdf.Root
        mark_info = root.get('/MarkInfo')
        marked = mark_info is not None and bool(mark_info.get('/Marked', False))
        print('marked', 'yes' if marked else 'no')
        counts = {}
        if '/StructTreeRoot' in root:
            walk(root.StructTreeRoot, counts)
        for name in sorted(counts):
            print(name, counts[name])


main()
