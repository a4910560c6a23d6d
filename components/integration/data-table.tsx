"use client";

import { tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";
import { Table, TableContainer, Td, Th } from "@/components/ui/table";

const features = tableFeatures({});
export type Features = typeof features;

const metaClass = (meta: unknown) => (meta as { className?: string } | undefined)?.className;

/**
 * A server-paged TanStack table: the page of rows comes from the server, paging
 * and filters live in the URL. On a phone each row becomes a card of
 * "label value" lines (the same DOM, restyled), so nothing hides off to the side.
 */
export function DataTable<Row extends RowData>({
  columns,
  rows,
  rowId,
  empty,
  testId,
  rowProps,
}: {
  columns: ColumnDef<Features, Row, unknown>[];
  rows: Row[];
  rowId: (r: Row) => string;
  empty: string;
  testId?: string;
  rowProps?: (r: Row) => Record<string, string | undefined>;
}) {
  const table = useTable({ features, columns, data: rows, getRowId: rowId });
  const labels = new Map(table.getFlatHeaders().map((h) => [h.column.id, typeof h.column.columnDef.header === "string" ? h.column.columnDef.header : ""]));
  return (
    // relative: screen-reader-only headers are positioned; they must stay inside the scrolling box.
    <TableContainer className="relative max-md:border-0 max-md:bg-transparent max-md:shadow-none">
      <Table data-testid={testId} className="max-md:block">
        <thead className="max-md:hidden">
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <Th key={h.id} className={metaClass(h.column.columnDef.meta)}>
                  <table.FlexRender header={h} />
                </Th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="max-md:block max-md:space-y-2">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:px-3 max-md:py-2 max-md:shadow-sm" {...rowProps?.(row.original)}>
              {row.getAllCells().map((cell) => (
                <Td
                  key={cell.id}
                  data-label={labels.get(cell.column.id) ?? ""}
                  className={cn(
                    "align-top",
                    metaClass(cell.column.columnDef.meta),
                    "max-md:flex max-md:min-h-7 max-md:items-start max-md:gap-3 max-md:border-0 max-md:px-0 max-md:py-1 max-md:text-left max-md:empty:hidden",
                    "max-md:before:w-20 max-md:before:shrink-0 max-md:before:pt-0.5 max-md:before:text-xs max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]",
                  )}
                >
                  <table.FlexRender cell={cell} />
                </Td>
              ))}
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr className="max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white">
              <Td colSpan={columns.length} className="py-8 text-center text-slate-500 max-md:block">{empty}</Td>
            </tr>
          ) : null}
        </tbody>
      </Table>
    </TableContainer>
  );
}
