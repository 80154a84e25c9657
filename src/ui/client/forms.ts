/**
 * Form fields with their labels, hints and error slots wired for assistive technology
 * (label for=, aria-describedby), and a submit helper that disables the form while the server
 * works and shows the server's own message when it refuses.
 */
import { h, nextId } from './dom';
import { ServerCallError } from './serverCall';

export interface Field<T> {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  value(): T;
}

interface FieldOptions {
  readonly name: string;
  readonly hint?: string;
  readonly required?: boolean;
}

function wrap(label: string, control: HTMLElement, options: FieldOptions): HTMLElement {
  const id = control.id;
  const hintId = options.hint ? `${id}-hint` : '';
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (options.required) control.setAttribute('required', '');
  return h('div', { className: 'field' },
    h('label', { for: id }, label, options.required ? null : h('span', { className: 'optional' }, ' (optional)')),
    options.hint ? h('p', { className: 'hint', id: hintId }, options.hint) : null,
    control,
  );
}

export function textField(label: string, options: FieldOptions & { value?: string; type?: string; autocomplete?: string }): Field<string> {
  const input = h('input', { id: nextId(options.name), name: options.name, type: options.type ?? 'text', autocomplete: options.autocomplete ?? 'off' });
  input.value = options.value ?? '';
  return { element: wrap(label, input, options), input, value: () => input.value.trim() };
}

/** A date as 'YYYY-MM-DD' (what the server expects), picked with the browser's own date control. */
export function dateField(label: string, options: FieldOptions & { value?: string; max?: string }): Field<string> {
  const input = h('input', { id: nextId(options.name), name: options.name, type: 'date', max: options.max });
  input.value = options.value ?? '';
  return { element: wrap(label, input, options), input, value: () => input.value };
}

export function textArea(label: string, options: FieldOptions & { value?: string; rows?: number }): Field<string> {
  const input = h('textarea', { id: nextId(options.name), name: options.name, rows: options.rows ?? 3 });
  input.value = options.value ?? '';
  return { element: wrap(label, input, options), input, value: () => input.value.trim() };
}

export function selectField(label: string, choices: readonly string[], options: FieldOptions & { value?: string; placeholder?: string }): Field<string> {
  const input = h('select', { id: nextId(options.name), name: options.name },
    options.placeholder !== undefined ? h('option', { value: '' }, options.placeholder) : null,
    ...choices.map((c) => h('option', { value: c }, c)),
  );
  if (options.value !== undefined && choices.includes(options.value)) input.value = options.value;
  else if (options.value && !choices.includes(options.value)) {
    // A value typed into the sheet that is not on the list yet: keep it rather than silently change it.
    input.appendChild(h('option', { value: options.value }, options.value));
    input.value = options.value;
  }
  return { element: wrap(label, input, options), input, value: () => input.value };
}

export function checkboxField(label: string, options: FieldOptions & { checked?: boolean }): Field<boolean> {
  const id = nextId(options.name);
  const input = h('input', { id, name: options.name, type: 'checkbox' });
  input.checked = options.checked ?? false;
  const hintId = options.hint ? `${id}-hint` : '';
  if (hintId) input.setAttribute('aria-describedby', hintId);
  const element = h('div', { className: 'field checkbox' },
    h('div', { className: 'checkbox-row' }, input, h('label', { for: id }, label)),
    options.hint ? h('p', { className: 'hint', id: hintId }, options.hint) : null,
  );
  return { element, input, value: () => input.checked };
}

/**
 * A form whose submit runs `save`. While it runs the submit button is disabled (no double
 * saves); if the server refuses, its message appears above the buttons and focus moves to it.
 */
export function form(title: string, fields: ReadonlyArray<Field<unknown> | HTMLElement | null>, submitLabel: string, save: () => Promise<void>, cancel?: () => void): HTMLFormElement {
  const errorBox = h('div', { className: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const submit = h('button', { type: 'submit', className: 'primary' }, submitLabel);
  const element = h('form', { 'aria-label': title, novalidate: true },
    ...fields.map((f) => (f === null ? null : f instanceof HTMLElement ? f : f.element)),
    errorBox,
    h('div', { className: 'buttons' },
      submit,
      cancel ? h('button', { type: 'button', className: 'secondary', onclick: cancel }, 'Cancel') : null,
    ),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const missing = fields.filter((f): f is Field<unknown> => f !== null && !(f instanceof HTMLElement))
      .filter((f) => f.input.hasAttribute('required') && f.input.value.trim() === '');
    if (missing.length > 0) {
      const names = missing.map((f) => element.querySelector(`label[for="${f.input.id}"]`)?.firstChild?.textContent ?? f.input.name);
      showError(errorBox, `Please fill in: ${names.join(', ')}.`);
      missing[0].input.focus();
      return;
    }
    errorBox.hidden = true;
    submit.disabled = true;
    save()
      .catch((error: unknown) => showError(errorBox, error instanceof ServerCallError || error instanceof Error ? error.message : String(error)))
      .finally(() => { submit.disabled = false; });
  });
  return element;
}

function showError(box: HTMLElement, text: string): void {
  box.replaceChildren(...text.split('\n').filter(Boolean).map((line) => h('p', {}, line)));
  box.hidden = false;
  box.focus();
}
