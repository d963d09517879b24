// The SWV's contact details on the Mijn kind page (GET /api/contact, set by the beheerder with
// `stroom instelling contact`); when none are set, the parent is told where to ask instead.
import { api } from '../api';
import { t, type TextKey } from '../i18n';
import type { SwvContact } from '../types';
import { el } from './dom';

const FIELDS: Array<[keyof SwvContact, TextKey]> = [
  ['naam', 'contactNaam'],
  ['telefoon', 'contactTelefoon'],
  ['email', 'contactEmail'],
  ['adres', 'contactAdres'],
  ['website', 'contactWebsite'],
];

function value(field: keyof SwvContact, text: string): HTMLElement | string {
  if (field === 'email') return el('a', { href: `mailto:${text}` }, text);
  if (field === 'telefoon') return el('a', { href: `tel:${text.replace(/[^0-9+]/g, '')}` }, text);
  if (field === 'website' && /^https?:\/\//i.test(text)) return el('a', { href: text, rel: 'noopener' }, text);
  return text;
}

export function contactView(contact: SwvContact): HTMLElement {
  const shown = FIELDS.filter(([field]) => contact[field]);
  return el(
    'section',
    { class: 'contact', 'aria-labelledby': 'contact-titel' },
    el('h2', { id: 'contact-titel' }, t('contactTitle')),
    shown.length
      ? el('div', {}, el('p', {}, t('contactIntro')), el('dl', { class: 'contact-list' }, ...shown.flatMap(([field, label]) => [el('dt', {}, t(label)), el('dd', { 'data-veld': field }, value(field, contact[field]!))])))
      : el('p', { class: 'empty' }, t('contactNone')),
  );
}

export async function showContact(target: HTMLElement): Promise<void> {
  try {
    target.append(contactView(await api.contact()));
  } catch {
    target.append(contactView({}));
  }
}
