import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password-rules";

const code = z.string().trim().min(1).max(40).regex(/^[a-z0-9_-]+$/i, "validation.code_format");
const name = z.string().trim().min(1).max(100);
const username = z.string().trim().toLowerCase().min(2).max(60).regex(/^[a-z0-9._-]+$/, "validation.username_format");
const password = z.string().min(MIN_PASSWORD_LENGTH, "validation.password_too_short").max(200);
// nullish: the domain re-parses what the action already parsed (null after the transform).
const optionalText = z.string().trim().max(200).nullish().transform((v) => v || null);
const optionalId = z.string().uuid().optional().nullable().or(z.literal("")).transform((v) => v || null);

export const departmentInput = z.object({
  code,
  nameZh: name,
  nameEn: name,
  parentId: optionalId,
  headId: optionalId,
});
export const departmentUpdate = departmentInput.extend({ id: z.string().uuid() });

export const employeeInput = z.object({
  username,
  name,
  email: z.string().trim().email().nullish().or(z.literal("")).transform((v) => v || null),
  phone: optionalText,
  departmentId: optionalId,
  password,
  roles: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});
export const employeeUpdate = employeeInput.omit({ password: true, username: true }).extend({
  id: z.string().uuid(),
  password: password.optional().or(z.literal("")).transform((v) => v || undefined),
});

export const groupInput = z.object({ key: code, nameZh: name, nameEn: name });
export const groupUpdate = groupInput.extend({ id: z.string().uuid() });
export const groupMembersInput = z.object({ id: z.string().uuid(), employeeIds: z.array(z.string().uuid()) });

export const setActiveInput = z.object({ id: z.string().uuid(), active: z.boolean() });

export type DepartmentInput = z.infer<typeof departmentInput>;
export type DepartmentUpdate = z.infer<typeof departmentUpdate>;
export type EmployeeInput = z.input<typeof employeeInput>;
export type EmployeeUpdate = z.input<typeof employeeUpdate>;
export type GroupInput = z.infer<typeof groupInput>;
