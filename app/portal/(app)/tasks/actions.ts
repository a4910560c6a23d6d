"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { supplierAction } from "@/lib/auth/action-client";
import { idInput, submitTaskInput } from "@/lib/inbox/inbox.schema";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/inbox/mark-notifications-read";
import { submitTaskForm } from "@/lib/inbox/submit-task-form";

// The supplier comes from the session (supplierAction); lib/ checks the task's candidate supplier against it.
export const submitPortalTaskAction = supplierAction(submitTaskInput, async (input, { actor, db }) => {
  const r = await submitTaskForm(db, actor, input);
  revalidatePath("/portal", "layout");
  return { instanceStatus: r.instanceStatus };
});

export const markPortalNotificationReadAction = supplierAction(idInput, async ({ id }, { actor, db }) => {
  const r = await markNotificationRead(db, actor, id);
  revalidatePath("/portal", "layout");
  return r;
});

export const markAllPortalNotificationsReadAction = supplierAction(z.object({}), async (_input, { actor, db }) => {
  const r = await markAllNotificationsRead(db, actor);
  revalidatePath("/portal", "layout");
  return r;
});
