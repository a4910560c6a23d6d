"use server";

import { revalidatePath } from "next/cache";
import { supplierAction } from "@/lib/auth/action-client";
import { changeOwnPassword } from "@/lib/auth/change-own-password";
import { passwordChangeInput } from "@/lib/auth/password-change.schema";
import { reissueSessionToken } from "@/lib/auth/session-cookie";

// Open while the change is due: it is the one thing such a session may do.
export const changePasswordAction = supplierAction(
  passwordChangeInput,
  async (input, { actor, db }) => {
    const { sessionVersion } = await changeOwnPassword(db, actor, input);
    // The change ended every session of the account; this one carries on with the new version.
    await reissueSessionToken(actor.id, sessionVersion);
    revalidatePath("/portal", "layout");
    return { changed: true };
  },
  { whilePasswordChangeDue: "allowed" },
);
