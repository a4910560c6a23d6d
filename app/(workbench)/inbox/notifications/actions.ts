"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { idInput } from "@/lib/inbox/inbox.schema";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/inbox/mark-notifications-read";
import { z } from "zod";

// The bell lives in the workbench layout: refresh the whole workbench so its count follows.
export const markNotificationReadAction = employeeAction(null, idInput, async ({ id }, { actor, db }) => {
  const r = await markNotificationRead(db, actor, id);
  revalidatePath("/", "layout");
  return r;
});

export const markAllNotificationsReadAction = employeeAction(null, z.object({}), async (_input, { actor, db }) => {
  const r = await markAllNotificationsRead(db, actor);
  revalidatePath("/", "layout");
  return r;
});
