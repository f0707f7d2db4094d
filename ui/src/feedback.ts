/** Error and loading messages shared by the views. */
import { ApiError } from './api.js';
import { h } from './dom.js';

export function messageOf(err: unknown): string {
  if (err instanceof ApiError || err instanceof Error) return err.message;
  return String(err);
}

/** An error box (role=alert) with the server's message. */
export function errorBox(err: unknown): HTMLElement {
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' }, h('strong', {}, 'Error: '), messageOf(err));
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}
