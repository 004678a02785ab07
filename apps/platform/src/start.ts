import { demoData, DEMO_PASSWORD, DEMO_RESPONDENT_TOKEN } from '@harbour/demo';
import { ancestors, whenAnyExits } from './ancestors';
import { describeError } from './describe-error';
import { startPlatform, type RunningPlatform } from './platform';

/** `pnpm start`: everything up, URLs printed, Ctrl-C stops it all (PostgreSQL too). */
async function main(): Promise<void> {
  // Filled in once start-up finishes; the signal handlers below exist before that.
  const running: { platform?: RunningPlatform } = {};
  let stopRequested = false;
  let exiting = false;
  const shutdown = async (code: number) => {
    stopRequested = true;
    // Still starting: startPlatform finishes or fails first, then this runs again.
    if (!running.platform || exiting) return;
    exiting = true;
    console.log('\nstopping Harbour…');
    await running.platform.stop();
    console.log('stopped');
    process.exit(code);
  };
  // Installed before anything starts, so a stop during start-up is honoured, not fatal.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
  whenAnyExits(ancestors(4), () => {
    console.error('the command that started Harbour has exited');
    void shutdown(0);
  });

  let platform: RunningPlatform;
  try {
    platform = running.platform = await startPlatform({ seedIfEmpty: true });
  } catch (error) {
    // A Ctrl-C during start-up also reaches the services, which then fail to come up:
    // that is the stop the person asked for, not an error. startPlatform has cleaned up.
    if (!stopRequested) throw error;
    console.log('\nstopped before Harbour was running');
    process.exit(0);
  }
  if (stopRequested) {
    await shutdown(0);
    return;
  }
  // A crashed service is restarted (the log says so); only one that cannot be started again stops everything.
  void platform.crashed.then((why) => {
    console.error(`${why}: stopping everything`);
    void shutdown(1);
  });
  console.log(`
Harbour is running.
  Web app:  ${platform.webUrl}
  GraphQL:  ${platform.gatewayUrl}
Demo accounts (password ${DEMO_PASSWORD}), if the demo data was seeded:
${demoData().accounts.map((a) => `  ${a.email.padEnd(36)} ${a.displayName}`).join('\n')}
  and a respondent's personal link to the demo campaign: ${platform.webUrl}s/${DEMO_RESPONDENT_TOKEN}
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
