import { defineConfig } from 'drizzle-kit';

/** The key store's own schema and migrations: a database apart from the data (decision 0011). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/keystore/schema.ts',
  out: './migrations-keystore',
});
