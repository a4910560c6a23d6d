"use server";

import { employeeAction } from "@/lib/auth/action-client";
import { deleteView } from "@/lib/views/delete-view";
import { saveView } from "@/lib/views/save-view";
import { deleteViewInput, saveViewInput } from "@/lib/views/views.schema";

// Saved views of any list (lib/views): own views only, checked in lib/views; the
// component refreshes the list page after a change.
export const saveViewAction = employeeAction(null, saveViewInput, async (input, { actor, db }) => saveView(db, actor, input));

export const deleteViewAction = employeeAction(null, deleteViewInput, async ({ id }, { actor, db }) => deleteView(db, actor, id));
