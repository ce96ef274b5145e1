/**
 * The form of controls, built from the settings' own descriptions (state.ts)
 * so that every control says its unit and range, and read back through the
 * same lenient reader as a URL: one place decides what a value may be.
 */
import type { ModelRegistry } from '../models/registry.ts';
import {
  CLIENTS,
  NUMBER_CONTROLS,
  type NumberControl,
  PLATFORMS,
  type PlaygroundState,
} from './state.ts';

const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k.startsWith('aria-')) el.setAttribute(k, String(v));
    else (el as unknown as Record<string, unknown>)[k] = v;
  }
  el.append(...children);
  return el;
};

export { h };

const range = (c: NumberControl) =>
  c.key === 'seed'
    ? c.unit
    : `${c.unit}, ${c.min.toLocaleString('en-US')}–${c.max.toLocaleString('en-US')}`;

function numberField(c: NumberControl): HTMLElement {
  const id = `c-${c.key}`;
  const input = h('input', {
    id,
    name: c.key,
    type: 'number',
    min: String(c.min),
    max: String(c.max),
    step: c.integer ? '1' : 'any',
    inputMode: c.integer ? 'numeric' : 'decimal',
  });
  if (c.key === 'keepAlive') input.placeholder = "platform's own";
  return h(
    'div',
    { className: 'field', 'data-field': c.key },
    h('label', { htmlFor: id }, c.label, ' ', h('span', { className: 'unit' }, `(${range(c)})`)),
    input,
  );
}

function selectField(
  key: string,
  label: string,
  options: readonly { value: string; text: string; title?: string }[],
): HTMLElement {
  const id = `c-${key}`;
  const select = h('select', { id, name: key });
  for (const o of options) {
    const opt = h('option', { value: o.value }, o.text);
    if (o.title) opt.title = o.title;
    select.append(opt);
  }
  return h(
    'div',
    { className: 'field', 'data-field': key },
    h('label', { htmlFor: id }, label),
    select,
  );
}

const numberControl = (key: string) => numberField(NUMBER_CONTROLS.find((c) => c.key === key)!);

/** The controls, grouped as a call meets them. */
export function buildControls(models: ModelRegistry): HTMLFormElement {
  const describe = (kind: 'platforms' | 'clients', name: string) =>
    models[kind].get(name)?.model.description ?? '';
  const clients = CLIENTS.map((c) => ({ value: c, text: c, title: describe('clients', c) }));
  const platforms = PLATFORMS.map((p) => ({ value: p, text: p, title: describe('platforms', p) }));
  const fieldset = (legend: string, ...fields: HTMLElement[]) =>
    h('fieldset', {}, h('legend', {}, legend), ...fields);
  const warmers = h(
    'div',
    { className: 'field check', 'data-field': 'warmers' },
    h('input', { id: 'c-warmers', name: 'warmers', type: 'checkbox' }),
    h('label', { htmlFor: 'c-warmers' }, 'Warmers: ping the entry function every period'),
  );
  const form = h(
    'form',
    { id: 'controls', 'aria-label': 'Settings of the simulation' },
    fieldset(
      'Who calls, and where it runs',
      selectField('client', 'Client profile (where requests come from)', clients),
      selectField('platform', 'Platform', platforms),
      selectField('compare', 'Side by side with (same random numbers)', [
        { value: '', text: 'none' },
        ...platforms,
      ]),
    ),
    fieldset('The function', numberControl('p50'), numberControl('p99')),
    fieldset(
      'The invocation graph',
      selectField('graph', 'Shape', [
        { value: 'chain', text: 'chain: f1 calls f2 … calls fN' },
        { value: 'fanOut', text: 'fan-out: one call waits for N in parallel' },
      ]),
      numberControl('depth'),
      numberControl('width'),
      numberControl('waitFor'),
    ),
    fieldset(
      'Load and the pool',
      numberControl('rate'),
      numberControl('keepAlive'),
      warmers,
      numberControl('warmerPeriod'),
      numberControl('provisioned'),
    ),
    fieldset(
      'The run',
      numberControl('duration'),
      numberControl('replications'),
      numberControl('seed'),
    ),
  );
  // Enter in a field applies it rather than reloading the page.
  form.addEventListener('submit', (e) => e.preventDefault());
  return form;
}

const input = (form: HTMLFormElement, name: string) =>
  form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

/** Puts a state into the form, and shows only the controls that apply. */
export function writeForm(form: HTMLFormElement, s: PlaygroundState): void {
  for (const key of ['client', 'platform', 'compare', 'graph'] as const) {
    input(form, key).value = s[key];
  }
  for (const c of NUMBER_CONTROLS) {
    const v = s[c.key];
    input(form, c.key).value = v === null ? '' : String(v);
  }
  (input(form, 'warmers') as HTMLInputElement).checked = s.warmers;
  const show = (key: string, on: boolean) => {
    const el = form.querySelector<HTMLElement>(`[data-field="${key}"]`);
    if (el) el.hidden = !on;
  };
  show('depth', s.graph === 'chain');
  show('width', s.graph === 'fanOut');
  show('waitFor', s.graph === 'fanOut');
  show('warmerPeriod', s.warmers);
}

/** The form as URL parameters, for the same reader as a URL (readUrl). */
export function readForm(form: HTMLFormElement, tour: number | null): URLSearchParams {
  const p = new URLSearchParams();
  if (tour !== null) p.set('tour', String(tour + 1));
  for (const key of ['client', 'platform', 'compare', 'graph'] as const) {
    p.set(key, input(form, key).value);
  }
  for (const c of NUMBER_CONTROLS) {
    const v = input(form, c.key).value;
    if (c.key === 'keepAlive') {
      p.set('keepAlive', v.trim() === '' ? 'default' : v);
      continue;
    }
    if (c.key === 'warmerPeriod') continue;
    // An emptied field reads as not a number: the reader puts the default back, with a note.
    p.set(c.key === 'replications' ? 'reps' : c.key, v);
  }
  const period = input(form, 'warmerPeriod').value;
  const on = (input(form, 'warmers') as HTMLInputElement).checked;
  p.set('warmers', on ? period || 'on' : 'off');
  return p;
}
