"""Importing CSV, XLSX and ODS files of one kind of row (organisations … observations).

``service.tabular_import`` is the entry point; the CLI and the upload page both call it.
"""
