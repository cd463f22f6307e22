"""Helpers that tests share (URL configurations, data builders); no tests here."""
