"""A replica of the PRD platform on loopback, for tests, benchmarks and `make demo`: the
sites and their articles (catalog, stories, samples), their pages (pages), broken-server
answers (faults) and the HTTP server (server)."""
