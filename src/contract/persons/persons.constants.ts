// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * Why an identity code may be kept (Data Protection Act 1050/2018, 29 §): the code is processed
 * only with one of these reasons recorded.
 */
export const IDENTITY_CODE_PURPOSES = [
  'consent',
  'legal_obligation',
  'unambiguous_identification',
  'social_services',
  'billing_and_collection',
  'credit_decision',
] as const;

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
