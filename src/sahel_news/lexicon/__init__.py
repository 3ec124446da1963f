"""Vocabulary: the data tables as matchers over text."""
