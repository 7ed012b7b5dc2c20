import { z } from 'zod';
import { date, text, zId } from '../text.ts';

/** Whose documents: a person's or an organisation's (exactly one). */
export const paperDocumentQuery = z
  .strictObject({ personId: zId.optional(), organizationId: zId.optional() })
  .refine((q) => (q.personId === undefined) !== (q.organizationId === undefined), {
    message: 'Give the person or the organisation, one of them',
    path: ['personId'],
    params: { code: 'paperDocument.ownerRequired' },
  });

export const paperDocumentCreate = z
  .strictObject({
    personId: zId.nullable().default(null),
    organizationId: zId.nullable().default(null),
    /** What the document is, e.g. "Signed application for home care, 3 pages". */
    description: text({ max: 500, min: 3, multiline: true }),
    /** The locked, fire-safe store it is kept in. */
    location: text({ max: 200, min: 2 }),
    /** The staff who may handle it: each must have signed the confidentiality commitment. */
    handlerIds: z.array(zId).min(1).max(50),
    /** The day it is to be destroyed. */
    destroyOn: date('business'),
  })
  .refine((d) => (d.personId === null) !== (d.organizationId === null), {
    message: 'Give the person or the organisation, one of them',
    path: ['personId'],
    params: { code: 'paperDocument.ownerRequired' },
  });
export type PaperDocumentCreate = z.output<typeof paperDocumentCreate>;

export const paperDocumentDestruction = z.strictObject({
  destroyedOn: date('business'),
  /** How it was destroyed, e.g. "shredded, security class 3". */
  note: text({ max: 500, min: 2 }).nullable().default(null),
});

export const paperDocumentParams = z.strictObject({ id: zId });

const staffRef = z.object({ id: zId, name: z.string() });

export const paperDocumentView = z.object({
  id: zId,
  personId: zId.nullable(),
  organizationId: zId.nullable(),
  description: z.string(),
  location: z.string(),
  handlers: z.array(staffRef),
  destroyOn: z.iso.date(),
  destroyedOn: z.iso.date().nullable(),
  destroyedBy: staffRef.nullable(),
  destructionNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: staffRef.nullable(),
});
export type PaperDocumentView = z.infer<typeof paperDocumentView>;

export const paperDocumentList = z.object({ items: z.array(paperDocumentView) });

/** The staff who may be named as handlers: active, with the current commitment signed. */
export const paperDocumentHandlers = z.object({ items: z.array(staffRef) });
