import type { z } from 'zod';
import { request } from '../../api.ts';
import type {
  sourcePartnerList,
  valueSourceList,
} from '../../../contract/persons/value-sources.schemas.ts';

export type ValueSourceList = z.infer<typeof valueSourceList>;
export type ValueSourceItem = ValueSourceList['items'][number];
export type SourcePartnerList = z.infer<typeof sourcePartnerList>;

const id = (value: string) => encodeURIComponent(value);

/** Where a person's values came from (requirements §4). */
export const valueSourcesApi = {
  ofPerson: (personId: string, signal?: AbortSignal) =>
    request<ValueSourceList>('GET', `/api/persons/${id(personId)}/value-sources`, undefined, {
      signal,
    }),
  sourcePartners: (signal?: AbortSignal) =>
    request<SourcePartnerList>('GET', '/api/value-source-partners', undefined, { signal }),
};
