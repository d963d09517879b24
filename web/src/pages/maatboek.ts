// Maatboek: every measure's definition, straight from GET /api/measures (the measure registry),
// each at an anchor (#/maatboek/ID) that the charts' "Definitie" links point to.
import { api } from '../api';
import { t } from '../i18n';
import type { MeasureInfo } from '../types';
import { el } from '../ui/dom';
import type { PageContext } from './page';

function options(names: readonly string[]): string {
  return names.length ? names.map((n) => `?${n}=`).join(', ') : t('none');
}

function measureSection(measure: MeasureInfo, highlighted: boolean): HTMLElement {
  return el(
    'section',
    { class: highlighted ? 'measure highlighted' : 'measure', id: `maat-${measure.id}`, 'data-maat': measure.id, tabindex: -1 },
    el('h2', {}, measure.naam, ' ', el('code', {}, measure.id)),
    el('p', { class: 'definitie' }, measure.definitie),
    el(
      'dl',
      {},
      el('dt', {}, t('unit')),
      el('dd', {}, measure.eenheid),
      el('dt', {}, t('sources')),
      el('dd', {}, measure.bronnen),
      el('dt', {}, t('requiredOptions')),
      el('dd', {}, options(measure.verplicht)),
      el('dt', {}, t('otherOptions')),
      el('dd', {}, options(measure.optioneel)),
    ),
  );
}

export async function renderMaatboek(root: HTMLElement, context: PageContext): Promise<void> {
  root.append(el('h1', {}, t('maatboekTitle')), el('p', { class: 'intro' }, t('maatboekIntro')));
  const status = el('p', { class: 'loading' }, t('loading'));
  root.append(status);
  let measures: MeasureInfo[];
  try {
    measures = await api.measures();
  } catch (error) {
    status.className = 'error';
    status.setAttribute('role', 'alert');
    status.textContent = `${t('errorPrefix')}: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  status.remove();
  root.append(
    el('nav', { class: 'measure-index', 'aria-label': t('maatboekTitle') }, el('ul', {}, ...measures.map((m) => el('li', {}, el('a', { href: `#/maatboek/${m.id}` }, m.naam))))),
    ...measures.map((m) => measureSection(m, m.id === context.subPath)),
  );
  const target = context.subPath ? document.getElementById(`maat-${context.subPath}`) : null;
  if (target) {
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }
}
