/**
 * The forms on screen with changes not yet saved. A form marks itself (useContractForm); one
 * guard (UnsavedChangesGuard) asks before the app navigates away or the page is left while any
 * is marked. One registry, because react-router allows one blocker at a time and a page may
 * hold several forms.
 */
const unsaved = new Set<symbol>();

export function markUnsaved(form: symbol, changed: boolean): void {
  if (changed) unsaved.add(form);
  else unsaved.delete(form);
}

export const anyUnsaved = (): boolean => unsaved.size > 0;
