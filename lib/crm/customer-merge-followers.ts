import "server-only";
import type { Db, Tx } from "../db/client";

/**
 * The things that belong to a customer and follow the survivor of a merge (CRM-2): each
 * says how many the merged customer has (for the preview) and moves them (inside the
 * merge's transaction). Opportunities and contracts join as one entry each when their
 * modules arrive.
 */
type Follower = {
  key: "contacts" | "logs" | "openTasks" | "processes" | "mergedAway" | "leads";
  count: (db: Db | Tx, fromId: string, toId: string) => Promise<number>;
  move: (tx: Tx, from: { id: string }, to: { id: string; code: string }) => Promise<unknown>;
};

const digits = (phone: string | null) => (phone ?? "").replace(/\D/g, "");

/** The merged customer's contacts whose phone number one of the survivor's already has (they are the same people). */
async function samePhoneContacts(db: Db | Tx, fromId: string, toId: string) {
  const [from, to] = await Promise.all([
    db.customerContact.findMany({ where: { customerId: fromId }, orderBy: { createdAt: "asc" } }),
    db.customerContact.findMany({ where: { customerId: toId }, orderBy: { createdAt: "asc" } }),
  ]);
  const byPhone = new Map(to.filter((c) => digits(c.phone)).map((c) => [digits(c.phone), c]));
  return from.map((c) => ({ contact: c, twin: byPhone.get(digits(c.phone)) ?? null }));
}

const contacts: Follower = {
  key: "contacts",
  count: async (db, fromId, toId) => (await samePhoneContacts(db, fromId, toId)).filter((c) => !c.twin).length,
  move: async (tx, from, to) => {
    for (const { contact, twin } of await samePhoneContacts(tx, from.id, to.id)) {
      if (twin) {
        // The survivor's record of the person keeps what it has and gains what only the other knew.
        await tx.customerContact.update({ where: { id: twin.id }, data: { title: twin.title ?? contact.title, email: twin.email ?? contact.email } });
        await tx.customerContact.delete({ where: { id: contact.id } });
      } else {
        await tx.customerContact.update({ where: { id: contact.id }, data: { customerId: to.id, primary: false } });
      }
    }
  },
};

const logs: Follower = {
  key: "logs",
  count: (db, fromId) => db.customerLog.count({ where: { customerId: fromId } }),
  move: (tx, from, to) => tx.customerLog.updateMany({ where: { customerId: from.id }, data: { customerId: to.id } }),
};

/** Open follow-up tasks (counted for the preview; they move with their processes). */
const openTasks: Follower = {
  key: "openTasks",
  count: (db, fromId) => db.task.count({ where: { status: "open", instance: { recordType: "Customer", recordId: fromId } } }),
  move: async () => undefined,
};

const processes: Follower = {
  key: "processes",
  count: (db, fromId) => db.processInstance.count({ where: { recordType: "Customer", recordId: fromId } }),
  move: (tx, from, to) => tx.processInstance.updateMany({ where: { recordType: "Customer", recordId: from.id }, data: { recordId: to.id, businessKey: to.code } }),
};

/** Customers merged into the merged one earlier now point at the survivor directly. */
const mergedAway: Follower = {
  key: "mergedAway",
  count: (db, fromId) => db.customer.count({ where: { mergedIntoId: fromId } }),
  move: (tx, from, to) => tx.customer.updateMany({ where: { mergedIntoId: from.id }, data: { mergedIntoId: to.id } }),
};

/** Leads converted into the merged customer (and their conversion records) now name the survivor. */
const leads: Follower = {
  key: "leads",
  count: (db, fromId) => db.lead.count({ where: { customerId: fromId } }),
  move: async (tx, from, to) => {
    await tx.lead.updateMany({ where: { customerId: from.id }, data: { customerId: to.id } });
    await tx.leadConversion.updateMany({ where: { customerId: from.id }, data: { customerId: to.id } });
  },
};

const FOLLOWERS: Follower[] = [contacts, logs, openTasks, processes, mergedAway, leads];

export type MergeCounts = Record<Follower["key"], number>;

export async function countFollowers(db: Db | Tx, fromId: string, toId: string): Promise<MergeCounts> {
  const counts = await Promise.all(FOLLOWERS.map(async (f) => [f.key, await f.count(db, fromId, toId)] as const));
  return Object.fromEntries(counts) as MergeCounts;
}

export async function moveFollowers(tx: Tx, from: { id: string }, to: { id: string; code: string }) {
  for (const f of FOLLOWERS) await f.move(tx, from, to);
}
