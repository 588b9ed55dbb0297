"""Charts drawn on the server as SVG, so they show without JavaScript and print in documents.

Every chart is a :class:`.svg.Chart`: a title, a text summary, the SVG (``role="img"``, labelled
by its own ``<title>`` and ``<desc>``) and the numbers behind it as ``govukTable`` parameters;
``web/charts.html`` renders all four together. Lines differ in dash pattern and points in shape
as well as colour, and every colour keeps 3:1 contrast with the white background.
"""
