// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * The kinds of runs of data coming in that the imports page lists (issue #16 item 5, decision
 * 0029). A kind plugs in with its outcomes here and its reader on the server
 * (modules/imports/import-kinds.ts).
 */
export const IMPORT_KINDS = ['dvvSync', 'updateFile', 'moveIn'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Each kind's row outcomes, in the order the page shows them. */
export const IMPORT_OUTCOMES = {
  dvvSync: ['applied', 'unchanged', 'skipped', 'noPerson', 'unparsable', 'failed'],
  updateFile: ['applied', 'unchanged', 'noMatch', 'refused'],
  /** Moving in from an old register (decision 0027): move-in.constants.ts IMPORT_ROW_OUTCOMES. */
  moveIn: ['created', 'wouldCreate', 'invalid', 'duplicate', 'alreadyImported'],
} as const satisfies Record<ImportKind, readonly string[]>;
