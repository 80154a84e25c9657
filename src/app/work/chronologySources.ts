/**
 * What work set and letters to the family add to a case's chronology: each piece of work on the
 * day it was set, each letter on the day it was sent (or made). One read of each sheet.
 */
import type { ChronologySource } from '../contacts/chronology';
import { lettersChronology, workChronology } from './summary';

export const WORK_CHRONOLOGY: ChronologySource = { name: 'Work set', entries: workChronology };
export const LETTERS_CHRONOLOGY: ChronologySource = { name: 'Letters', entries: lettersChronology };
