#!/usr/bin/env python3
"""The text of a DOCX or ODT file as a reference reader sees it, one paragraph
per line: python-docx for DOCX, odfpy for ODT (scripts/reference-requirements.txt).

tests/document/reference.rs compares atscan's reading with this one word by
word. Every paragraph is read once, in document order: page headers, the
body (tables and text boxes included), then page footers. Exit status 3 means
the readers are not installed; 4 that the reference reader cannot read the
file (python-docx reads no Strict Office Open XML, for one).

usage: reference_text.py FILE
"""

import sys
import zipfile

try:
    import docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    from odf import opendocument, teletype
    from odf.namespaces import TEXTNS
except ImportError as missing:
    print(f"reference readers not installed: {missing}", file=sys.stderr)
    sys.exit(3)

# Word writes a text box twice: the modern shape and a fallback picture.
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def docx_paragraphs(element, parent):
    for p in element.iter(qn("w:p")):
        if any(ancestor.tag == FALLBACK for ancestor in p.iterancestors()):
            continue
        yield Paragraph(p, parent).text


def read_docx(path):
    document = docx.Document(path)
    parts = []
    for section in document.sections:
        for header in (section.first_page_header, section.header, section.even_page_header):
            if not header.is_linked_to_previous:
                parts.append(header)
    lines = []
    for header in parts:
        lines += docx_paragraphs(header._element, header)
    lines += docx_paragraphs(document.element.body, document)
    for section in document.sections:
        for footer in (section.first_page_footer, section.footer, section.even_page_footer):
            if not footer.is_linked_to_previous:
                lines += docx_paragraphs(footer._element, footer)
    return lines


def odt_paragraphs(node):
    """Each text:p and text:h once: its own text, without paragraphs nested in it."""
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            yield own_text(child)
        yield from odt_paragraphs(child)


def own_text(paragraph):
    pieces = []
    for child in paragraph.childNodes:
        if child.nodeType == child.TEXT_NODE:
            pieces.append(child.data)
        elif child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            continue
        elif child.qname == (TEXTNS, "s"):
            pieces.append(" " * int(child.getAttrNS(TEXTNS, "c") or 1))
        elif child.qname == (TEXTNS, "tab"):
            pieces.append("\t")
        elif child.qname == (TEXTNS, "line-break"):
            pieces.append("\n")
        elif child.qname[0] == TEXTNS:
            pieces.append(own_text(child))
    return "".join(pieces)


def read_odt(path):
    document = opendocument.load(path)
    lines = list(odt_paragraphs(document.masterstyles))
    lines += odt_paragraphs(document.body)
    return lines


def main():
    path = sys.argv[1]
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
    try:
        lines = read_odt(path) if "content.xml" in names else read_docx(path)
    except (KeyError, ValueError, zipfile.BadZipFile) as error:
        print(f"the reference reader cannot read {path}: {error!r}", file=sys.stderr)
        sys.exit(4)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
