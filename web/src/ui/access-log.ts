// "Wie heeft de gegevens van uw kind bekeken?": the audit log about the parent's child as the
// server gives it to the parent (GET /api/mijn-kind/inzage): when, who by role and organisation,
// and what was done; a staff member's name only when the SWV chose to show it.
import { api } from '../api';
import { formatTimestamp } from '../format';
import { getLang, t } from '../i18n';
import type { AccessLog } from '../types';
import { el } from './dom';

export function accessLogView(log: AccessLog): HTMLElement {
  const lang = getLang();
  const withNames = log.regels.some((r) => r.naam);
  const header = [t('accessWhen'), t('accessWho'), ...(withNames ? [t('accessName')] : []), t('accessWhat')];
  return el(
    'section',
    { class: 'access-log', 'aria-labelledby': 'inzage-titel' },
    el('h2', { id: 'inzage-titel' }, t('accessTitle')),
    el('p', {}, t('accessIntro')),
    log.regels.length
      ? el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            { class: 'data-table access-table' },
            el('caption', { class: 'visually-hidden' }, t('accessTitle')),
            el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))),
            el(
              'tbody',
              {},
              ...log.regels.map((r) =>
                el('tr', {}, el('td', {}, formatTimestamp(r.tijdstip, lang)), el('td', {}, r.wie), ...(withNames ? [el('td', {}, r.naam ?? '–')] : []), el('td', {}, r.wat)),
              ),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t('accessEmpty')),
    log.regels.length >= log.maximaal ? el('p', { class: 'note-limit' }, t('accessLimit', { aantal: String(log.maximaal) })) : null,
  );
}

export async function showAccessLog(target: HTMLElement): Promise<void> {
  try {
    target.append(accessLogView(await api.myChildAccess()));
  } catch (error) {
    target.append(el('p', { class: 'error', role: 'alert' }, `${t('errorPrefix')}: ${error instanceof Error ? error.message : String(error)}`));
  }
}
