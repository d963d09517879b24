// The app shell: header with navigation and the language switch, and the page for the current
// address. Loads /api/info once (the region's dates) and renders the page the hash names.
import './styles.css';
import { api } from './api';
import { getLang, setLang, t, type TextKey } from './i18n';
import { renderLeerlingstromen } from './pages/leerlingstromen';
import { renderMaatboek } from './pages/maatboek';
import { renderOverzicht } from './pages/overzicht';
import type { PageContext, PageRenderer } from './pages/page';
import { renderThuiszitters } from './pages/thuiszitters';
import { renderVoorzieningen } from './pages/voorzieningen';
import { PAGES, type PageId, parseRoute, routeHash } from './router';
import type { RegionInfo } from './types';
import { disposeAllCharts, redrawAllCharts } from './ui/chart-panel';
import { clear, el } from './ui/dom';

const renderers: Record<PageId, PageRenderer> = {
  overzicht: renderOverzicht,
  leerlingstromen: renderLeerlingstromen,
  thuiszitters: renderThuiszitters,
  voorzieningen: renderVoorzieningen,
  maatboek: renderMaatboek,
};

const navKeys: Record<PageId, TextKey> = {
  overzicht: 'navOverzicht',
  leerlingstromen: 'navLeerlingstromen',
  thuiszitters: 'navThuiszitters',
  voorzieningen: 'navVoorzieningen',
  maatboek: 'navMaatboek',
};

let info: RegionInfo | null = null;

function renderShell(app: HTMLElement, current: PageId): HTMLElement {
  clear(app);
  const languageButton = el(
    'button',
    { type: 'button', class: 'language-switch', lang: getLang() === 'nl' ? 'en' : 'nl', 'aria-label': t('switchLanguageLabel') },
    t('switchLanguage'),
  );
  languageButton.addEventListener('click', () => {
    setLang(getLang() === 'nl' ? 'en' : 'nl');
    void render();
  });
  const main = el('main', { id: 'inhoud', tabindex: -1 });
  app.append(
    el(
      'header',
      { class: 'app-header' },
      el('div', { class: 'brand' }, el('a', { href: '#/overzicht', class: 'app-name' }, t('appName')), el('span', { class: 'tagline' }, t('appTagline'))),
      el(
        'nav',
        { class: 'app-nav' },
        ...PAGES.map((page) => el('a', { href: `#/${page}`, 'aria-current': page === current ? 'page' : undefined, 'data-page': page }, t(navKeys[page]))),
      ),
      languageButton,
    ),
    main,
  );
  return main;
}

async function render(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  const route = parseRoute(location.hash);
  disposeAllCharts();
  document.documentElement.lang = getLang();
  const main = renderShell(app, route.page);
  document.title = `${t(navKeys[route.page])} · stroom`;
  if (!info) {
    try {
      info = await api.info();
    } catch (error) {
      main.append(el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')}: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
  }
  const context: PageContext = {
    info,
    query: route.query,
    subPath: route.subPath,
    setQuery(name, value) {
      route.query.set(name, value);
      history.replaceState(null, '', routeHash(route));
    },
  };
  const page = el('div', { class: `page page-${route.page}`, 'data-page': route.page });
  main.append(page);
  await renderers[route.page](page, context);
}

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(redrawAllCharts, 200);
});
window.addEventListener('hashchange', () => {
  void render().then(() => {
    if (!parseRoute(location.hash).subPath) window.scrollTo(0, 0);
  });
});
setLang(getLang());
void render();
