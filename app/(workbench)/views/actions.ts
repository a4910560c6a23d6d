"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { employeeAction } from "@/lib/auth/action-client";
import { deleteView, LIST_KEYS, saveView, type ListKey } from "@/lib/views/saved-views";

// Saved views of any list that keeps them (lib/views): the list's own permission is checked there.
const listKey = z.enum(LIST_KEYS as [ListKey, ...ListKey[]]);

export const saveViewAction = employeeAction(null, z.object({ listKey, path: z.string().regex(/^\/[a-z\/-]{1,80}$/), name: z.string().max(100), query: z.record(z.string(), z.unknown()) }), async ({ listKey: key, path, ...input }, { actor, db }) => {
  const row = await saveView(db, actor, key, input);
  revalidatePath(path);
  return row;
});

export const deleteViewAction = employeeAction(null, z.object({ listKey, path: z.string().regex(/^\/[a-z\/-]{1,80}$/), id: z.string().max(40) }), async ({ listKey: key, path, id }, { actor, db }) => {
  const done = await deleteView(db, actor, key, id);
  revalidatePath(path);
  return done;
});
