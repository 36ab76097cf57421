"""Distributed crawls on scrapy-redis: the add-on that switches them on (addon) and the
leased queue that loses nothing when a worker dies (leases)."""
