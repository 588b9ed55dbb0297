"""Reports: the progress report, the delivery report and an owner's delivery summary, as HTML,
PDF, DOCX and ODT. Content is built once as a :class:`~stocktake.reports.document.Report` and
each writer renders it."""
