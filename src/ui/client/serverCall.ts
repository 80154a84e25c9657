/**
 * The sidebar's only way to reach the server: a typed promise over google.script.run. The name
 * and arguments are checked against ServerApi (src/shared/api.ts), the progress indicator shows
 * while the call is outstanding, and a failure rejects with a ServerCallError whose message is
 * readable as it stands.
 */
import type { ServerApi } from '../../shared/api';
import { startProgress } from './progress';
import { readableError } from './readableError';

export type ServerResult<K extends keyof ServerApi> = ServerApi[K] extends (...args: never[]) => infer R ? R : never;
export type ServerArgs<K extends keyof ServerApi> = ServerApi[K] extends (...args: infer A) => unknown ? A : never;

/** What the progress line says while each call runs; anything not listed says "Working…". */
const PROGRESS: Partial<Record<keyof ServerApi, string>> = {
  getSidebarState: 'Loading the register…',
  getFormChoices: 'Loading choices…',
  searchPupils: 'Searching pupils…',
  getCaseSummary: 'Opening the case…',
  getCaseSections: 'Loading work, letters and LA arrangements…',
  openCase: 'Opening a new case…',
  changeCase: 'Saving the changes…',
  recordReturn: 'Recording the return to school…',
  recordNewAbsence: 'Recording the new absence…',
  closeCase: 'Closing the case…',
  logContact: 'Logging the contact…',
  listUnmatchedContacts: 'Loading unmatched contacts…',
  resolveUnmatchedContact: 'Matching the contact…',
  getChronology: 'Loading the chronology…',
  exportChronology: 'Exporting the chronology…',
  runDailyCheckNow: 'Running the daily check…',
  logWork: 'Logging the work…',
  recordWorkOutcome: 'Saving…',
  previewLetter: 'Checking the letter…',
  generateLetters: 'Making the letter…',
  runLetterBatch: 'Making the letter…',
  generateReferralPack: 'Making the referral pack…',
  recordReferralSent: 'Recording the referral…',
  logInformationShared: 'Logging the share…',
  getLawfulBasisOptions: 'Loading the lawful bases…',
  recordProvision: 'Saving the provision…',
  recordHoursDelivered: 'Saving the hours…',
  logKeepInTouch: 'Logging it…',
  recordPartTimeTimetable: 'Saving the timetable…',
  createReintegrationPlan: 'Making the plan…',
  recordPlanReview: 'Recording the review…',
  recordAdjustment: 'Saving the adjustment…',
  reviewAdjustment: 'Recording the review…',
};

export class ServerCallError extends Error {
  constructor(readonly functionName: string, message: string) {
    super(message);
    this.name = 'ServerCallError';
  }
}

export function serverCall<K extends keyof ServerApi>(name: K, ...args: ServerArgs<K>): Promise<ServerResult<K>> {
  const done = startProgress(PROGRESS[name] ?? 'Working…');
  return new Promise<ServerResult<K>>((resolve, reject) => {
    try {
      const runner = google.script.run
        .withSuccessHandler((value) => {
          done();
          resolve(value as ServerResult<K>);
        })
        .withFailureHandler((error) => {
          done();
          reject(new ServerCallError(String(name), readableError(error)));
        });
      const fn = runner[name as string];
      if (typeof fn !== 'function') {
        done();
        reject(new ServerCallError(String(name), `This version of the add-on cannot ${String(name)} yet. Ask the person who looks after it to update it.`));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    } catch (error) {
      done();
      reject(new ServerCallError(String(name), readableError(error)));
    }
  });
}

/** Whether the server offers a function (a later area's may not be deployed yet). */
export function serverHas(name: string): boolean {
  try {
    return typeof google.script.run[name] === 'function';
  } catch {
    return false;
  }
}
