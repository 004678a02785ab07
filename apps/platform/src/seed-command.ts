import { bringUpDatabase } from './database';
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
