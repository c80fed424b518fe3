"""Small real PDFs for the tests, written with pypdf: Chinese text in a Type 0 font whose
ToUnicode map lets any reader (pypdf included) take the text out again."""

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, TextStringObject


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.set_data(data.encode())
    return writer._add_object(stream)


def _to_unicode(chars):
    """A CMap taking each two-byte code (the character's own code point) to that character."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        f"{len(chars)} beginbfchar",
        *(f"<{ord(char):04X}> <{ord(char):04X}>" for char in chars),
        "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ]
    return "\n".join(lines)


def pdf_with_pages(pages):
    """A PDF with one page per text; the lines of a text are lines on its page."""
    writer = PdfWriter()
    chars = sorted({char for text in pages for char in text if char != "\n"})
    name = lambda value: NameObject(value)  # noqa: E731
    descendant = DictionaryObject(
        {
            name("/Type"): name("/Font"),
            name("/Subtype"): name("/CIDFontType2"),
            name("/BaseFont"): name("/STSong-Light"),
            name("/CIDSystemInfo"): DictionaryObject(
                {
                    name("/Registry"): TextStringObject("Adobe"),
                    name("/Ordering"): TextStringObject("Identity"),
                    name("/Supplement"): NumberObject(0),
                }
            ),
        }
    )
    font = writer._add_object(
        DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/Type0"),
                name("/BaseFont"): name("/STSong-Light"),
                name("/Encoding"): name("/Identity-H"),
                name("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
                name("/ToUnicode"): _stream(writer, _to_unicode(chars)),
            }
        )
    )
    for text in pages:
        page = writer.add_blank_page(width=595, height=842)
        shown = [
            f"BT /F1 12 Tf 72 {770 - 16 * row} Td <{''.join(f'{ord(char):04X}' for char in line)}> Tj ET"
            for row, line in enumerate(text.split("\n"))
        ]
        page[name("/Contents")] = _stream(writer, "\n".join(shown))
        page[name("/Resources")] = DictionaryObject({name("/Font"): DictionaryObject({name("/F1"): font})})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
