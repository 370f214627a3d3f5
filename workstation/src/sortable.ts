/** Sortable tables: the column a list is sorted by, and the header button that toggles it. */
import { useState } from 'react';

export type Direction = 'asc' | 'desc';
export interface SortState<K extends string> {
  readonly key: K;
  readonly direction: Direction;
}

export type Sortable = string | number | null;

/** Sorts by one key; unknown values (null) always last, ties keep the natural order. */
export function sortBy<T, K extends string>(
  rows: readonly T[],
  state: SortState<K>,
  value: (row: T, key: K) => Sortable,
): T[] {
  const sign = state.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: value(row, state.key) }))
    .sort((a, b) => {
      if (a.v === b.v) return a.i - b.i;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v), 'fr', { sensitivity: 'base' });
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}

export function useSort<K extends string>(initial: K) {
  const [state, setState] = useState<SortState<K>>({ key: initial, direction: 'asc' });
  const toggle = (key: K) =>
    setState((s) =>
      s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' },
    );
  return { state, toggle };
}

/** A table's rows sorted by the column chosen in its headers: one value reader per column (the compiler asks for each). */
export function useSortedRows<T, K extends string>(
  rows: readonly T[],
  initial: K,
  values: Readonly<Record<K, (row: T) => Sortable>>,
) {
  const { state, toggle } = useSort<K>(initial);
  return { shown: sortBy(rows, state, (row, key) => values[key](row)), sort: state, toggle };
}
