// Debian's chromium through playwright-core, never a downloaded browser: headless, no network
// services, a fresh profile per run. CHROMIUM overrides the path (default /usr/bin/chromium).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`chromium not found at ${executablePath}: apt-get install chromium (scripts/setup does), or set CHROMIUM`);
  const profile = mkdtempSync(join(tmpdir(), 'stroom-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 900 },
    locale: 'nl-NL',
    // West of Greenwich on purpose: calendar dates must not slip to the day before.
    timezoneId: 'America/Los_Angeles',
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
