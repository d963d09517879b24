-- Session settings for every peer run: the whole file fits in the page cache (8 GB allowed), the
-- file is memory-mapped, sorts and temporary b-trees stay in memory, and the sorter may use both
-- cores. Output in stroom's csv form: ';' separated with a header line, NULL as an empty field.
.output /dev/null
PRAGMA cache_size = -8000000;
PRAGMA mmap_size = 17179869184;
PRAGMA temp_store = MEMORY;
PRAGMA threads = 2;
.output stdout
.mode list
.separator ;
.headers on
.nullvalue ''
