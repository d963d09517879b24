// Frames that scroll what is wider than a phone (a chart, a table) inside themselves, reachable
// with the keyboard: a scrolling region without a tab stop cannot be scrolled without a mouse
// (axe-core: scrollable-region-focusable). A frame that does not scroll gets no extra tab stop.
import { el } from './dom';

/** Gives the frame a tab stop while its content is wider or taller than it, and takes it away when not. */
export function reachableWhenScrolling(frame: HTMLElement): void {
  const scrolls = frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1;
  if (scrolls) frame.setAttribute('tabindex', '0');
  else frame.removeAttribute('tabindex');
}

/** A table in a frame that scrolls sideways on a narrow screen; a named region and a tab stop. */
export function scrollingTable(table: HTMLElement, labelledBy: string): HTMLElement {
  return el('div', { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': labelledBy }, table);
}
