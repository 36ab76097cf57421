"""What the crawl remembers between runs: the state store of fetched and stored pages
(store) and the conditional GETs it makes incremental crawls of (incremental)."""
