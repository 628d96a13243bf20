#!/usr/bin/env python3
"""Makes hostile workbooks: small files that would inflate to gigabytes, or hold more than a sheet can.

    python3 Tests/Fixtures/bombs.py OUTDIR [--big]

Only the standard library (zipfile, zlib) is used, so the tests can run it anywhere. Nothing here
is committed as gigabytes: the files are made when needed. `--big` adds the two the issue measured
by hand (a 1 GiB cell deflated to about 1 MB, and a sheet of 4 GiB of spaces), for the memory
figures; the tests use smaller ones of the same kinds, refused by the same bounds.
"""
import os
import random
import struct
import sys
import zipfile
import zlib

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="签到表" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>手机</t></is></c></row>'
)


def book(path, sheet_parts, shared=None):
    """A workbook whose sheet is the concatenation of `sheet_parts` (strings or generators)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for part in sheet_parts:
                if isinstance(part, str):
                    f.write(part.encode())
                else:
                    for chunk in part:
                        f.write(chunk)
        if shared is not None:
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                for chunk in shared:
                    f.write(chunk)


def repeated(byte, total, chunk=1 << 24):
    block = byte * chunk
    left = total
    while left > 0:
        n = min(left, chunk)
        yield block[:n]
        left -= n


def cell_bomb(path, mib):
    """One cell holding `mib` MiB of text: a few hundred KB of deflate."""
    head = '<row r="2"><c r="A2" t="inlineStr"><is><t>'
    book(path, [SHEET_HEAD, HEADER_ROW, head, repeated(b"A", mib << 20), "</t></is></c></row>", SHEET_TAIL])


def spaces_bomb(path, mib):
    """A sheet padded with `mib` MiB of spaces between two rows."""
    book(path, [SHEET_HEAD, HEADER_ROW, repeated(b" ", mib << 20), SHEET_TAIL])


def shared_strings_bomb(path, count):
    """`count` short distinct shared strings under a sheet of two cells."""
    rng = random.Random(7)

    def strings():
        yield ('<?xml version="1.0" encoding="UTF-8"?><sst '
               'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">').encode()
        for i in range(count):
            s = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
            yield f"<si><t>{s}{i}</t></si>".encode()
        yield b"</sst>"

    row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
    book(path, [SHEET_HEAD, HEADER_ROW, row, SHEET_TAIL], shared=strings())


def shared_amplifier(path, rows, copies):
    """A small sheet whose cells all name one shared string of 32,000 characters: `rows` rows, each a
    good sign-in (name, phone) and `copies` cells of that string in columns no import uses. Read cell
    by cell it comes to rows × copies × 32,000 characters from a file of a few hundred KB."""
    def strings():
        yield ('<?xml version="1.0" encoding="UTF-8"?><sst '
               'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">').encode()
        yield b"<si><t>" + b"x" * 32_000 + b"</t></si></sst>"

    def sheet():
        cols = ["C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"][:copies]
        for r in range(2, rows + 2):
            cells = "".join(f'<c r="{c}{r}" t="s"><v>0</v></c>' for c in cols)
            yield (f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>张三</t></is></c>'
                   f'<c r="B{r}" t="inlineStr"><is><t>13800000001</t></is></c>{cells}</row>').encode()

    book(path, [SHEET_HEAD, HEADER_ROW, sheet(), SHEET_TAIL], shared=strings())


def long_cell(path, chars):
    """One cell of `chars` varied characters: past Excel's 32,767, with little to compress."""
    rng = random.Random(3)
    text = "".join(chr(0x4E00 + rng.randrange(2000)) for _ in range(chars))
    row = f'<row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c></row>'
    book(path, [SHEET_HEAD, HEADER_ROW, row, SHEET_TAIL])


def far_row(path):
    row = '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>'
    book(path, [SHEET_HEAD, HEADER_ROW, row, SHEET_TAIL])


def far_column(path):
    row = '<row r="2"><c r="XFE2" t="inlineStr"><is><t>x</t></is></c></row>'
    book(path, [SHEET_HEAD, HEADER_ROW, row, SHEET_TAIL])


def huge_declared(path):
    """A small honest workbook plus three parts whose central directory says 400 MiB each."""
    book(path, [SHEET_HEAD, HEADER_ROW, SHEET_TAIL])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        for i in range(3):
            z.writestr(f"xl/media/big{i}.bin", b"")
    data = bytearray(open(path, "rb").read())
    # Patch each central directory record of big*.bin: uncompressed size = 400 MiB.
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        if at < 0:
            break
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46:at + 46 + name_len])
        if name.startswith(b"xl/media/big"):
            struct.pack_into("<I", data, at + 24, 400 << 20)
        at += 4
    open(path, "wb").write(data)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cell_bomb(os.path.join(out, "cell-256mib.xlsx"), 256)
    spaces_bomb(os.path.join(out, "spaces-600mib.xlsx"), 600)
    shared_strings_bomb(os.path.join(out, "shared-strings.xlsx"), 200_000)
    long_cell(os.path.join(out, "long-cell.xlsx"), 40_000)
    shared_amplifier(os.path.join(out, "shared-amplifier.xlsx"), 4_000, 8)
    far_row(os.path.join(out, "far-row.xlsx"))
    far_column(os.path.join(out, "far-column.xlsx"))
    huge_declared(os.path.join(out, "huge-declared.xlsx"))
    if "--big" in sys.argv:
        cell_bomb(os.path.join(out, "cell-1gib.xlsx"), 1024)
        spaces_bomb(os.path.join(out, "spaces-4gib.xlsx"), 4096)


if __name__ == "__main__":
    main()
