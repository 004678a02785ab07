import { ancestors, whenAnyExits } from './ancestors';
import { startPlatform } from './platform';

/** `pnpm start`: everything up, URLs printed, Ctrl-C stops it all (PostgreSQL too). */
async function main(): Promise<void> {
  const platform = await startPlatform({ seedIfEmpty: true });
  let exiting = false;
  const shutdown = async (code: number) => {
    if (exiting) return;
    exiting = true;
    console.log('\nstopping Harbour…');
    await platform.stop();
    console.log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  whenAnyExits(ancestors(4), () => {
    console.error('the command that started Harbour has exited');
    void shutdown(0);
  });
  void platform.crashed.then((why) => {
    console.error(`${why}: stopping everything`);
    void shutdown(1);
  });
  console.log(`
Harbour is running.
  Web app:  ${platform.webUrl}
  GraphQL:  ${platform.gatewayUrl}
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
