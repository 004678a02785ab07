import { readFileSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 1 ? ppid : null;
  } catch {
    return null;
  }
}

/** Up to `depth` ancestors of this process (Linux; none elsewhere). */
export function ancestors(depth: number): number[] {
  const found: number[] = [];
  let pid: number | null = process.pid;
  while (found.length < depth && (pid = parentOf(pid)) !== null) found.push(pid);
  return found;
}

/**
 * Calls `onGone` once when any of the given processes has exited. `pnpm start` runs us
 * under npx, pnpm and a shell: a signal sent to one of those alone (not the whole group,
 * as a terminal's Ctrl-C does) ends it without passing the signal on, and would leave us
 * running. Watching them closes that gap.
 */
export function whenAnyExits(pids: number[], onGone: () => void, everyMs = 1000): NodeJS.Timeout {
  const timer = setInterval(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 0);
      } catch (error) {
        // EPERM: it exists but is another user's (sudo -u, su -c). Only ESRCH means gone.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') continue;
        clearInterval(timer);
        onGone();
        return;
      }
    }
  }, everyMs);
  timer.unref();
  return timer;
}
