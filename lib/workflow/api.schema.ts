import { z } from "zod";

const data = z.record(z.string(), z.unknown()).default({});

export const startRequest = z.object({
  businessKey: z.string().max(100).optional(),
  supplierId: z.string().uuid().optional(),
  data,
});

export const completeRequest = z.object({ data });

export const messageRequest = z.object({
  name: z.string().trim().min(1).max(100),
  businessKey: z.string().trim().min(1).max(100),
  data,
});
