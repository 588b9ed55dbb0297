"""The routines' pages, one module per resource."""
