"use server";

import { revalidatePath } from "next/cache";
import { supplierAction } from "@/lib/auth/action-client";
import { addColleague } from "@/lib/srm/add-colleague";
import { colleagueActiveInput, colleagueAdminInput, colleagueInput } from "@/lib/srm/colleague.schema";
import { setColleagueActive, setColleagueAdmin } from "@/lib/srm/update-colleague";

// The supplier is the session's (lib/ scopes every lookup by it); the input names only the colleague.
export const addColleagueAction = supplierAction(colleagueInput, async (input, { actor, db }) => {
  const created = await addColleague(db, actor, input);
  revalidatePath("/portal/account/users");
  return { username: created.username, name: created.name, password: created.password };
});

export const setColleagueActiveAction = supplierAction(colleagueActiveInput, async (input, { actor, db }) => {
  await setColleagueActive(db, actor, input);
  revalidatePath("/portal/account/users");
  return { id: input.id };
});

export const setColleagueAdminAction = supplierAction(colleagueAdminInput, async (input, { actor, db }) => {
  await setColleagueAdmin(db, actor, input);
  revalidatePath("/portal/account/users");
  return { id: input.id };
});

