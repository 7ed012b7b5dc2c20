import { z } from 'zod';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../enums.ts';

/** How many days ahead a request's deadline counts as near. */
export const DUE_SOON_DAYS = 7;
/** How many days ahead an account's last day counts as near. */
export const EXPIRING_SOON_DAYS = 30;
/** How many days back a flagged disclosure is still listed for the officer to look at. */
export const FLAGGED_DISCLOSURE_DAYS = 30;
/** How many of the user's recent customers the home page lists. */
export const RECENT_CUSTOMERS = 10;

const staffName = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string().nullable(),
});

/**
 * A signed-in staff member's work, by what their role may do: each section is null for a role
 * that may not see it. Counts and numbers only — no customer's personal data — so the home page
 * reads none and the access log has nothing to record.
 */
export const workView = z.object({
  /** Open data-subject requests due within DUE_SOON_DAYS or overdue (`requests.read`). */
  requests: z
    .object({
      overdue: z.int(),
      dueSoon: z.int(),
      items: z.array(
        z.object({
          id: z.string(),
          number: z.int(),
          type: z.enum(REQUEST_TYPES),
          status: z.enum(REQUEST_STATUSES),
          dueOn: z.string(),
          overdue: z.boolean(),
          assignee: staffName.nullable(),
        }),
      ),
    })
    .nullable(),
  /**
   * Break-the-glass openings waiting for review, the last review and who made it, and the
   * disclosures of the last FLAGGED_DISCLOSURE_DAYS that included a protected address
   * (`socialServices.reviewBreakGlass`: the officer who reviews flagged access).
   */
  reviews: z
    .object({
      waiting: z.int(),
      oldestOpenedAt: z.string().nullable(),
      lastReview: z.object({ reviewedAt: z.string(), reviewedBy: staffName.nullable() }).nullable(),
      flaggedDisclosures: z.int(),
    })
    .nullable(),
  /**
   * The persons this user opened or changed lately, newest first, from the user's own access-log
   * entries (`customers.write`). Names, so the home page logs them as read.
   */
  recent: z.array(z.object({ id: z.string(), name: z.string(), lastAt: z.string() })).nullable(),
  /** Billing's work (`invoices.write`): what to invoice, what is overdue, the runs made. */
  billing: z
    .object({
      deliveredNotInvoiced: z.int(),
      oldestDeliveredOn: z.string().nullable(),
      overdueInvoices: z.int(),
      overdueCents: z.int(),
      runs: z.array(
        z.object({
          id: z.string(),
          invoiceDate: z.string(),
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
          invoiceCount: z.int(),
        }),
      ),
    })
    .nullable(),
  /** Accounts to see to (`staff.manage`): ending within EXPIRING_SOON_DAYS, or without the current commitment signed. */
  accounts: z
    .object({
      expiring: z.array(staffName.extend({ expiresOn: z.string() })),
      unsignedCommitment: z.array(staffName),
    })
    .nullable(),
});
export type WorkView = z.infer<typeof workView>;
