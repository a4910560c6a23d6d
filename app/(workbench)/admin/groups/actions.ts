"use server";

import { revalidatePath } from "next/cache";
import { employeeAction } from "@/lib/auth/action-client";
import { groupInput, groupMembersInput, groupUpdate, setActiveInput } from "@/lib/org/org.schema";
import { createGroup, setGroupActive, setGroupMembers, updateGroup } from "@/lib/org/save-group";

export const createGroupAction = employeeAction("org.manage", groupInput, async (input, { actor, db }) => {
  const g = await createGroup(db, actor, input);
  revalidatePath("/admin/groups");
  return { id: g.id };
});

export const updateGroupAction = employeeAction("org.manage", groupUpdate, async (input, { actor, db }) => {
  const g = await updateGroup(db, actor, input);
  revalidatePath("/admin/groups");
  return { id: g.id };
});

export const setGroupActiveAction = employeeAction("org.manage", setActiveInput, async ({ id, active }, { actor, db }) => {
  await setGroupActive(db, actor, id, active);
  revalidatePath("/admin/groups");
  return { id };
});

export const setGroupMembersAction = employeeAction("org.manage", groupMembersInput, async (input, { actor, db }) => {
  await setGroupMembers(db, actor, input);
  revalidatePath("/admin/groups");
  return { id: input.id };
});
