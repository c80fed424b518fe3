"""Small real PDFs in Chinese for the demo's submissions (and the tests' galleys), written with pypdf: the text uses
Adobe's standard Chinese font STSong-Light (every PDF reader has it or a substitute, so nothing
is embedded) in the UniGB-UCS2-H encoding, whose codes are the characters' own code points; a
ToUnicode map lets readers copy and search the text."""

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, TextStringObject


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.set_data(data.encode())
    return writer._add_object(stream)


def _to_unicode(chars):
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        f"{len(chars)} beginbfchar",
        *(f"<{ord(char):04X}> <{ord(char):04X}>" for char in chars),
        "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
    ]
    return "\n".join(lines)


def pdf_with_lines(lines):
    """A one-page A4 PDF with ``lines`` (characters of the Basic Multilingual Plane), 12 pt."""
    return pdf_with_pages(["\n".join(lines)])


def pdf_with_pages(pages):
    """An A4 PDF with one page per text, the text's lines as lines on its page, 12 pt."""
    writer = PdfWriter()
    chars = sorted({char for text in pages for char in text if char != "\n"})
    name = NameObject
    descendant = DictionaryObject(
        {
            name("/Type"): name("/Font"),
            name("/Subtype"): name("/CIDFontType0"),
            name("/BaseFont"): name("/STSong-Light"),
            name("/CIDSystemInfo"): DictionaryObject(
                {
                    name("/Registry"): TextStringObject("Adobe"),
                    name("/Ordering"): TextStringObject("GB1"),
                    name("/Supplement"): NumberObject(2),
                }
            ),
            name("/FontDescriptor"): writer._add_object(
                DictionaryObject(
                    {
                        name("/Type"): name("/FontDescriptor"),
                        name("/FontName"): name("/STSong-Light"),
                        name("/Flags"): NumberObject(6),
                        name("/FontBBox"): ArrayObject([NumberObject(n) for n in (-25, -254, 1000, 880)]),
                        name("/ItalicAngle"): NumberObject(0),
                        name("/Ascent"): NumberObject(880),
                        name("/Descent"): NumberObject(-120),
                        name("/CapHeight"): NumberObject(880),
                        name("/StemV"): NumberObject(93),
                    }
                )
            ),
        }
    )
    font = writer._add_object(
        DictionaryObject(
            {
                name("/Type"): name("/Font"),
                name("/Subtype"): name("/Type0"),
                name("/BaseFont"): name("/STSong-Light-UniGB-UCS2-H"),
                name("/Encoding"): name("/UniGB-UCS2-H"),
                name("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
                name("/ToUnicode"): _stream(writer, _to_unicode(chars)),
            }
        )
    )
    for text in pages:
        page = writer.add_blank_page(width=595, height=842)
        shown = [
            f"BT /F1 12 Tf 72 {770 - 18 * row} Td <{''.join(f'{ord(char):04X}' for char in line)}> Tj ET"
            for row, line in enumerate(text.split("\n"))
        ]
        page[name("/Contents")] = _stream(writer, "\n".join(shown))
        page[name("/Resources")] = DictionaryObject({name("/Font"): DictionaryObject({name("/F1"): font})})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
