import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { KeyRingError } from './keystore/key-ring.ts';
import { redactError } from './lib/log-redaction.ts';
import { StartRefused } from './db/roles.ts';
import { firstAdministratorHint, needsFirstAdministrator, openRegister } from './start.ts';

async function main() {
  const config = loadConfig();
  // Plain lines, before the log starts: the first start spends its time creating databases.
  const { app, database, keyCreated, wrappingKeyCreated } = await openRegister(config, {
    onProgress: (step) => console.log(step),
  });
  if (keyCreated)
    app.log.warn(`Created a new master key in ${config.keyFile}: back it up apart from the data`);
  if (wrappingKeyCreated)
    app.log.warn(
      `Created the first key of the key ring, ${wrappingKeyCreated}.key in ${config.wrappingKeyDir}: back the key ring up apart from the data and from the key store (docs/operations.md, "The key store")`,
    );
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `Asiakasrekisteri is running at ${address} on ${database.engine === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
  );
  // Printed as plain text too: this is what a person starting the register reads first.
  if (await needsFirstAdministrator(database))
    console.log(`\n${firstAdministratorHint(database, address)}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof StartRefused ||
    error instanceof KeyRingError
  ) {
    console.error(error.message);
  } else {
    // Through the log's redaction: a failed query's message carries its parameters.
    console.error('The register could not start:', redactError(error));
  }
  process.exit(1);
});
