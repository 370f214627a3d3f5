/** A column header that sorts its table (aria-sort tells screen readers the order). */
import type { ReactNode } from 'react';
import type { SortState } from './sortable.js';

export function SortHeader<K extends string>(props: {
  readonly column: K;
  readonly sort: SortState<K>;
  readonly onSort: (key: K) => void;
  readonly children: ReactNode;
}) {
  const active = props.sort.key === props.column;
  const order = props.sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th aria-sort={active ? order : 'none'}>
      <button type="button" className="ws-sort" onClick={() => props.onSort(props.column)}>
        {props.children}
        <span aria-hidden="true">{active ? (props.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** The sortable headers of a table, in the order of `columns` (column → French heading). */
export function SortHeaders<K extends string>(props: {
  readonly columns: Readonly<Record<K, string>>;
  readonly sort: SortState<K>;
  readonly onSort: (key: K) => void;
}) {
  return (Object.entries(props.columns) as [K, string][]).map(([column, heading]) => (
    <SortHeader key={column} column={column} sort={props.sort} onSort={props.onSort}>
      {heading}
    </SortHeader>
  ));
}
