// One pupil's record (#/leerling/ID): for school (own vestigingen), commissie (pupils with a
// support request) and beheerder. The server decides and logs every read. Opened from the
// Aanvragen page the address names the request (?besluit=ID), which the timeline points out;
// opened from Leerlingen it names the vestiging (?vestiging=ID), so that "back" returns there.
import { api } from '../api';
import { t } from '../i18n';
import { navPages } from '../roles';
import type { PageId } from '../router';
import { el } from '../ui/dom';
import { showPupilRecord } from '../ui/pupil-record';
import type { BaseContext } from './page';

/** Where "back" goes: the list the pupil was opened from, if the role has it. */
export function backLink(pages: readonly PageId[], query: URLSearchParams): { href: string; text: 'backToList' | 'backToRequests' } | null {
  const vestiging = query.get('vestiging');
  const fromRequests = query.has('besluit');
  if (pages.includes('leerlingen') && vestiging) return { href: `#/leerlingen?vestiging=${encodeURIComponent(vestiging)}`, text: 'backToList' };
  if (pages.includes('aanvragen') && fromRequests) return { href: '#/aanvragen', text: 'backToRequests' };
  if (pages.includes('leerlingen')) return { href: '#/leerlingen', text: 'backToList' };
  if (pages.includes('aanvragen')) return { href: '#/aanvragen', text: 'backToRequests' };
  return null;
}

export async function renderLeerling(root: HTMLElement, context: BaseContext): Promise<void> {
  const id = context.subPath;
  const back = backLink(navPages(context.session.rol), context.query);
  if (back) root.append(el('p', { class: 'back' }, el('a', { href: back.href }, `← ${t(back.text)}`)));
  root.append(el('h1', {}, t('leerlingTitle', { id })), el('p', { class: 'intro' }, t('leerlingIntro')));
  const target = el('div', { class: 'record-holder' });
  root.append(target);
  if (!id) return;
  await showPupilRecord(target, () => api.pupil(id), { besluit: context.query.get('besluit') });
}
