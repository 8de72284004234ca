import { type ReactNode, useId, useState } from 'react';

/**
 * A chart as a named figure with a "Show data table" button under it: every chart's numbers are
 * also a table, for screen readers and for copying.
 */
export function DataFigure(props: { caption: string; chart: ReactNode; table: ReactNode }) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <figure className="em-figure">
      <figcaption>{props.caption}</figcaption>
      {props.chart}
      <button
        type="button"
        className="em-table-toggle"
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onClick={() => setShowTable((v) => !v)}
      >
        Show data table
      </button>
      {showTable && (
        <div className="em-table-wrap" id={tableId}>
          {props.table}
        </div>
      )}
    </figure>
  );
}
