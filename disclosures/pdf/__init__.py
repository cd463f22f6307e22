"""The disclosure as a PDF report (WeasyPrint), rendered in the background."""
