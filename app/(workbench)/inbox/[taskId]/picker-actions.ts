"use server";

import { employeeAction } from "@/lib/auth/action-client";
import { taskIdInput } from "@/lib/inbox/inbox.schema";
import { listDelegatePicks } from "@/lib/inbox/list-pickers";

// The delegate/reassign dialog loads its people when it opens: who comes first depends on the task and the actor.
export const listDelegatePicksAction = employeeAction(null, taskIdInput, async ({ taskId }, { actor, db }) => listDelegatePicks(db, actor, taskId));
