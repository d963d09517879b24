// The "Wat betekenen de woorden?" section of the Mijn kind page: a visible definition list of the
// terms the record uses (glossary.ts), so a parent reads what bao, TLV or brug means without
// hovering or leaving the page.
import { glossaryEntries } from '../glossary';
import { t } from '../i18n';
import { el } from './dom';

export function glossaryList(terms: readonly string[]): HTMLElement {
  const entries = glossaryEntries(terms);
  return el(
    'section',
    { class: 'glossary', 'aria-labelledby': 'begrippen-titel' },
    el('h2', { id: 'begrippen-titel' }, t('glossaryTitle')),
    el('p', {}, t('glossaryIntro')),
    el('dl', { class: 'glossary-list' }, ...entries.flatMap((e) => [el('dt', { 'data-term': e.term }, e.label), el('dd', {}, e.text)])),
  );
}
