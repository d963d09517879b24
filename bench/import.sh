#!/usr/bin/env bash
# Import speed: one million inschrijvingen rows (80% of ids a BSN, so HMAC pseudonyms are part
# of the cost), imported by stroom into a fresh database and again (every row unchanged), and
# the same file loaded by SQLite's own CSV import into a table with the same unique key: the
# peer that does no validation, no pseudonyms and no history, i.e. the floor for "a SQLite file".
# Target (issue 2): stroom's fresh import under 10 s on the 2-core reference machine.
#
# Usage: bench/import.sh [ROWS]   (default 1000000; needs a built build/stroom and hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
stroom=$PWD/build/stroom
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -v rows="$rows" 'BEGIN {
  split("bao sbo so vo pro vso isk", setting, " ")
  print "leerling_id;geboortedatum;vestiging_id;onderwijssoort;cluster;niveau;startdatum;einddatum"
  n = 0; base = 10000000
  while (n < rows) {
    base++; id = sprintf("%08d", base % 100000000); sum = 0
    for (i = 1; i <= 8; i++) sum += (10 - i) * substr(id, i, 1)
    if (sum % 11 == 10) continue                     # no ninth digit makes this one pass
    pupil = (n % 5 == 0) ? "L" n : id (sum % 11)     # 80% valid BSNs, 20% other ids
    year = 2015 + n % 10
    end = (n % 3 == 0) ? "" : sprintf("%d-07-31", year + 1 + n % 4)
    printf "%s;%d-%02d-%02d;%02dAB%02d;%s;;;%d-08-01;%s\n", pupil, 2005 + n % 12, 1 + n % 12,
           1 + n % 28, n % 90, n % 7, setting[1 + n % 7], year, end
    n++
  }
}' > "$work/inschrijvingen.csv"
echo "bestand: $rows rijen, $(du -h "$work/inschrijvingen.csv" | cut -f1)"

cat > "$work/peer.sql" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TABLE inschrijvingen (leerling_id TEXT NOT NULL, geboortedatum TEXT, vestiging_id TEXT NOT NULL,
  onderwijssoort TEXT NOT NULL, cluster TEXT, niveau TEXT, startdatum TEXT NOT NULL, einddatum TEXT);
CREATE UNIQUE INDEX inschrijvingen_sleutel ON inschrijvingen (leerling_id, vestiging_id, onderwijssoort, startdatum);
.mode csv
.separator ;
.import --skip 1 $work/inschrijvingen.csv inschrijvingen
SQL

hyperfine --style basic --runs 3 --export-markdown "$work/result.md" \
  --prepare "rm -f $work/s.db $work/s.db-wal $work/s.db-shm $work/s.db.key $work/p.db*" \
  -n "stroom import (nieuwe database)" "$stroom import $work/inschrijvingen.csv --db $work/s.db --rejects $work/r.csv" \
  -n "sqlite3 .import (peer, zonder validatie)" "sqlite3 $work/p.db < $work/peer.sql"
"$stroom" import "$work/inschrijvingen.csv" --db "$work/s.db" --rejects "$work/r.csv" >/dev/null
hyperfine --style basic --runs 3 --export-markdown "$work/again.md" \
  -n "stroom import (opnieuw, alles ongewijzigd)" "$stroom import $work/inschrijvingen.csv --db $work/s.db --rejects $work/r.csv"
cat "$work/result.md" "$work/again.md"
