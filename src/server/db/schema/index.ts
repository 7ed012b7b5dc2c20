export * from './staff.ts';
export * from './customers.ts';
