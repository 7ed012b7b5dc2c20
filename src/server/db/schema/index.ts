export * from './staff.ts';
export * from './customers.ts';
export * from './access-log.ts';
export * from './social-services.ts';
export * from './billing.ts';
export * from './disclosures.ts';
export * from './requests.ts';
