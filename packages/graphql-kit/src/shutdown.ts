/**
 * Exits cleanly on SIGINT, SIGTERM or loss of the platform's IPC channel, from the moment
 * it is called: a stop that arrives while a service is still starting must not leave it
 * running. `cleanup` sets what to close first, as more of the service comes up.
 */
export function exitOnStop(): { cleanup(fn: () => Promise<void>): void } {
  let cleanup: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    Promise.resolve()
      .then(() => cleanup?.())
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  return {
    cleanup(fn) {
      cleanup = fn;
    },
  };
}
