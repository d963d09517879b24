// The app shell: the session (login page until /api/sessie or /api/login says who is there), the
// header with the role's navigation, the user, "Uitloggen" and the language switch, and the page
// for the current address. A 401 from any request shows the login page again; the address is kept,
// so after logging in the user is back on the page they were on.
import './styles.css';
import { api, ApiError, askMeasuresAhead, setUnauthorizedHandler, takeAskedMeasures } from './api';
import { getLang, roleLabel, setLang, t, type TextKey } from './i18n';
import { type BaseContext, errorText, type PageRenderer, type PersonPageRenderer } from './pages/page';
import { homePage, isMeasurePage, mayOpen, type MeasurePageId, navPages } from './roles';
import { type PageId, parseRoute, routeHash } from './router';
import { currentSession, endSession, startSession } from './session';
import type { RegionInfo, Session } from './types';
import { disposeAllCharts, redrawAllCharts } from './ui/chart-panel';
import { clear, el } from './ui/dom';
import { loginForm } from './ui/login-form';
import { announcePage, skipLink } from './ui/page-focus';
import { prefetchVega } from './ui/vega-loader';
import { askedBefore, dropSnapshots, hasAnySnapshot, pageHasSnapshots, rememberAsked } from './ui/chart-snapshot';
import { prepareSelection } from './ui/selection-bar';

// Each page is a chunk of its own, fetched when it is first opened: a page loads only what it
// draws (and Vega only with a chart, ui/vega-loader.ts).
const measureRenderers: Record<MeasurePageId, () => Promise<PageRenderer>> = {
  overzicht: () => import('./pages/overzicht').then((m) => m.renderOverzicht),
  leerlingstromen: () => import('./pages/leerlingstromen').then((m) => m.renderLeerlingstromen),
  thuiszitters: () => import('./pages/thuiszitters').then((m) => m.renderThuiszitters),
  voorzieningen: () => import('./pages/voorzieningen').then((m) => m.renderVoorzieningen),
  inzicht: () => import('./pages/inzicht').then((m) => m.renderInzicht),
  maatboek: () => import('./pages/maatboek').then((m) => m.renderMaatboek),
};

const personRenderers: Record<Exclude<PageId, MeasurePageId>, () => Promise<PersonPageRenderer>> = {
  kind: () => import('./pages/kind').then((m) => m.renderKind),
  leerlingen: () => import('./pages/leerlingen').then((m) => m.renderLeerlingen),
  leerling: () => import('./pages/leerling').then((m) => m.renderLeerling),
  aanvragen: () => import('./pages/aanvragen').then((m) => m.renderAanvragen),
  logboek: () => import('./pages/logboek').then((m) => m.renderLogboek),
};

const navKeys: Record<PageId, TextKey> = {
  overzicht: 'navOverzicht',
  leerlingstromen: 'navLeerlingstromen',
  thuiszitters: 'navThuiszitters',
  voorzieningen: 'navVoorzieningen',
  inzicht: 'navInzicht',
  maatboek: 'navMaatboek',
  kind: 'navKind',
  leerlingen: 'navLeerlingen',
  leerling: 'navLeerling',
  aanvragen: 'navAanvragen',
  logboek: 'navLogboek',
};

let info: RegionInfo | null = null;
/** Shown above the login form: why the user is there (session ended, server unreachable). */
let loginNotice: string | undefined;
/** Each render gets a number; an older one that is still loading stops when it sees a newer one. */
let generation = 0;

function languageButton(): HTMLElement {
  const button = el(
    'button',
    { type: 'button', class: 'language-switch', lang: getLang() === 'nl' ? 'en' : 'nl', 'aria-label': t('switchLanguageLabel') },
    t('switchLanguage'),
  );
  button.addEventListener('click', () => {
    setLang(getLang() === 'nl' ? 'en' : 'nl');
    void render();
  });
  return button;
}

function userMenu(session: Session): HTMLElement {
  const status = el('span', { class: 'logout-status', role: 'alert' });
  const button = el('button', { type: 'button', class: 'logout' }, t('logout'));
  button.addEventListener('click', () => {
    button.disabled = true;
    void logout().catch((error: unknown) => {
      button.disabled = false;
      status.textContent = errorText(error);
    });
  });
  return el(
    'div',
    { class: 'user-menu', role: 'group', 'aria-label': t('userMenuLabel') },
    el('span', { class: 'user-who' }, `${t('loggedInAs')} `, el('strong', { class: 'user-name' }, session.gebruiker), ' ', el('span', { class: 'user-role' }, `(${roleLabel(session.rol)})`)),
    button,
    status,
  );
}

function renderShell(app: HTMLElement, session: Session | null, current: PageId | null): HTMLElement {
  clear(app);
  const home = session ? homePage(session.rol) : null;
  const main = el('main', { id: 'inhoud', tabindex: -1 });
  app.append(
    skipLink(main),
    el(
      'header',
      { class: 'app-header' },
      el(
        'div',
        { class: 'brand' },
        el('a', { href: home ? `#/${home}` : '#/', class: 'app-name' }, t('appName')),
        el('span', { class: 'tagline' }, t('appTagline')),
      ),
      session
        ? el(
            'nav',
            { class: 'app-nav' },
            ...navPages(session.rol).map((page) =>
              el('a', { href: `#/${page}`, 'aria-current': page === current ? 'page' : undefined, 'data-page': page }, t(navKeys[page])),
            ),
          )
        : null,
      session ? userMenu(session) : null,
      languageButton(),
    ),
    main,
  );
  return main;
}

function renderLogin(app: HTMLElement): void {
  const main = renderShell(app, null, null);
  main.classList.add('login-main');
  document.title = `${t('loginTitle')} · stroom`;
  main.append(
    loginForm({
      notice: loginNotice,
      onLogin: (session) => {
        startSession(session);
        loginNotice = undefined;
        info = null;
        void render(true);
      },
    }),
  );
  document.getElementById('login-gebruiker')?.focus();
}

/** Draws the shell and the page of the address; moveFocus after a navigation (page-focus.ts). */
async function render(moveFocus = false): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  const mine = ++generation;
  disposeAllCharts();
  document.documentElement.lang = getLang();
  const session = currentSession();
  if (!session) {
    renderLogin(app);
    return;
  }
  let route = parseRoute(location.hash);
  if (!mayOpen(route.page, session.rol)) {
    const home = homePage(session.rol);
    if (home) {
      history.replaceState(null, '', `#/${home}`);
      route = parseRoute(`#/${home}`);
    }
  }
  const allowed = mayOpen(route.page, session.rol);
  const main = renderShell(app, session, route.page);
  document.title = `${t(navKeys[route.page])} · stroom`;
  if (!allowed) {
    main.append(el('p', { class: 'error', role: 'alert' }, t('noPagesForRole', { rol: session.rol })));
    return;
  }
  const base: BaseContext = {
    session,
    query: route.query,
    subPath: route.subPath,
    setQuery(name, value) {
      if (value) route.query.set(name, value);
      else route.query.delete(name);
      history.replaceState(null, '', routeHash(route));
    },
  };
  const page = el('div', { class: `page page-${route.page}`, 'data-page': route.page });
  // The page appears (and its renderer starts) only once its chunk and the region are loaded,
  // in one go, so that `.page` is never there without its heading and panels.
  const shown = (): void => {
    if (moveFocus) announcePage(page);
  };
  const failed = (error: unknown): void => {
    if (mine === generation) main.append(el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')}: ${errorText(error)}`));
  };
  if (!isMeasurePage(route.page)) {
    let renderPerson: PersonPageRenderer;
    try {
      renderPerson = await personRenderers[route.page]();
    } catch (error) {
      return failed(error);
    }
    if (mine !== generation) return;
    main.append(page);
    const done = renderPerson(page, base);
    shown();
    await done;
    return;
  }
  // Vega is fetched and evaluated while the page's chunk, the region and the selection load, not
  // after them (the Maatboek draws no chart); but not ahead of charts this tab drew before, which
  // are shown from their copies first (ui/chart-snapshot.ts) and made live when the browser is idle.
  if (route.page !== 'maatboek' && !pageHasSnapshots(route.page)) prefetchVega();
  // The selection bar (SWV, sector, …) on the pages that draw measures: set before the page renders.
  let renderMeasure: PageRenderer;
  let selectionBar: HTMLElement | null;
  try {
    [renderMeasure, info, selectionBar] = await Promise.all([
      measureRenderers[route.page](),
      info ?? api.info(),
      route.page === 'maatboek' ? Promise.resolve(null) : prepareSelection(session, route),
    ]);
  } catch (error) {
    return failed(error);
  }
  if (mine !== generation) return;
  main.append(page);
  takeAskedMeasures(); // what was asked before this page (ahead of it, or by the last page)
  const done = renderMeasure(page, { ...base, info });
  rememberAsked(route.page, takeAskedMeasures());
  if (selectionBar) {
    const heading = page.querySelector(':scope > .intro') ?? page.querySelector(':scope > h1');
    if (heading) heading.after(selectionBar);
    else page.prepend(selectionBar);
  }
  shown();
  await done;
}

async function logout(): Promise<void> {
  try {
    await api.logout();
  } catch (error) {
    // 401: the session had already ended, which is what was asked. Anything else (403: no valid
    // CSRF token) leaves the server's session alive, so the user must not be told it is over.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  endSession();
  dropSnapshots();
  info = null;
  loginNotice = undefined;
  // The address may name a pupil; the next person at this screen starts from the beginning.
  history.replaceState(null, '', location.pathname + location.search);
  await render();
}

setUnauthorizedHandler(() => {
  if (!currentSession()) return; // already on the login page (or still starting)
  endSession();
  dropSnapshots();
  info = null;
  loginNotice = t('loginExpired');
  void render();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawAllCharts, 200);
});
window.addEventListener('hashchange', () => {
  if (!currentSession()) return; // the login form stays; after the login the new address is shown
  void render(true).then(() => {
    if (!parseRoute(location.hash).subPath) window.scrollTo(0, 0);
  });
});

/**
 * A chart page loaded again in a tab whose session drew charts: what the page needs besides the
 * session (its chunk, the region, the selection choices, the vestigingen' names, the measures it
 * asked last time, and Vega unless the page's charts come from their copies) is asked beside
 * /api/sessie instead of after it. Should the session have
 * ended, these get a 401 that is ignored, and the login page is shown as always.
 */
function askBesideSession(page: PageId): Promise<RegionInfo | null> {
  if (!hasAnySnapshot() || !isMeasurePage(page)) return Promise.resolve(null);
  void measureRenderers[page]().catch(() => undefined);
  // In the order the page needs them: the region and the selection choices to render it, then its data.
  const info = api.info().catch(() => null);
  if (page !== 'maatboek') void api.selectie().catch(() => undefined);
  askMeasuresAhead(askedBefore(page));
  if (page !== 'maatboek') {
    void api.vestigingen().catch(() => undefined);
    if (!pageHasSnapshots(page)) prefetchVega();
  }
  return info;
}

async function start(): Promise<void> {
  setLang(getLang());
  // The session first: a browser has six connections to a server, and the page's other requests
  // (askBesideSession) are needed only after it.
  const session = api.session();
  const early = askBesideSession(parseRoute(location.hash).page);
  try {
    startSession(await session);
    info = await early;
  } catch (error) {
    // 401: nobody is logged in, the ordinary start. Anything else is worth saying on the login page.
    if (!(error instanceof ApiError && error.status === 401)) loginNotice = errorText(error);
    else dropSnapshots();
  }
  await render();
}

void start();
