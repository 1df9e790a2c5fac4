"""The printable robbery folder: an A4 PDF per language, with its text, language, numbers and a QR
code that leads to the page online."""
from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from preventiewijzer.folders import folder_file_name, folder_pages
from preventiewijzer.urls import page_url

LANGS = {"nl": "nl", "en": "en", "ber": "rif"}
A4_POINTS = (595, 842)


def folder(built_site, tree, lang):
    page = next(p for p in folder_pages(tree) if p.lang == lang)
    path = built_site / lang / page.relative_path.removesuffix(".md") / folder_file_name(page)
    return page, PdfReader(path)


@pytest.mark.parametrize("lang", LANGS)
def test_folder_is_one_a4_page_in_its_language(built_site, tree, lang):
    page, pdf = folder(built_site, tree, lang)
    assert len(pdf.pages) == 1, "the folder must fit on one printable page"
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    assert pdf.trailer["/Root"]["/Lang"] == LANGS[lang]
    text = " ".join(pdf.pages[0].extract_text().split())
    assert " ".join(page.meta["title"].split()) in text
    for key in tree.settings.folder_numbers:
        number = tree.facts["phone"][key]["number"]
        assert number in text, f"{number} missing from the {lang} folder"


@pytest.mark.parametrize("lang", LANGS)
def test_folder_qr_code_leads_to_the_page_in_the_same_language(built_site, tree, lang):
    page, pdf = folder(built_site, tree, lang)
    decoded = []
    for image in pdf.pages[0].images:
        picture = Image.open(io.BytesIO(image.data)).convert("L")
        decoded += [result.text for result in zxingcpp.read_barcodes(picture)]
    assert decoded == [page_url(lang, page.relative_path)]


def test_folder_page_links_to_its_pdf(built_site, tree):
    for page in folder_pages(tree):
        html = (built_site / page.lang / page.relative_path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        assert f'href="{folder_file_name(page)}"' in html
