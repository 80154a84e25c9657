/**
 * The case register's server functions for the sidebar and the import dialog (google.script.run).
 * Each is a thin shim over a use case in src/app/cases; errors come back readable (see fromPage).
 */
import type {
  CaseSections,
  CaseSummary,
  ChangeCaseInput,
  CloseCaseInput,
  FormChoices,
  ImportReport,
  OpenCaseInput,
  PeriodInput,
  PupilMatch,
  SidebarState,
} from '../../shared/api';
import * as view from '../../app/cases/viewCases';
import { openCase as openCaseUseCase } from '../../app/cases/openCase';
import { changeCase as changeCaseUseCase } from '../../app/cases/changeCase';
import { closeCase as closeCaseUseCase, recordNewAbsence as recordNewAbsenceUseCase, recordReturn as recordReturnUseCase } from '../../app/cases/periods';
import { importPupilsCsv as importPupilsCsvUseCase, searchPupils as searchPupilsUseCase } from '../../app/cases/pupils';
import { fromPage } from '../runEntry';

export function getSidebarState(): SidebarState {
  return fromPage((ctx) => view.getSidebarState(ctx));
}

export function getFormChoices(): FormChoices {
  return fromPage((ctx) => view.getFormChoices(ctx));
}

export function searchPupils(query: string): PupilMatch[] {
  return fromPage((ctx) => searchPupilsUseCase(ctx, query));
}

export function getCaseSummary(ref: string): CaseSummary {
  return fromPage((ctx) => view.getCaseSummary(ctx, ref));
}

export function getCaseSections(ref: string): CaseSections {
  return fromPage((ctx) => view.getCaseSections(ctx, ref));
}

export function openCase(input: OpenCaseInput): CaseSummary {
  return fromPage((ctx) => openCaseUseCase(ctx, input));
}

export function changeCase(input: ChangeCaseInput): CaseSummary {
  return fromPage((ctx) => changeCaseUseCase(ctx, input));
}

export function recordReturn(input: PeriodInput): CaseSummary {
  return fromPage((ctx) => recordReturnUseCase(ctx, input));
}

export function recordNewAbsence(input: PeriodInput): CaseSummary {
  return fromPage((ctx) => recordNewAbsenceUseCase(ctx, input));
}

export function closeCase(input: CloseCaseInput): CaseSummary {
  return fromPage((ctx) => closeCaseUseCase(ctx, input));
}

export function importPupilsCsv(csvText: string): ImportReport {
  return fromPage((ctx) => importPupilsCsvUseCase(ctx, csvText));
}
