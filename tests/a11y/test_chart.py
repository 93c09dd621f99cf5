#!/usr/bin/python3
# test_chart.py
#
# Copyright 2026 The Samordna authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the organisation chart through the accessibility tree, as a screen
# reader user would: the chart is found by its Swedish name, the zoom
# buttons by theirs; finding a group selects it in the chart and in the
# editor, and the chart's description names it; each box shown is a tree
# item of the chart, named after its group, with its place (“1 av 14”),
# level and people in its description; the keyboard collapses, expands and
# moves the selection, the focus goes from box to box with it (which is what
# a screen reader speaks), and the descriptions follow. Swedish
# screenshots go to the build directory. Run under tests/run-under-atspi
# with LANGUAGE=sv.
#
# usage: test_chart.py SAMORDNA-BINARY [ARGS...]

import os
import re
import subprocess
import sys

# dogtail rewrites sys.argv when imported: read ours first.
APP_ARGV = sys.argv[1:]

import pyatspi  # noqa: E402
from dogtail import rawinput  # noqa: E402
from samordna_a11y import check, children, find_app, finish, screenshot, unnamed_controls, wait_until, walk  # noqa: E402


def find(app, name, roles, showing=False):
    for node in walk(app):
        try:
            if node.name == name and node.roleName in roles:
                if showing and not node.getState().contains(pyatspi.STATE_SHOWING):
                    continue
                return node
        except Exception:
            continue
    return None


def find_matching(app, pattern, roles):
    for node in walk(app):
        try:
            if node.roleName in roles and re.search(pattern, node.name or ''):
                return node
        except Exception:
            continue
    return None


def zoom_level(label):
    """The zoom level that label, under the chart, shows."""
    return int(re.sub(r'\D', '', label.name)) if label is not None else None


def description(node):
    try:
        return node.description or ''
    except Exception:
        return ''


def boxes(chart):
    """The chart's boxes: its tree items, by name."""
    return {n.name: n for n in children(chart) if n.roleName == 'tree item'}


def focused_box(chart):
    for node in children(chart):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def expanded(node):
    return node.getState().contains(pyatspi.STATE_EXPANDED)


def focused(node):
    """Whether node or one of its parts (a search entry's text) has the
    keyboard focus."""
    return any(n.getState().contains(pyatspi.STATE_FOCUSED) for n in walk(node))


def main():
    proc = subprocess.Popen(APP_ARGV, env=dict(os.environ))
    try:
        app = find_app()
        check('the application is found by its name “samordna”', app is not None)
        if app is None:
            return

        tab = wait_until(lambda: find(app, 'Organisation', {'page tab', 'toggle button', 'radio button'}),
                         what='the page switcher’s “Organisation”')
        if tab is not None:
            tab.doActionNamed('click')

        chart = wait_until(lambda: find(app, 'Organisationsschema', {'tree'}), 15, 'the chart')
        check('the chart is named “Organisationsschema”', chart is not None)
        if chart is None:
            return
        # The chart's own part of the window; the whole window is linted by
        # test_a11y.py.
        pane = chart
        while pane is not None and pane.name != 'SamChartPane':
            pane = pane.parent
        pane = pane or app
        nothing = 'Ingen grupp markerad'
        wait_until(lambda: description(chart) == nothing, what='the chart to be built')
        check('with nothing selected the chart says so', description(chart) == nothing, description(chart))

        # The boxes, by their Swedish names: every box drawn is a tree item
        # of the chart, and says where it is.
        shown = wait_until(lambda: len(boxes(chart)) > 10 and boxes(chart), what='the chart’s boxes') or {}
        check('the chart has a tree item per box', len(shown) > 10, str(len(shown)))
        top = shown.get('Koncernledning hälso- och sjukvård')
        check('the top box is named “Koncernledning hälso- och sjukvård”', top is not None, ', '.join(shown))
        check('the top box says it is level 1 and its place',
              top is not None and 'nivå 1' in description(top) and re.search(r'\d+ av \d+', description(top)),
              description(top) if top else '')
        councils = [n for name, n in shown.items() if name.startswith('Samordningsråd ')]
        check('the councils are boxes of the chart', len(councils) >= 3, str(len(councils)))
        for node in councils:
            check(f'“{node.name}” names its kind, chair, head count and place',
                  re.match(r'Samordningsråd, ordförande .+, \d+ deltagare, .*\d+ av \d+, nivå \d+$', description(node)),
                  description(node))

        for name in ('Zooma in', 'Zooma ut', 'Anpassa till fönstret', 'Originalstorlek',
                     'Skriv ut schema…', 'Exportera schema…', 'Sök i schemat', 'Schemat fyller fönstret',
                     'Förklaring'):
            check(f'the chart has a control named “{name}”',
                  find(pane, name, {'push button', 'toggle button', 'text', 'entry'}) is not None)

        # The legend says what the kinds of box are.
        legend = next((n for n in walk(pane) if n.name == 'Teckenförklaring'), None)
        check('the chart has a legend named “Teckenförklaring”', legend is not None)
        check('the legend names the kinds of group in the chart',
              legend is not None and 'Samordningsråd' in description(legend) and 'Undergrupp' in description(legend),
              description(legend) if legend else '')

        # The chart takes the whole window, and gives it back.
        def width():
            return chart.extents[2]

        beside = width()
        whole = find(pane, 'Schemat fyller fönstret', {'push button', 'toggle button'})
        whole.doActionNamed('click')
        wait_until(lambda: width() > 2 * beside, what='the chart to take the whole window')
        check('“Schemat fyller fönstret” gives the chart the whole window', width() > 2 * beside,
              f'{beside} → {width()} px')
        screenshot('a11y-chart-whole-window-sv.png')
        whole.doActionNamed('click')
        wait_until(lambda: width() == beside, what='the chart to share the window again')
        check('pressed again, the chart shares the window again', width() == beside, f'{width()} px')

        # Zoom: the level shown under the chart follows the buttons.
        label = find_matching(pane, r'^\d+\s?%$', {'label'})
        before = zoom_level(label)
        find(pane, 'Zooma in', {'push button'}).doActionNamed('click')
        wait_until(lambda: zoom_level(label) != before, what='the zoom level to change')
        after = zoom_level(label)
        check('“Zooma in” zooms in', before is not None and after is not None and after > before,
              f'{before} → {after}')
        find(pane, 'Originalstorlek', {'push button'}).doActionNamed('click')
        wait_until(lambda: zoom_level(label) == 100, what='the zoom level to be 100 %')
        check('“Originalstorlek” shows the chart at 100 %', zoom_level(label) == 100, str(zoom_level(label)))

        # Find a council: the chart selects it and tells the screen reader,
        # and the editor beside it shows the same group.
        entry = find(pane, 'Sök i schemat', {'text', 'entry'})
        entry.text = 'anestesi'
        said = wait_until(lambda: 'anestesi' in description(chart) and description(chart),
                          what='the chart to select the council found') or description(chart)
        check('finding “anestesi” selects the council in the chart',
              'anestesi' in said and 'Samordningsråd' in said, said)
        editor = wait_until(lambda: find_matching(app, r'^Samordningsråd anestesi', {'label', 'heading'}), 15,
                            'the editor to show the council')
        check('the editor shows the group selected in the chart', editor is not None)
        screenshot('a11y-chart-selected-sv.png')

        # The keyboard: Escape in the search entry hands the focus to the
        # chart, keeping the selection; Enter collapses the council, Down
        # opens it again and moves to its first group, Up goes back.
        entry.click()
        wait_until(lambda: focused(entry), what='the search entry to take the focus')
        rawinput.pressKey('Escape')
        wait_until(lambda: focused(chart), what='the chart to take the focus')
        check('the chart takes the keyboard focus', focused(chart))
        council = wait_until(lambda: focused_box(chart), what='the council’s box to take the focus')
        check('the focus is on the council’s box, named after it',
              council is not None and council.name.startswith('Samordningsråd anestesi'),
              council.name if council else '')
        check('the selected council is expanded', expanded(chart))
        check('the council’s box is expanded', council is not None and expanded(council))
        rawinput.pressKey('Return')
        wait_until(lambda: not expanded(chart), what='the council to collapse')
        check('Enter collapses the selected council', not expanded(chart))
        check('the council’s box says it is collapsed and how many groups it hides',
              council is not None and not expanded(council)
              and re.search(r'\d+ grupper? dold', description(council)), description(council) if council else '')
        check('the groups of a collapsed council are not boxes of the chart',
              not any(name.startswith('Undergrupp anestesi') for name in boxes(chart)), ', '.join(boxes(chart)))
        screenshot('a11y-chart-collapsed-sv.png')
        rawinput.pressKey('Down')
        wait_until(lambda: description(chart) not in (said, ''), what='the selection to move down')
        below = description(chart)
        check('Down opens the council and selects a group under it',
              below != said and below != '', below)
        first = wait_until(lambda: (focused_box(chart) is not None and focused_box(chart).name != council.name
                                    and focused_box(chart)), what='the focus to move to the group under the council')
        check('the focus moves to the first group under the council, the first of its groups',
              first is not None and first.name in below and description(first).find('1 av ') >= 0,
              f'{first.name}: {description(first)}' if first else '')
        rawinput.pressKey('Up')
        wait_until(lambda: description(chart) == said, what='the selection to move back up')
        check('Up goes back to the council', description(chart) == said, description(chart))
        back = wait_until(lambda: focused_box(chart) is not None and focused_box(chart).name == council.name,
                          what='the focus to move back to the council')
        check('the focus goes back to the council’s box', back)
        rawinput.pressKey('Escape')
        wait_until(lambda: description(chart) == nothing, what='the selection to be dropped')
        check('Escape drops the selection', description(chart) == nothing, description(chart))

        bad = unnamed_controls(pane)
        check('every button, toggle and menu button of the chart has a name', not bad, '; '.join(bad))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == '__main__':
    main()
    sys.exit(finish())
