import type { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import {
  IMPORT_ROW_CODES,
  IMPORT_ROW_OUTCOMES,
  type ImportRowOutcome,
} from '../../../contract/move-in/move-in.constants.ts';
import type { ImportRowView, ImportRunView } from '../../../contract/move-in/move-in.schemas.ts';
import { ALL_FIELDS } from './profile-form.ts';

type I18n = ReturnType<typeof useI18n>;
type T = I18n['t'];

/**
 * The files of this tab's dry runs, by run: applying a dry run sends the same file without
 * asking for it again. Only in memory: a reload forgets them (the page then asks for the file).
 */
const files = new Map<string, File>();
export const rememberFile = (runId: string, file: File): void => void files.set(runId, file);
export const rememberedFile = (runId: string): File | undefined => files.get(runId);

/** "Dry run 3" or "Import 4". */
export function runTitle(run: Pick<ImportRunView, 'dryRun' | 'number'>, t: T): string {
  return t(run.dryRun ? 'moveIn.run.dryTitle' : 'moveIn.run.title', { number: run.number });
}

/** Each outcome that occurred, with its count: "would be created 48, invalid 6". */
export function countsText(counts: Record<ImportRowOutcome, number>, t: T): string {
  return IMPORT_ROW_OUTCOMES.filter((outcome) => counts[outcome] > 0)
    .map((outcome) => `${t(`moveIn.outcome.${outcome}`)} ${counts[outcome]}`)
    .join(', ');
}

/** A report's field in the reader's language; one the catalogue lacks as it is. */
export function fieldText(field: string, t: T): string {
  return field === 'row' || (ALL_FIELDS as readonly string[]).includes(field)
    ? t(`moveIn.field.${field}` as MessageKey)
    : field;
}

/**
 * A row's problem in the reader's language: the import's own codes (the file, duplicates) from
 * its texts, the register's field rules from the forms' error texts, else the server's message.
 */
export function problemText(problem: ImportRowView['errors'][number], i18n: I18n): string {
  if ((IMPORT_ROW_CODES as readonly string[]).includes(problem.code)) {
    return i18n.t(`moveIn.code.${problem.code}` as MessageKey);
  }
  return i18n.errorText({ code: problem.code, message: problem.message });
}
