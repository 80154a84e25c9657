/**
 * The information-sharing log: each time information about a pupil goes to the LA, a provider or
 * health services, what, with whom, why, on what lawful basis, by whom and when (DfE advice on
 * information sharing, 2024: keep a record of what was shared and why). The referral pack and
 * every letter to a provider add to it through appendShare.
 */
import { INFORMATION_SHARING } from '../../domain/schema';
import { LAWFUL_BASES, lawfulBasis, suggestedLawfulBasis, type SharePurpose } from '../../domain/la/lawfulBases';
import { RECIPIENT_KINDS, type RecipientKind } from '../../domain/la/vocabulary';
import { UserFacingError } from '../../domain/errors';
import type { InformationSharedInput, LawfulBasisOption } from '../../shared/laApi';
import type { AppContext } from '../context';
import { recordAudit } from '../audit';
import { caseRow, inputDate, inputOneOf, inputText, nextId, text, withLock } from './common';

export interface ShareRecord {
  readonly caseRef: string;
  readonly sharedOn: string;
  readonly sharedWith: RecipientKind;
  readonly recipient: string;
  readonly what: string;
  readonly why: string;
  readonly lawfulBasis: string;
  readonly how: string;
  readonly documentLink: string;
}

/** Every basis with its explanation, the suggested one first: the prompt the sidebar shows. */
export function lawfulBasisOptions(recipient: string, purpose: string): LawfulBasisOption[] {
  const kind = (RECIPIENT_KINDS as readonly string[]).includes(recipient) ? (recipient as RecipientKind) : 'Local authority';
  const suggested = suggestedLawfulBasis(kind, (purpose || 'other') as SharePurpose);
  return [suggested, ...LAWFUL_BASES.filter((b) => b !== suggested)].map((b) => ({ ...b, suggested: b === suggested }));
}

/** A basis as given, checked against the list; a plain refusal names the choices. */
export function requireLawfulBasis(label: unknown): string {
  const basis = lawfulBasis(String(label ?? ''));
  if (!basis) {
    throw new UserFacingError(`Please choose the lawful basis for sharing. The choices are: ${LAWFUL_BASES.map((b) => b.label).join('; ')}. Consent is not the default basis.`);
  }
  return basis.label;
}

/** Appends one share to the log and the audit log. Call holding the lock. */
export function appendShare(ctx: AppContext, share: ShareRecord): string {
  const shareId = nextId(ctx, INFORMATION_SHARING, 'shareId', 'IS');
  ctx.services.tables.append(INFORMATION_SHARING, [{
    shareId,
    ...share,
    by: ctx.actorEmail,
    loggedAt: ctx.now(),
  }]);
  recordAudit(ctx, [{
    action: 'Information shared',
    caseRef: share.caseRef,
    after: `${shareId}: ${share.what} \u2192 ${share.sharedWith} (${share.recipient}); basis: ${share.lawfulBasis}`,
  }]);
  return shareId;
}

export function logInformationShared(ctx: AppContext, input: InformationSharedInput): { shareId: string } {
  ctx.authorise('la.share');
  const row = caseRow(ctx, input.ref);
  const share: ShareRecord = {
    caseRef: text(row.values.ref),
    sharedOn: inputDate('date it was shared', input.sharedOn, { fallback: ctx.today() }),
    sharedWith: inputOneOf('kind of recipient', input.sharedWith, RECIPIENT_KINDS),
    recipient: inputText('who it went to', input.recipient, { required: true, max: 300 }),
    what: inputText('what was shared', input.what, { required: true }),
    why: inputText('why it was shared', input.why, { required: true }),
    lawfulBasis: requireLawfulBasis(input.lawfulBasis),
    how: inputText('how it was shared', input.how, { max: 200 }),
    documentLink: inputText('the document link', input.documentLink, { max: 500 }),
  };
  if (share.sharedOn > ctx.today()) throw new UserFacingError('The date it was shared is in the future: record a share once it has happened.');
  return withLock(ctx, () => ({ shareId: appendShare(ctx, share) }));
}
