// Paging controls for a pupil list (the server sends 100 rows a page and writes one audit entry
// per page shown): "Vorige", "Pagina N van M", "Volgende". Only the pages that exist are offered.
import { formatNumber } from '../format';
import { getLang, t } from '../i18n';
import type { PupilPage } from '../types';
import { el } from './dom';

/** The page to ask for, from the address: a whole number from 1, else 1. */
export function pageFromQuery(value: string | null): number {
  const page = Number(value ?? '');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The pages next to this one, or null where there is none. */
export function neighbours(page: Pick<PupilPage<unknown>, 'pagina' | 'paginas'>): { previous: number | null; next: number | null } {
  return { previous: page.pagina > 1 ? page.pagina - 1 : null, next: page.pagina < page.paginas ? page.pagina + 1 : null };
}

export function pager(page: PupilPage<unknown>, onPage: (pagina: number) => void): HTMLElement {
  const lang = getLang();
  const { previous, next } = neighbours(page);
  const button = (label: string, target: number | null, rel: string) => {
    const b = el('button', { type: 'button', class: `page-${rel}`, disabled: target === null }, label);
    if (target !== null) b.addEventListener('click', () => onPage(target));
    return b;
  };
  return el(
    'nav',
    { class: 'pager toolbar', 'aria-label': t('pageOf', { pagina: formatNumber(page.pagina, lang), paginas: formatNumber(page.paginas, lang) }) },
    button(`← ${t('pagePrevious')}`, previous, 'previous'),
    el('span', { class: 'page-of', role: 'status' }, t('pageOf', { pagina: formatNumber(page.pagina, lang), paginas: formatNumber(page.paginas, lang) })),
    button(`${t('pageNext')} →`, next, 'next'),
  );
}
