export * from './staff.ts';
export * from './customers.ts';
export * from './access-log.ts';
export * from './social-services.ts';
