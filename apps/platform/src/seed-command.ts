import { bringUpDatabase } from './database';
import { describeError } from './describe-error';
import { seedDemo } from './seed';

/** `pnpm seed`: migrate, then write the demo data (idempotent). */
async function main(): Promise<void> {
  const db = await bringUpDatabase();
  try {
    await seedDemo(db.ownerUrl);
  } finally {
    await db.server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
