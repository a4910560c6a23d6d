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

/** `label` names the cell where a card layout shows it without the header row (ListTable `cards`, on a phone). */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td className={cn("border-b border-slate-100 px-3 py-2 align-middle", className)} data-label={label} {...props} />;
}

export type ListColumn = { label: string; className?: string };

/*
 * Below md a `cards` ListTable shows each row as a card: the header row goes,
 * each cell becomes a line "label  value" (its Td `label`; a cell without one
 * spans the line, e.g. the card's title) and nothing keeps its desktop width or
 * no-wrap, so a phone never clips or scrolls a row sideways. The same DOM,
 * restyled: tests and links find the same rows at every width.
 */
const CARD_CONTAINER = "max-md:overflow-visible max-md:border-0 max-md:bg-transparent max-md:shadow-none";
const CARD_BODY = cn(
  "max-md:block max-md:space-y-2",
  "max-md:[&>tr]:block max-md:[&>tr]:rounded-lg max-md:[&>tr]:border max-md:[&>tr]:border-slate-200 max-md:[&>tr]:bg-white max-md:[&>tr]:px-3 max-md:[&>tr]:py-2 max-md:[&>tr]:shadow-sm",
  "max-md:[&>tr>td]:flex max-md:[&>tr>td]:min-w-0 max-md:[&>tr>td]:items-baseline max-md:[&>tr>td]:gap-3 max-md:[&>tr>td]:border-0 max-md:[&>tr>td]:px-0 max-md:[&>tr>td]:py-1 max-md:[&>tr>td]:text-left max-md:[&>tr>td]:whitespace-normal max-md:[&>tr>td]:break-words",
  "max-md:[&>tr>td[data-label]]:before:w-24 max-md:[&>tr>td[data-label]]:before:shrink-0 max-md:[&>tr>td[data-label]]:before:text-xs max-md:[&>tr>td[data-label]]:before:font-normal max-md:[&>tr>td[data-label]]:before:text-slate-500 max-md:[&>tr>td[data-label]]:before:content-[attr(data-label)]",
);

/**
 * A server-rendered list as a table: the header row from `columns`, then the
 * rows (children), or one row saying `empty` when there are none. With
 * `cards`, rows are cards on a phone (see above); each cell's content should be
 * one element, the label being the cell's first box.
 */
export function ListTable({ testId, columns, empty, isEmpty, children, cards = false }: { testId: string; columns: ListColumn[]; empty: string; isEmpty: boolean; children: React.ReactNode; cards?: boolean }) {
  return (
    <TableContainer className={cn(cards && CARD_CONTAINER)}>
      <Table data-testid={testId} className={cn(cards && "max-md:block")}>
        <thead className={cn(cards && "max-md:hidden")}>
          <tr>
            {columns.map((c) => (
              <Th key={c.label} className={c.className}>{c.label}</Th>
            ))}
          </tr>
        </thead>
        <tbody className={cn(cards && CARD_BODY)}>
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
