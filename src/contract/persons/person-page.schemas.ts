import { z } from 'zod';
import { pageOf } from '../customers/customer-data.schemas.ts';
import { customerDisclosurePage } from '../disclosures/disclosures.schemas.ts';
import { legalHoldList } from '../erasure/erasure.schemas.ts';
import { invoiceSummary } from '../invoices/invoices.schemas.ts';
import { objectionList } from '../objections/objections.schemas.ts';
import { orderSummary } from '../orders/orders.schemas.ts';
import { requestSummary } from '../requests/requests.schemas.ts';
import { restrictionView } from '../restriction/restriction.schemas.ts';
import { personView } from './persons.schemas.ts';

/** The sections of a person's page besides the person, each read only for who may read it. */
export const PERSON_PAGE_SECTIONS = [
  'orders',
  'invoices',
  'disclosures',
  'objections',
  'requests',
  'legalHolds',
] as const;
export type PersonPageSection = (typeof PERSON_PAGE_SECTIONS)[number];

/** How many of each list the page shows at first; a section loads more itself. */
export const PERSON_PAGE_LIMITS = {
  orders: 50,
  invoices: 50,
  disclosures: 50,
  requests: 50,
} as const;

/**
 * A person's page in one answer (decision 0007): the person and every section the reader's
 * permissions open, read under one access-log entry. A section the reader may not read is absent,
 * not empty.
 */
export const personPage = z.object({
  person: personView,
  /** The sections read, in the order of `PERSON_PAGE_SECTIONS`. */
  sections: z.array(z.enum(PERSON_PAGE_SECTIONS)),
  orders: pageOf(orderSummary).optional(),
  invoices: pageOf(invoiceSummary).optional(),
  disclosures: customerDisclosurePage.optional(),
  objections: objectionList.optional(),
  requests: pageOf(requestSummary).optional(),
  legalHolds: legalHoldList.optional(),
  /**
   * Only for a reader who may read social-services client data: whether the person is a client
   * as far as the reader may know (a unit of theirs serves them today, or any unit does while
   * their break-the-glass grant holds). Every other reader gets no such member (decision 0012).
   */
  socialServicesClient: z.boolean().optional(),
  /**
   * The restriction of processing in force today (decision 0033), for every reader: while it
   * holds the person's data are only stored. Null when none holds.
   */
  restriction: restrictionView.nullable(),
});
export type PersonPage = z.infer<typeof personPage>;
