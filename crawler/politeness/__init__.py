"""How the crawl treats the sites: one rate per backend, robots.txt's Crawl-delay and
Retry-After honoured (delays), that rate shared by every worker (shared_rate), and no
request outside the configured hosts (fence)."""
