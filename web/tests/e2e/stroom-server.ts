// Starts a real stroom for the end-to-end tests: `stroom generate` a small region, `stroom import`
// it into a fresh database, and `stroom serve` it with the built web app on a free port. The
// binary is $STROOM_BINARY, else ../build/stroom. stop() ends only the server this started.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

export interface StroomServer {
  url: string;
  db: string;
  binary: string;
  /** Runs a stroom CLI command against the test database and returns its stdout. */
  cli(...args: string[]): Promise<string>;
  stop(): Promise<void>;
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
