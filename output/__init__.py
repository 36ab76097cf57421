"""thaipr's dataset: the schema, declared once, and everything that writes and reads it."""

import os

# Arrow's allocator. mimalloc, its default, kept about 70 MB more of a crawl's batches;
# glibc's (system) fragments as batches are freed while the crawl's Python objects come and
# go, and a crawl of the whole corpus crept from 380 to 478 MB. jemalloc, as Arrow configures
# it, gives freed pages back at once: 416 MB at the same flush size. Arrow reads this once,
# when pyarrow loads; a pool the user chose wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
