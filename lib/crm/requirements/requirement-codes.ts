import "server-only";
import type { Tx } from "../../db/client";

/** The next requirement code (RQ000001) from its own sequence: numbers never repeat, gaps are fine. */
export async function nextRequirementCode(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"ProductRequirement_code_seq"') AS n`;
  return `RQ${String(row.n).padStart(6, "0")}`;
}

/** The next liaison form code (LF000001). */
export async function nextLiaisonFormCode(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('"LiaisonForm_code_seq"') AS n`;
  return `LF${String(row.n).padStart(6, "0")}`;
}
