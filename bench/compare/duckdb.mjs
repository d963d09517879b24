// DuckDB's side of bench/compare.sh: load the generated CSV files into in-memory DuckDB tables
// (timed on its own, like stroom's store -> model), then time each question's SQL (duckdb/*.sql)
// several times and write its answer in stroom's csv rendering, so the script can compare.
//
// DuckDB reads the CSV files, not stroom's SQLite file: reading SQLite needs DuckDB's sqlite
// extension, which is downloaded at run time, and nothing may be downloaded here. Extension
// auto-install and auto-load are switched off so that cannot happen by accident either.
//
// Usage: node duckdb.mjs --csv DIR --at YYYY-MM-DD --out DIR [--runs N] [--load-only]
// (--load-only: the load and its line only, for compare.sh's repeated load comparison)
// Output (stdout), tab-separated, as bench/measures_bench prints it:
//   load          <ms>         <peak KiB>
//   <question>    <median ms>  <peak KiB>   <min ms>  <max ms>
// Peak = VmHWM of this process during the step, reset before each step via /proc/self/clear_refs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) {
    if (fallback === undefined) throw new Error(`duckdb.mjs: ${name} is required`);
    return fallback;
  }
  return process.argv[i + 1];
}

const csvDir = option('--csv');
const at = option('--at');
const outDir = option('--out');
const runs = Math.max(1, Number(option('--runs', '5')));
const loadOnly = process.argv.includes('--load-only');
if (!/^\d{4}-\d{2}-\d{2}$/.test(at)) throw new Error(`duckdb.mjs: --at ${at} is not YYYY-MM-DD`);

// Resets the resident high-water mark; false where the kernel refuses (then peaks accumulate).
function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakKiB() {
  const match = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+)/m);
  return match ? Number(match[1]) : Math.round(process.memoryUsage().rss / 1024);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// stroom's csv: ';' between fields, NULL as an empty field. The SQL already renders numbers.
function toCsv(reader) {
  const lines = [reader.columnNames().join(';')];
  for (const row of reader.getRows()) lines.push(row.map((v) => (v === null ? '' : String(v))).join(';'));
  return lines.join('\n') + '\n';
}

const sql = (name) => readFileSync(join(here, 'duckdb', `${name}.sql`), 'utf8');

const instance = await DuckDBInstance.create(':memory:', {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
});
const connection = await instance.connect();
const threads = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
const version = (await connection.runAndReadAll('SELECT version()')).getRows()[0][0];

const perStepPeak = resetPeak();
let started = performance.now();
// The load script is several statements; run them one by one, the folder as $dir where used.
for (const statement of sql('load').split(/;\s*\n/).filter((s) => s.replace(/--.*$/gm, '').trim())) {
  await connection.run(statement, statement.includes('$dir') ? { dir: csvDir } : undefined);
}
const loadMs = performance.now() - started;
const loadPeak = peakKiB();
const sizes = (
  await connection.runAndReadAll(
    'SELECT (SELECT count(*) FROM inschrijvingen), (SELECT count(*) FROM verzuim)',
  )
).getRows()[0];
console.log(
  `# duckdb ${version}, ${threads} threads: ${sizes[0]} inschrijvingen, ${sizes[1]} verzuim rows, ${runs} runs; ` +
    `peak = ${perStepPeak ? 'VmHWM during the step (reset per step)' : 'VmHWM of the process so far'}`,
);
console.log(`load\t${loadMs.toFixed(1)}\t${loadPeak}`);
if (loadOnly) process.exit(0);

const questions = [
  ['leerlingen', {}],
  ['stromen', {}],
  ['thuiszitters', { at }],
  ['verblijfsduur', {}],
];
for (const [name, params] of questions) {
  const text = sql(name);
  resetPeak();
  const times = [];
  let answer = '';
  for (let run = 0; run < runs; ++run) {
    started = performance.now();
    const reader = await connection.runAndReadAll(text, params);
    times.push(performance.now() - started);
    if (run === 0) answer = toCsv(reader);
  }
  writeFileSync(join(outDir, `duckdb-${name}.csv`), answer);
  console.log(
    `${name}\t${median(times).toFixed(2)}\t${peakKiB()}\t${Math.min(...times).toFixed(2)}\t${Math.max(...times).toFixed(2)}`,
  );
}
