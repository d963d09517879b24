// What every browser test does with the app: log in and out through the login form, open a route
// and wait until no chart is loading, find a chart's panel and download its CSV. One place, so the
// test files differ only in what they check.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestUser } from './stroom-server';

/** The whole region (PO and VO added, `regio=heel`), for tests that compare with unselected API answers. */
export function wholeRegion(route: string): string {
  return `${route}${route.includes('?') ? '&' : '?'}regio=heel`;
}

export class PageDriver {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Collects the page's uncaught errors and console errors (less the expected 401s) into errors. */
  collectErrors(errors: string[]): void {
    this.page.on('pageerror', (error) => errors.push(error.message));
    this.page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text());
    });
  }

  /** The address of a route (`overzicht?swv=PO9901`), or of the app itself for ''. */
  url(route = ''): string {
    return new URL(route ? `#/${route}` : '', this.baseUrl).toString();
  }

  /** Logs out whoever is logged in; nothing when nobody is. */
  async logout(): Promise<void> {
    if ((await this.page.locator('button.logout').count()) === 0) return;
    await this.page.click('button.logout');
    await this.page.waitForSelector('#login-gebruiker');
  }

  /** Logs out whoever is logged in, then logs user in on the login form. */
  async login(user: TestUser): Promise<void> {
    await this.logout();
    await this.page.waitForSelector('#login-gebruiker');
    await this.page.fill('#login-gebruiker', user.name);
    await this.page.fill('#login-wachtwoord', user.password);
    await this.page.click('button.login-submit');
    await this.page.waitForSelector('.user-menu');
  }

  /** Opens the route (login page or page) and logs user in there. */
  async loginAs(user: TestUser, route = ''): Promise<void> {
    await this.page.goto(this.url(route));
    await this.page.waitForSelector('#login-gebruiker, .user-menu');
    await this.login(user);
  }

  /** Waits until a page is shown and none of its charts is loading any more. */
  async settle(timeout = 30_000): Promise<void> {
    await this.page.waitForSelector('.page');
    await this.page.waitForFunction(() => document.querySelectorAll('.panel[data-state="loading"]').length === 0, null, { timeout });
  }

  /** Opens a route and waits until no chart is loading. */
  async open(route: string): Promise<void> {
    await this.page.goto(this.url(route));
    await this.settle();
  }

  panel(grafiek: string) {
    return this.page.locator(`.panel[data-grafiek="${grafiek}"]`);
  }

  /** The file a chart's CSV button downloads: its name and text. */
  async downloadCsv(grafiek: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.panel(grafiek).locator('button.download-csv').click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }
}
