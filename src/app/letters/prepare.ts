/**
 * Working out a set of letters before anything is made: the template is read once and checked,
 * and each case's letter gets its data and its problems, each naming the placeholder. This is
 * both the preview the page shows and the first step of generating letters.
 */
import { WORK_SET } from '../../domain/schema';
import { ValidationError } from '../../domain/errors';
import { isValidIso, formatLongDate } from '../../domain/dates';
import { checkPlaceholders, checkTemplate } from '../../domain/letters/placeholders';
import { LETTER_FIELDS } from '../../domain/letters/templates';
import { addresseeText, letterValues, valueSources, type LetterWorkItem } from '../../domain/letters/content';
import { WORK_SETTING } from '../../domain/work/settings';
import { inWeek, mondayOf } from '../../domain/work/workItems';
import { isLetterDelivery, isLetterKind, LETTER_DELIVERY, LETTER_KINDS, type LetterDelivery, type LetterKind } from '../../domain/work/vocabulary';
import type { LetterPreview, LetterRequestInput } from '../../shared/workApi';
import type { AppContext } from '../context';
import { findCase, readCaseFacts, type CaseFacts } from '../work/caseRows';
import { documentUrl, readTemplateText, templateId } from './templates';

export interface PreparedLetter {
  readonly ref: string;
  readonly to: string;
  readonly emailTo: string;
  readonly values: Record<string, string>;
  readonly problems: string[];
}

export interface PreparedLetters {
  readonly kind: LetterKind;
  readonly how: LetterDelivery;
  readonly templateId: string;
  readonly templateProblems: string[];
  readonly letters: PreparedLetter[];
  readonly skipped: Array<{ ref: string; reason: string }>;
}

export function prepareLetters(ctx: AppContext, input: LetterRequestInput): PreparedLetters {
  const kind = String(input.kind ?? '').trim();
  const how = String(input.how ?? '').trim();
  const problems: Array<{ field: string; message: string }> = [];
  if (!isLetterKind(kind)) problems.push({ field: 'kind', message: `Choose the kind of letter: ${LETTER_KINDS.join(' or ')}.` });
  if (!isLetterDelivery(how)) problems.push({ field: 'how', message: `Choose how the letter reaches the family: ${LETTER_DELIVERY.join(', ')}.` });
  if (how === 'Email' && !ctx.settings.flag(WORK_SETTING.emailLetters)) {
    problems.push({ field: 'how', message: `Emailing letters to parents is turned off. Set "${WORK_SETTING.emailLetters}" to Yes on the Settings sheet, or choose Printed.` });
  }
  if (kind === 'Work set letter' && !isValidIso(String(input.weekOf ?? ''))) problems.push({ field: 'weekOf', message: 'Choose the week the work is for.' });
  if (kind === 'General letter' && !String(input.message ?? '').trim()) problems.push({ field: 'message', message: 'Write the message for the letter.' });
  if (!input.allOpenCases && (!input.refs || input.refs.length === 0)) problems.push({ field: 'refs', message: 'Choose at least one case, or all open cases.' });
  if (problems.length) throw new ValidationError(problems);
  const letterKind = kind as LetterKind;
  const delivery = how as LetterDelivery;

  const id = templateId(ctx, letterKind);
  const text = readTemplateText(ctx, letterKind, id);
  const fields = LETTER_FIELDS[letterKind];
  const templateProblems = checkTemplate(text, fields);

  const allCases = readCaseFacts(ctx);
  const skipped: Array<{ ref: string; reason: string }> = [];
  let cases: CaseFacts[];
  if (input.allOpenCases) {
    cases = allCases.filter((c) => c.status === 'Open');
  } else {
    cases = [];
    for (const ref of input.refs ?? []) {
      try {
        cases.push(findCase(allCases, ref));
      } catch (error) {
        skipped.push({ ref, reason: (error as Error).message });
      }
    }
  }

  const monday = letterKind === 'Work set letter' ? mondayOf(String(input.weekOf)) : '';
  const workByCase = new Map<string, LetterWorkItem[]>();
  if (letterKind === 'Work set letter') {
    for (const row of ctx.services.tables.readAll(WORK_SET)) {
      const ref = String(row.values.caseRef).trim().toUpperCase();
      if (!inWeek(String(row.values.dateSet), monday)) continue;
      workByCase.set(ref, [...(workByCase.get(ref) ?? []), {
        subject: String(row.values.subject),
        description: String(row.values.description),
        medium: String(row.values.medium),
        dueDate: String(row.values.dueDate),
        classroomLink: String(row.values.classroomLink),
      }]);
    }
  }

  const settings = {
    schoolName: ctx.settings.text('School name'),
    signOff: ctx.settings.text(WORK_SETTING.signOff),
    expectations: ctx.settings.text(WORK_SETTING.expectations),
  };
  const letters: PreparedLetter[] = [];
  for (const kase of cases) {
    const work = workByCase.get(kase.ref.toUpperCase()) ?? [];
    if (letterKind === 'Work set letter' && work.length === 0 && input.allOpenCases) {
      skipped.push({ ref: kase.ref, reason: `No work is logged for the week beginning ${formatLongDate(monday)}.` });
      continue;
    }
    const values = letterValues({ kind: letterKind, date: ctx.today(), weekOf: monday || undefined, message: input.message }, kase, work, settings);
    const letterProblems = templateProblems.length ? [] : [...checkPlaceholders(text, fields, values, valueSources(kase)).problems];
    if (delivery === 'Email' && !kase.parentEmail) {
      letterProblems.push(`Case ${kase.ref} has no parent/carer email address: add it to the case, or choose Printed.`);
    }
    letters.push({ ref: kase.ref, to: addresseeText(kase), emailTo: delivery === 'Email' ? kase.parentEmail : '', values, problems: letterProblems });
  }
  return { kind: letterKind, how: delivery, templateId: id, templateProblems, letters, skipped };
}

export function toPreview(prepared: PreparedLetters): LetterPreview {
  return {
    kind: prepared.kind,
    templateLink: documentUrl(prepared.templateId),
    templateProblems: prepared.templateProblems,
    letters: prepared.letters.map((l) => ({ ref: l.ref, to: l.to, problems: l.problems })),
    skipped: prepared.skipped,
    placeholders: LETTER_FIELDS[prepared.kind].map((f) => ({ name: f.name, meaning: f.meaning, required: f.required })),
    ready: prepared.templateProblems.length ? 0 : prepared.letters.filter((l) => l.problems.length === 0).length,
  };
}

/** What a set of letters would be, and every problem found, without making or sending anything. */
export function previewLetter(ctx: AppContext, input: LetterRequestInput): LetterPreview {
  ctx.authorise('letter.send');
  return toPreview(prepareLetters(ctx, input));
}
