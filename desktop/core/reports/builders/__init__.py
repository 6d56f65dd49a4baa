"""One builder per report type: analytics in, document sections out."""
