/**
 * Extra work "Set up / repair register" does after the sheets exist: each area of the product
 * adds its step here (the contact Form and triggers, letter templates, …). A step must be
 * idempotent: running set-up twice changes nothing the second time.
 */
import type { AppContext } from './context';
import { CONTACT_FORM_STEP } from './contacts/formSetup';
import { LETTER_TEMPLATES_STEP } from './letters/templates';
import { LA_SETUP_STEP } from './la/setupStep';

export interface SetUpStep {
  readonly name: string;
  /** Does the step's work and returns lines for the set-up report. */
  run(ctx: AppContext): string[];
}

export const SETUP_STEPS: SetUpStep[] = [
  LETTER_TEMPLATES_STEP,
  CONTACT_FORM_STEP,
  LA_SETUP_STEP,
  // Other areas' set-up steps register here.
];
