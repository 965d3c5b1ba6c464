import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** API sort values for this column, ascending first (`name`, `-name`). */
  sort?: readonly string[];
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: string;
  onSort?: (sort: string) => void;
}

function ariaSort(column: Column<unknown>, sort: string | undefined): 'ascending' | 'descending' | undefined {
  if (!column.sort || !sort) return undefined;
  if (sort === column.sort[0]) return 'ascending';
  if (sort === column.sort[1]) return 'descending';
  return undefined;
}

/**
 * A table whose sortable headers are buttons (keyboard and screen readers know the order); on
 * narrow screens each row becomes a card with the column names beside the values.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, sort, onSort }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const order = ariaSort(column as Column<unknown>, sort);
              return (
                <th key={column.key} scope="col" aria-sort={order} className={column.className}>
                  {column.sort && onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => {
                        const [asc, desc] = column.sort!;
                        onSort(order === 'ascending' && desc ? desc : asc!);
                      }}
                    >
                      {column.label}
                      <span aria-hidden="true" className="sort-arrow">
                        {order === 'ascending' ? '▲' : order === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.label} className={column.className}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
