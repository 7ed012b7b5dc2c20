/** The objections' vocabularies, by their names in the catalogue (the types make them complete). */
import type { MessageKey } from '../../i18n/catalogues.ts';
import type { VALUE_ADDED_SERVICE_USES } from '../../../contract/disclosures/disclosures.schemas.ts';
import type { ObjectionSource, ObjectionType } from '../../../contract/enums.ts';
import type { MailingListUse } from '../../../contract/objections/mailing-list.schemas.ts';

export const TYPE_LABELS: Record<ObjectionType, MessageKey> = {
  direct_marketing: 'objections.type.direct_marketing',
  distance_selling: 'objections.type.distance_selling',
  market_research: 'objections.type.market_research',
  published_list: 'objections.type.published_list',
  targeting: 'objections.type.targeting',
};

export const SOURCE_LABELS: Record<ObjectionSource, MessageKey> = {
  request: 'objections.source.request',
  customer_service: 'objections.source.customer_service',
  email: 'objections.source.email',
  register_officer: 'objections.source.register_officer',
  population_register: 'objections.source.population_register',
  e_service: 'objections.source.e_service',
};

/** The sources staff record from the person's page: a request records its own, so does the person. */
export type StaffSource = Exclude<ObjectionSource, 'request' | 'e_service'>;
export const STAFF_SOURCES = Object.keys(SOURCE_LABELS).filter(
  (source) => source !== 'request' && source !== 'e_service',
) as StaffSource[];

export const MAILING_USES: MailingListUse[] = [
  'published_list',
  'direct_marketing',
  'distance_selling',
  'market_research',
];

/** What a value-added service's disclosure may state as its use (decision 0018). */
export const DISCLOSURE_USE_LABELS: Record<(typeof VALUE_ADDED_SERVICE_USES)[number], MessageKey> =
  {
    service_delivery: 'objections.use.service_delivery',
    ...TYPE_LABELS,
  };
