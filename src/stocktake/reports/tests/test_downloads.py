"""Reports downloaded from the programme, organisation and person pages, as the access
policy allows: visitors are asked to sign in, a programme's reports are for who may export
it, and a summary holds only the commitments its reader may see."""

from __future__ import annotations

from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.reports.tests.conftest import Register
from stocktake.reports.tests.reading import docx_paragraphs

PASSWORD = "Lamp-Post-Sorting-42"


def _client(role: Role, organisations: tuple = ()) -> Client:
    user = user_create(
        username=f"reader-{role}", password=PASSWORD, role=role, organisations=organisations
    )
    client = Client()
    client.force_login(user)
    return client


def test_the_programme_page_links_to_both_reports_in_every_format(register: Register) -> None:
    page = _client(Role.ANALYST).get("/programmes/man/").content.decode()
    for kind in ("progress", "delivery"):
        for format in ("pdf", "docx", "odt", "html"):
            assert f'href="/programmes/man/{kind}-report.{format}"' in page
    assert "of the delivery report for Manifesto</span>" in page


def test_an_analyst_downloads_the_delivery_report_as_pdf_and_reads_it_as_html(
    register: Register,
) -> None:
    analyst = _client(Role.ANALYST)
    pdf = analyst.get("/programmes/man/delivery-report.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith('attachment; filename="delivery-report-man-')
    assert pdf.content.startswith(b"%PDF-")
    html = analyst.get("/programmes/man/progress-report.html")
    assert html["Content-Disposition"].startswith("inline;")
    assert "Progress report: Manifesto" in html.content.decode()


def test_visitors_sign_in_and_unknown_reports_are_not_found(register: Register) -> None:
    visitor = Client()
    assert visitor.get("/programmes/man/delivery-report.pdf").status_code == 404  # unpublished
    asked = visitor.get("/organisations/DH/summary.pdf")
    assert asked.status_code == 302
    assert "next=/organisations/DH/summary.pdf" in asked["Location"]
    analyst = _client(Role.ANALYST)
    assert analyst.get("/programmes/man/pack-report.pdf").status_code == 404
    assert analyst.get("/programmes/man/delivery-report.rtf").status_code == 404
    assert analyst.get("/organisations/NOPE/summary.pdf").status_code == 404


def test_a_department_viewer_gets_summaries_of_what_it_sees_not_the_whole_programme(
    register: Register,
) -> None:
    viewer = _client(Role.VIEWER, (register.schools,))
    assert viewer.get("/programmes/man/delivery-report.pdf").status_code == 403
    page = viewer.get("/organisations/DH/").content.decode()
    assert 'href="/organisations/DH/summary.docx"' in page
    summary = viewer.get("/organisations/DH/summary.docx")
    assert summary.status_code == 200
    paragraphs = docx_paragraphs(summary.content)
    assert any("leads 1 and supports 0 of the 1 commitments" in p for p in paragraphs)


def test_a_persons_summary_downloads_from_their_page(register: Register) -> None:
    analyst = _client(Role.ANALYST)
    href = f"/people/{register.minister.pk}/summary.odt"
    assert f'href="{href}"' in analyst.get(f"/people/{register.minister.pk}/").content.decode()
    odt = analyst.get(href)
    assert odt["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert odt["Content-Disposition"].endswith('.odt"')
