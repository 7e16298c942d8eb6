#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks on the user help and the Flatpak manifest, run by `meson test --suite data`.

    help-and-flatpak.py built-pages LANG SRCDIR OUTDIR PAGE...
        fails unless each PAGE of SRCDIR was built into OUTDIR, in LANG and translated
    help-and-flatpak.py flatpak-manifest JSON
        fails unless the manifest builds org.lianluo.Lianluo running `lianluo`
    help-and-flatpak.py icons FULLCOLOUR.svg SYMBOLIC.svg
        fails unless the app icon is drawn on 128×128 and the symbolic one on
        16×16 in #2e3436 fills only
"""

import json
import re
import sys
import xml.etree.ElementTree as ET

APP_ID = 'org.lianluo.Lianluo'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MAL_TITLE = '{http://projectmallard.org/1.0/}title'


def fail(message):
    print(f'FAIL: {message}', file=sys.stderr)
    sys.exit(1)


def built_pages(lang, srcdir, outdir, pages):
    for page in pages:
        path = f'{outdir}/{page}'
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as error:
            fail(f'{path} was not built: {error}')
        if root.get(XML_LANG) != lang:
            fail(f'{path} is not in {lang}')
        source_title = ET.parse(f'{srcdir}/{page}').getroot().findtext(MAL_TITLE)
        title = root.findtext(MAL_TITLE)
        if not title or title == source_title:
            fail(f'{path}: the title “{source_title}” is not translated')
        print(f'ok {path}: {title}')


def flatpak_manifest(path):
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != APP_ID:
        fail(f'app id is {app_id!r}, not {APP_ID}')
    if manifest.get('command') != 'lianluo':
        fail(f'command is {manifest.get("command")!r}, not lianluo')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('the runtime must be org.gnome.Platform with org.gnome.Sdk')

    # The sandbox stays narrow: database files come through the file chooser.
    for arg in manifest.get('finish-args', []):
        if arg.split(':')[0] in ('--filesystem=host', '--filesystem=home',
                                 '--filesystem=host-os', '--socket=session-bus'):
            fail(f'finish-arg {arg} is broader than Lianluo needs')

    modules = manifest.get('modules', [])
    if not modules or modules[-1].get('name') != 'lianluo':
        fail('the last module must be lianluo')
    last = modules[-1]
    if last.get('buildsystem') != 'meson':
        fail('lianluo must build with meson')
    if not any(s.get('type') == 'dir' and s.get('path') == '..' for s in last.get('sources', [])):
        fail('lianluo must build from the source tree ("type": "dir", "path": "..")')

    # Every download is pinned.
    for module in modules:
        for source in module.get('sources', []):
            if source.get('type') in ('archive', 'file'):
                if not source.get('url', '').startswith('https://'):
                    fail(f'{module["name"]}: source without an https url')
                if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                    fail(f'{module["name"]}: {source["url"]} has no sha256')
    print(f'ok {path}: {app_id}, {len(modules)} modules')


def icons(fullcolour, symbolic):
    for path, size in ((fullcolour, '128'), (symbolic, '16')):
        root = ET.parse(path).getroot()
        if root.get('viewBox') != f'0 0 {size} {size}':
            fail(f'{path} is not drawn on a {size}×{size} canvas')
    # GTK recolours symbolic icons by their fill; strokes and other colours would not follow.
    for element in ET.parse(symbolic).getroot().iter():
        if element.get('stroke') not in (None, 'none') or 'stroke' in element.get('style', ''):
            fail(f'{symbolic}: strokes do not recolour; draw with fills')
        if element.get('fill') not in (None, '#2e3436'):
            fail(f'{symbolic}: fill {element.get("fill")} is not #2e3436')
    print(f'ok {fullcolour}, {symbolic}')


def main(argv):
    if len(argv) >= 6 and argv[1] == 'built-pages':
        built_pages(argv[2], argv[3], argv[4], argv[5:])
    elif len(argv) == 3 and argv[1] == 'flatpak-manifest':
        flatpak_manifest(argv[2])
    elif len(argv) == 4 and argv[1] == 'icons':
        icons(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
