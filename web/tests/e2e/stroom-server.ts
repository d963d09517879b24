// Starts a real stroom for the end-to-end tests: `stroom generate` a small region, `stroom import`
// it into a fresh database, create one account per role with `stroom user add … --password-stdin`,
// and `stroom serve` it with the built web app on a free port. The binary is $STROOM_BINARY, else
// ../build/stroom. stop() ends only the server this started.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const webDir = fileURLToPath(new URL('../../', import.meta.url));

export function stroomBinary(): string {
  const binary = process.env.STROOM_BINARY ?? resolve(webDir, '../build/stroom');
  if (!existsSync(binary))
    throw new Error(`stroom binary not found at ${binary}; build it (cmake --build build --target stroom) or set STROOM_BINARY`);
  return binary;
}

/** An account of the test region; the password only ever goes to the CLI on standard input. */
export interface TestUser {
  name: string;
  password: string;
  role: 'beheerder' | 'analist' | 'school' | 'commissie' | 'ouder';
}

export const USERS = {
  beheerder: { name: 'bea', password: 'beheerder-wachtwoord-1', role: 'beheerder' },
  analist: { name: 'ana', password: 'analist-wachtwoord-1', role: 'analist' },
  school: { name: 'school1', password: 'school-wachtwoord-1', role: 'school' },
  commissie: { name: 'cees', password: 'commissie-wachtwoord-1', role: 'commissie' },
  ouder: { name: 'ouder1', password: 'ouder-wachtwoord-1', role: 'ouder' },
  // Only for the test of too many failed logins, so that no other account gets locked.
  geblokkeerd: { name: 'gerrit', password: 'gerrit-wachtwoord-1', role: 'analist' },
} as const satisfies Record<string, TestUser>;

/**
 * The pupil the ouder is linked to and the school can see: a BSN with records in every source (so
 * also a support request, which the commissie can open).
 */
export interface TestChild {
  bsn: string;
  vestiging: string;
}

export interface StroomServer {
  url: string;
  db: string;
  binary: string;
  child: TestChild;
  /** Runs a stroom CLI command against the test database and returns its stdout. */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

function readCsv(path: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const columns = header!.split(';');
  return lines.map((line) => {
    const fields = line.split(';');
    return Object.fromEntries(columns.map((c, i) => [c, fields[i] ?? '']));
  });
}

/** The 11-proef of docs/import.md: 9·d1 + … + 2·d8 − d9 divisible by 11, and not 000000000. */
export function isBsn(id: string): boolean {
  if (!/^\d{9}$/.test(id) || id === '000000000') return false;
  const d = [...id].map(Number);
  const sum = d.slice(0, 8).reduce((total, digit, i) => total + (9 - i) * digit, 0) - d[8]!;
  return sum % 11 === 0;
}

/** A pupil of the generated region with enrolments, a support decision, absence and a waiting list entry. */
function chooseChild(csv: string): TestChild {
  const ids = (file: string) => new Set(readCsv(join(csv, file)).map((r) => r.leerling_id!));
  const support = ids('ondersteuning.csv');
  const absence = ids('verzuim.csv');
  const waiting = ids('wachtlijst.csv');
  const enrolments = readCsv(join(csv, 'inschrijvingen.csv'));
  const byPupil = new Map<string, Array<Record<string, string>>>();
  for (const row of enrolments) byPupil.set(row.leerling_id!, [...(byPupil.get(row.leerling_id!) ?? []), row]);
  for (const [id, rows] of byPupil) {
    if (!isBsn(id) || !support.has(id) || !absence.has(id) || !waiting.has(id)) continue;
    const valid = rows.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.startdatum!) && /^\d{2}[A-Z]{2}\d{2}$/.test(r.vestiging_id!));
    const latest = valid.sort((a, b) => a.startdatum!.localeCompare(b.startdatum!)).at(-1);
    if (latest) return { bsn: id, vestiging: latest.vestiging_id! };
  }
  throw new Error(`no pupil with records in every source in ${csv}`);
}

/** Runs the binary with text on standard input (a password), failing on a non-zero exit. */
function runWithInput(binary: string, args: string[], input: string): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(out) : reject(new Error(`stroom ${args.join(' ')} exited with ${code}: ${err}`))));
    child.stdin.end(input);
  });
}

async function addUsers(binary: string, db: string, child: TestChild): Promise<void> {
  for (const user of Object.values(USERS) as TestUser[]) {
    const extra = user.role === 'school' ? ['--vestiging', child.vestiging] : user.role === 'ouder' ? ['--leerling', child.bsn] : [];
    await runWithInput(binary, ['user', 'add', user.name, '--role', user.role, ...extra, '--db', db, '--password-stdin'], `${user.password}\n`);
  }
}

export async function startStroom(options: { pupils?: number } = {}): Promise<StroomServer> {
  const binary = stroomBinary();
  const dist = join(webDir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('web/dist is missing; run `npm run build` first (npm test does)');
  const dir = mkdtempSync(join(tmpdir(), 'stroom-web-e2e-'));
  const csv = join(dir, 'csv');
  const db = join(dir, 'stroom.db');
  await run(binary, ['generate', '--out', csv, '--pupils', String(options.pupils ?? 20000), '--from', '2018', '--to', '2025', '--seed', '1']);
  try {
    await run(binary, ['import', csv, '--db', db, '--rejects', join(dir, 'afgewezen.csv')]);
  } catch (error) {
    // Exit status 3 means "imported, with rejected rows" (see the Makefile's demo target).
    if ((error as { code?: number }).code !== 3) throw error;
  }
  const child = chooseChild(csv);
  await addUsers(binary, db, child);
  const server: ChildProcess = spawn(binary, ['serve', '--db', db, '--port', '0', '--web', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`stroom serve did not start in 15 s:\n${out}\n${log}`)), 15_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/[\d.]+:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(`http://127.0.0.1:${match[1]}/`);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stroom serve exited with ${code}:\n${out}\n${log}`));
    });
  });
  return {
    url,
    db,
    binary,
    child,
    cli: async (...args: string[]) => (await run(binary, [...args, '--db', db])).stdout,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once('exit', done));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
