"""sahel_news: typed, validated, traceable records from plain-text news captures."""
