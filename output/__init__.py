"""thaipr's dataset: the schema, declared once, and everything that writes and reads it."""

import os

# Arrow's default allocator, mimalloc, raised a crawl's peak memory by about 70 MB at 5,000
# records a flush; the system allocator does not, at no cost in CPU (measured on corpus
# batches). Arrow reads this once, when pyarrow loads; a pool the user chose wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
