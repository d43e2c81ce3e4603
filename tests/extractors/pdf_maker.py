"""PDFs with a real CJK text layer, made for the tests (reportlab's STSong-Light CID font, as
Council PDFs embed a CID font), and text broken into page-wide lines as a PDF lays it out."""

from __future__ import annotations

from pathlib import Path

from unsckg.extractors.normalise import normalise


def make_cid_pdf(path: Path, lines: list[str]) -> None:
    """A PDF of ``lines`` in reportlab's Chinese CID font (STSong-Light), 56 lines a page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for line in lines:
        if y < 60:
            pdf.showPage()
            y = 800.0
        pdf.setFont("STSong-Light", 10)
        pdf.drawString(40, y, line)
        y -= 14
    pdf.save()


def page_lines(text: str, width: int = 38) -> list[str]:
    """The text's paragraphs broken at a page's width, as a PDF lays them out."""
    out = []
    for line in normalise(text).text.splitlines():
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return out
