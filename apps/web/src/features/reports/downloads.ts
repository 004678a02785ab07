import type { Filter, Dimension } from './report-filter';

/** Fetches an export with the session's cookie and saves it under its own name; resolves with an error message or null. */
export async function download(kind: 'xlsx' | 'csv', filter: Filter, by: Dimension, table = 'constructs'): Promise<string | null> {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), by, ...(kind === 'csv' ? { table } : {}) });
  const response = await fetch(`/exports/role-evaluation.${kind}?${params}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    return body?.errors?.[0]?.message ?? `The export failed (${response.status})`;
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `role-evaluation.${kind}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return null;
}
