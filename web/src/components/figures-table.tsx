import type { ReactNode } from 'react';

/** A column of counts; `alert`: a non-zero value needs attention (overdue, missing, red). */
export interface FigureColumn<F> {
  key: keyof F & string;
  label: string;
  alert?: boolean;
}

export interface FigureGroup<F> {
  label: string;
  columns: FigureColumn<F>[];
}

export interface FigureRow<F> {
  key: string;
  name: ReactNode;
  figures: F;
}

/**
 * Counts per department (or agency) under grouped headings, with a totals row; wide tables scroll
 * sideways inside their card on a tablet rather than squeezing the figures.
 */
export function FiguresTable<F extends object>({
  nameHeading,
  groups,
  rows,
  totals,
  testId,
}: {
  nameHeading: string;
  groups: FigureGroup<F>[];
  rows: FigureRow<F>[];
  totals: F | null;
  testId?: string;
}) {
  const columns = groups.flatMap((g) => g.columns);
  const cell = (figures: F, column: FigureColumn<F>) => {
    const value = Number(figures[column.key]);
    return (
      <td
        key={column.key}
        className={`num${column.alert && value > 0 ? ' text-bad' : ''}`}
        data-figure={column.key}
      >
        {value}
      </td>
    );
  };
  return (
    <div className="table-wrap">
      <table className="figures" data-testid={testId}>
        <thead>
          <tr>
            <th rowSpan={2}>{nameHeading}</th>
            {groups.map((g) => (
              <th key={g.label} colSpan={g.columns.length} className="group">
                {g.label}
              </th>
            ))}
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className="num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <td>{row.name}</td>
              {columns.map((c) => cell(row.figures, c))}
            </tr>
          ))}
        </tbody>
        {totals && rows.length > 1 && (
          <tfoot>
            <tr>
              <th>合计</th>
              {columns.map((c) => cell(totals, c))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
