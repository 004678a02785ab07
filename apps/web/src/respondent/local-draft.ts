/**
 * The draft as this device last had it, kept in localStorage on every change, so a reload or a
 * lost connection loses nothing even before the server has it.
 */
export interface LocalDraft {
  answers: Record<string, unknown>;
  page: number;
  /** When it was written (ms since the epoch). */
  at: number;
}

const keyOf = (token: string) => `harbour.draft.${token.slice(0, 16)}`;

export function readLocalDraft(token: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(token));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(token: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(keyOf(token), JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private browsing): the server copy still works.
  }
}

export function clearLocalDraft(token: string): void {
  localStorage.removeItem(keyOf(token));
}

/** The newer of the server's draft and this device's. */
export function newerDraft(server: { answers: Record<string, unknown> | null; pageNo: number | null; savedAt: string | null }, local: LocalDraft | null): { answers: Record<string, unknown>; page: number; fromDevice: boolean } {
  const serverAt = server.savedAt ? Date.parse(server.savedAt) : 0;
  if (local && local.at > serverAt) return { answers: local.answers, page: local.page, fromDevice: true };
  return { answers: server.answers ?? {}, page: server.pageNo ?? 0, fromDevice: false };
}
