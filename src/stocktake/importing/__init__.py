"""Getting data in: tabular files, documents and programme exports."""
