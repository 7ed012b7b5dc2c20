import type { MessageKey } from '../i18n/catalogues.ts';

/**
 * The two kinds of register record. Their pages are alike, so the shared frames (RecordPage,
 * RecordFormPage) take the kind and find by it the record's address and its texts, which the
 * catalogues keep side by side: `person.formIntro` and `organization.formIntro`, and so on.
 */
export type RecordKind = 'person' | 'organization';

export const RECORD_KINDS = {
  person: { path: '/persons', backTo: 'nav.backToPerson' },
  organization: { path: '/organizations', backTo: 'nav.backToOrganization' },
} as const satisfies Record<RecordKind, { path: string; backTo: MessageKey }>;
