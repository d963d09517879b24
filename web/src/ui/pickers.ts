// The controls above a page's charts: a select (teldatum, ijkjaar, schooljaar) or a date field.
// Each calls onChange with the new value; the page decides which charts to redraw.
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

export function datePicker(name: string, label: string, value: string, onChange: (value: string) => void, min?: string, max?: string): HTMLElement {
  const input = el('input', {
    type: 'date',
    name,
    id: `kies-${name}`,
    value,
    min,
    max,
    required: true,
    // 'change' fires when a whole date is entered, not on every keystroke of a partial one.
    onchange: (e: Event) => {
      const v = (e.target as HTMLInputElement).value;
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) onChange(v);
    },
  });
  return el('label', { class: 'picker', for: `kies-${name}` }, el('span', {}, label), input);
}

export function toolbar(...pickers: HTMLElement[]): HTMLElement {
  return el('div', { class: 'toolbar', role: 'group' }, ...pickers);
}
