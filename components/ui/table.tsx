import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

/** Wide tables scroll inside this box, so the page itself never scrolls sideways on a phone. */
export function TableContainer({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("w-full overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm", className)} {...props} />;
}

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={cn("whitespace-nowrap border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold text-slate-600", className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-middle", className)} {...props} />;
}

export type ListColumn = { label: string; className?: string };

/**
 * A server-rendered list as a table: the header row from `columns`, then the
 * rows (children), or one row saying `empty` when there are none.
 */
export function ListTable({ testId, columns, empty, isEmpty, children }: { testId: string; columns: ListColumn[]; empty: string; isEmpty: boolean; children: React.ReactNode }) {
  return (
    <TableContainer>
      <Table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <Th key={c.label} className={c.className}>{c.label}</Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {isEmpty ? (
            <tr>
              <Td colSpan={columns.length} className="text-center text-slate-500">{empty}</Td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </Table>
    </TableContainer>
  );
}
