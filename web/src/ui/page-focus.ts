// Keyboard and screen-reader users on a single-page app: the skip link ("Naar de inhoud", the
// first stop in the tab order) and, after a navigation, the focus on the new page's heading with
// its name said in a polite live region. Without this a hash change leaves the focus on the link
// just clicked (now gone) and a screen reader says nothing about the new page.
import { t } from '../i18n';
import { el } from './dom';

/** The first element of the shell: skips the header and the navigation to the page's content. */
export function skipLink(main: HTMLElement): HTMLElement {
  const link = el('a', { class: 'skip-link', href: '#inhoud' }, t('skipToContent'));
  // The address is the router's (#/page): following "#inhoud" would open another page.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    focusHeading(main);
  });
  return link;
}

/** The live region outside #app, so it survives every render (a new region is not announced). */
function liveRegion(): HTMLElement {
  let region = document.getElementById('pagina-melding');
  if (!region) {
    region = el('p', { id: 'pagina-melding', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  return region;
}

/** Focuses the first h1 under root (made focusable, not tabbable), else root itself. */
export function focusHeading(root: HTMLElement): HTMLElement {
  const heading = root.querySelector<HTMLElement>('h1') ?? root;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
  return heading;
}

/** After a navigation: the focus on the page's heading, and its title announced. */
export function announcePage(root: HTMLElement): void {
  const heading = focusHeading(root);
  const region = liveRegion();
  // Emptied first, so the same title after a change of language or choice is said again.
  region.textContent = '';
  const titel = heading.textContent?.trim() || document.title;
  requestAnimationFrame(() => (region.textContent = t('pageOpened', { titel })));
}
