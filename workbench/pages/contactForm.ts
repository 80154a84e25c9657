/**
 * A Google Form as a respondent sees it, drawn from the form's own items; pre-filled answers come
 * from a pre-filled link's entry.<n> parameters. Submitting goes through the emulator's
 * submitAsUser, which validates as Forms does and fires the same form-submit trigger.
 */
import type { ItemState } from '../../emulator/forms';
import { esc } from './html';

function control(item: ItemState, name: string, prefill: string): string {
  const req = item.required ? ' required' : '';
  const id = `q${item.id}`;
  switch (item.type) {
    case 'PARAGRAPH_TEXT':
      return `<textarea id="${id}" name="${name}" rows="3"${req}>${esc(prefill)}</textarea>`;
    case 'DATE':
      return `<input id="${id}" name="${name}" type="date" value="${esc(prefill)}"${req}>`;
    case 'LIST':
      return `<select id="${id}" name="${name}"${req}><option value="">Choose</option>${item.choices.map((c) => `<option${c === prefill ? ' selected' : ''}>${esc(c)}</option>`).join('')}</select>`;
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      return item.choices.map((c, i) => `<div><input type="${type}" id="${id}-${i}" name="${name}" value="${esc(c)}"${c === prefill ? ' checked' : ''}> <label for="${id}-${i}" style="display:inline;font-weight:400">${esc(c)}</label></div>`).join('');
    }
    case 'SCALE': {
      const { lower, upper } = item.scale ?? { lower: 1, upper: 5 };
      const options = Array.from({ length: upper - lower + 1 }, (_, i) => lower + i);
      return `<select id="${id}" name="${name}"${req}><option value="">Choose</option>${options.map((n) => `<option${String(n) === prefill ? ' selected' : ''}>${n}</option>`).join('')}</select>`;
    }
    default:
      return `<input id="${id}" name="${name}" type="text" value="${esc(prefill)}"${req}>`;
  }
}

function question(item: ItemState, prefill: Record<string, string>): string {
  if (item.type === 'SECTION_HEADER') return `<div class="question"><h2>${esc(item.title)}</h2>${item.helpText ? `<p class="help">${esc(item.helpText)}</p>` : ''}</div>`;
  if (item.type === 'PAGE_BREAK' || item.type === 'IMAGE' || item.type === 'VIDEO') return '';
  const name = `item-${item.id}`;
  const value = prefill[String(item.entryId)] ?? '';
  const grouped = item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX';
  const label = `${esc(item.title)}${item.required ? ' <span class="required" aria-hidden="true">*</span>' : ''}`;
  const help = item.helpText ? `<p class="help">${esc(item.helpText)}</p>` : '';
  return grouped
    ? `<fieldset class="question" style="border:0;padding-left:0"><legend>${label}</legend>${help}${control(item, name, value)}</fieldset>`
    : `<div class="question"><label for="q${item.id}">${label}</label>${help}${control(item, name, value)}</div>`;
}

export function formPage(form: { id: string; title: string; description: string }, items: readonly ItemState[], prefill: Record<string, string>, respondent: string): string {
  return `<h1 class="sr-only" style="position:absolute;left:-999px">${esc(form.title)}</h1>
<form class="gform" method="post" action="/forms/${esc(form.id)}">
  <h2 style="font-size:1.6rem;margin-top:0">${esc(form.title)}</h2>
  ${form.description ? `<p class="muted">${esc(form.description).replace(/\n/g, '<br>')}</p>` : ''}
  <div class="question"><label for="respondent">Your email</label>
    <p class="help">Forms records who answered. The workbench answers as the person you are acting as.</p>
    <input id="respondent" name="respondentEmail" type="email" value="${esc(respondent)}" required></div>
  ${items.map((i) => question(i, prefill)).join('\n')}
  <p><button type="submit" id="submit-form">Submit</button></p>
</form>`;
}

/** The form's answers keyed by question title, as submitAsUser takes them. */
export function answersFrom(items: readonly ItemState[], fields: URLSearchParams): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const item of items) {
    const values = fields.getAll(`item-${item.id}`).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    answers[item.title] = item.type === 'CHECKBOX' ? values : values[0];
  }
  return answers;
}

export function formListPage(forms: ReadonlyArray<{ id: string; title: string }>): string {
  return `<h1>Forms</h1>${forms.length === 0
    ? '<p>The add-on has not made a form yet: run "Set up / repair register" from the add-on menu on the Overview page.</p>'
    : `<ul>${forms.map((f) => `<li><a href="/forms/${esc(f.id)}">${esc(f.title)}</a></li>`).join('')}</ul>`}`;
}
