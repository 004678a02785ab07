import DataLoader from 'dataloader';

/** Per-request DataLoader cache, keyed by a name the caller chooses. */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The request's loader called `name`, created on first use from `batch`. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * The request's loader called `name` for one page request of a connection field: every
   * parent asking for the same page (`first`, `after`) in this request shares one batch.
   */
  perPage<V>(
    name: string,
    page: { first: number; after?: string | null },
    batch: (parentIds: readonly string[]) => Promise<V[]>,
  ): DataLoader<string, V> {
    return this.get<string, V>(`${name}:${page.first}:${page.after ?? ''}`, batch);
  }
}

/**
 * Orders batch results to match `keys`: DataLoader requires one result per key, in order.
 * Keys with no row get `missing`.
 */
export function byKey<K, V, M>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, missing: M): (V | M)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? missing);
}

/** Groups batch results per key, for one-to-many loaders. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
