// Mijn kind (ouder): the one child linked to the parent's account, as a timeline and lists.
import { api } from '../api';
import { t } from '../i18n';
import { el } from '../ui/dom';
import { showPupilRecord } from '../ui/pupil-record';
import type { BaseContext } from './page';

export async function renderKind(root: HTMLElement, context: BaseContext): Promise<void> {
  root.append(el('h1', {}, t('kindTitle')), el('p', { class: 'intro' }, t('kindIntro')));
  const leerling = context.session.leerling;
  if (!leerling) {
    root.append(el('p', { class: 'empty' }, t('kindNone')));
    return;
  }
  root.append(el('p', { class: 'pupil-id' }, `${t('pupilId')}: `, el('code', {}, leerling)));
  const target = el('div', { class: 'record-holder' });
  root.append(target);
  await showPupilRecord(target, () => api.pupil(leerling));
}
