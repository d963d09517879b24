// Mijn kind (ouder): the one child linked to the parent's account, as a timeline and lists, with
// every term explained, the SWV's contact details and who looked at the child's data. The record
// comes from GET /api/mijn-kind, which carries no internal id; the page shows none either.
import { api } from '../api';
import { recordTerms } from '../glossary';
import { t } from '../i18n';
import { showAccessLog } from '../ui/access-log';
import { showContact } from '../ui/contact-card';
import { el } from '../ui/dom';
import { glossaryList } from '../ui/glossary-list';
import { showPupilRecord } from '../ui/pupil-record';
import type { BaseContext } from './page';

export async function renderKind(root: HTMLElement, context: BaseContext): Promise<void> {
  root.append(el('h1', {}, t('kindTitle')), el('p', { class: 'intro' }, t('kindIntro')));
  if (!context.session.leerling) {
    root.append(el('p', { class: 'empty' }, t('kindNone')));
    return;
  }
  const record = el('div', { class: 'record-holder' });
  const contact = el('div', { class: 'contact-holder' });
  const access = el('div', { class: 'access-holder' });
  root.append(contact, record, access);
  await Promise.all([
    showContact(contact),
    showPupilRecord(record, () => api.myChild(), { after: (loaded) => glossaryList(recordTerms(loaded)) }),
    showAccessLog(access),
  ]);
}
