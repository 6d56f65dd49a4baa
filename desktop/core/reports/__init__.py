"""Reports: report types built from analytics into a format-neutral document, rendered to
JSON, CSV, HTML, PDF or Excel, and scheduled runs with catch-up."""
