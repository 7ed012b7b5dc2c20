import type { z } from 'zod';
import { request } from '../../api.ts';
import type {
  CommitmentSettings,
  StaffSummary,
  StaffView,
  partnerOptions,
  staffCreate,
  staffPatch,
} from '../../../contract/staff/staff.schemas.ts';

export type { CommitmentSettings, StaffSummary, StaffView };
export type StaffCreateInput = z.input<typeof staffCreate>;
export type StaffPatchInput = z.input<typeof staffPatch>;
export type PartnerOption = z.infer<typeof partnerOptions>['items'][number];
export type StaffList = { items: StaffSummary[]; currentCommitmentVersion: number };

const id = (value: string) => encodeURIComponent(value);

/** The staff administration API (administrators only). */
export const staffApi = {
  list: (signal?: AbortSignal) => request<StaffList>('GET', '/api/staff', undefined, { signal }),
  partners: (signal?: AbortSignal) =>
    request<{ items: PartnerOption[] }>('GET', '/api/staff/partners', undefined, {
      ...(signal ? { signal } : {}),
    }),
  get: (userId: string, signal?: AbortSignal) =>
    request<StaffView>('GET', `/api/staff/${id(userId)}`, undefined, {
      ...(signal ? { signal } : {}),
    }),
  create: (input: StaffCreateInput) => request<StaffView>('POST', '/api/staff', input),
  update: (userId: string, patch: StaffPatchInput) =>
    request<StaffView>('PATCH', `/api/staff/${id(userId)}`, patch),
  deactivate: (userId: string) =>
    request<StaffView>('POST', `/api/staff/${id(userId)}/deactivate`, {}),
  reactivate: (userId: string) =>
    request<StaffView>('POST', `/api/staff/${id(userId)}/reactivate`, {}),
  resetPassword: (userId: string, temporaryPassword: string) =>
    request<StaffView>('POST', `/api/staff/${id(userId)}/reset-password`, { temporaryPassword }),
  resetTotp: (userId: string) =>
    request<StaffView>('POST', `/api/staff/${id(userId)}/reset-totp`, {}),
  recordCommitment: (userId: string, paper: { signedOn: string; keptAt: string }) =>
    request<StaffView>('POST', `/api/staff/${id(userId)}/commitment`, paper),
  commitmentSettings: (signal?: AbortSignal) =>
    request<CommitmentSettings>('GET', '/api/settings/commitment', undefined, {
      ...(signal ? { signal } : {}),
    }),
  publishCommitment: (text: string) =>
    request<CommitmentSettings>('POST', '/api/settings/commitment', { text }),
};
