"""The exit statuses every `thaipr` command shares (`thaipr --help` lists them)."""

EXIT_OK = 0  # done
EXIT_PARTIAL = 1  # done, but some pages failed, or a crawl was stopped early
EXIT_USAGE = 2  # bad usage or input: one line on stderr says what and what to do
EXIT_NO_CRAWL = 3  # could not crawl: dataset busy, server unreachable, nothing fetched
EXIT_INTERRUPTED = 130  # stopped at once by Ctrl-C
