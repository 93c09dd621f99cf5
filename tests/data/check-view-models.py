#!/usr/bin/env python3
# check-view-models.py SOURCE_ROOT
#
# GTK's set_model() functions on views and drop-downs take a reference of
# their own; a model created in the call is never released, and with it
# whatever list it wraps (and that list's store: the window's register
# stayed open after the window had closed). This fails on every such call
# under src/gui whose model argument is created in the call itself.

import os
import re
import sys

CALL = re.compile(r'\b(gtk_(?:list_view|column_view|grid_view|drop_down|list_box_bind_model|'
                  r'flow_box_bind_model|single_selection|no_selection|multi_selection|'
                  r'filter_list_model|sort_list_model|flatten_list_model|slice_list_model)'
                  r'_set_model)\s*\(')
CREATE = re.compile(r'\b\w+_new\w*\s*\(')


def arguments(text, start):
    """The text from @start (just after the opening parenthesis) to the
    parenthesis that closes it."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
            if depth == 0:
                return text[start:i]
    return text[start:]


def main():
    root = sys.argv[1]
    failures = []
    checked = 0
    for folder, _, names in os.walk(os.path.join(root, 'src', 'gui')):
        for name in sorted(names):
            if not name.endswith('.c'):
                continue
            path = os.path.join(folder, name)
            text = open(path, encoding='utf-8').read()
            for call in CALL.finditer(text):
                checked += 1
                args = arguments(text, call.end())
                # The first argument is the view; the model follows it.
                model = args.split(',', 1)[1] if ',' in args else ''
                if CREATE.search(model):
                    line = text.count('\n', 0, call.start()) + 1
                    failures.append('%s:%d: %s() is given a model created in the call; '
                                    'it takes a reference of its own, so the model leaks'
                                    % (os.path.relpath(path, root), line, call.group(1)))
    for failure in failures:
        print(failure)
    print('%d call(s) checked, %d leak a model' % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
