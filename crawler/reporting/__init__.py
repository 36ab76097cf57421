"""What a crawl tells its user: the live progress line and closing summary (progress,
live_line), Scrapy's item log lines (logformat), and peak memory (memory)."""
