// The controls above a page's charts: a select (teldatum, ijkjaar, schooljaar) or a date field.
// Each calls onChange with the new value; the page decides which charts to redraw.
import { allowedDate, type DateBounds } from '../date-rule';
import { t } from '../i18n';
import { el } from './dom';

export interface Choice {
  value: string;
  label: string;
}

export function selectPicker(name: string, label: string, choices: readonly Choice[], value: string, onChange: (value: string) => void): HTMLElement {
  const select = el(
    'select',
    { name, id: `kies-${name}`, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...choices.map((c) => el('option', { value: c.value, selected: c.value === value }, c.label)),
  );
  return el('label', { class: 'picker', for: `kies-${name}` }, el('span', {}, label), select);
}

/**
 * A date field bounded to the data's range; a date outside it, or (for roles that get suppressed
 * counts) a day other than the first of a month, is replaced by the allowed date nearest below.
 */
export function datePicker(name: string, label: string, value: string, onChange: (value: string) => void, bounds: DateBounds): HTMLElement {
  const input = el('input', {
    type: 'date',
    name,
    id: `kies-${name}`,
    value: allowedDate(value, bounds),
    min: bounds.min,
    max: bounds.max,
    title: bounds.firstOfMonth ? t('pickDateMonthStart') : undefined,
    required: true,
    // 'change' fires when a whole date is entered, not on every keystroke of a partial one.
    onchange: (e: Event) => {
      const field = e.target as HTMLInputElement;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(field.value)) return;
      field.value = allowedDate(field.value, bounds);
      onChange(field.value);
    },
  });
  return el('label', { class: 'picker', for: `kies-${name}` }, el('span', {}, label), input);
}

export function toolbar(...pickers: HTMLElement[]): HTMLElement {
  return el('div', { class: 'toolbar', role: 'group' }, ...pickers);
}
