import "server-only";

/**
 * Test hook for the crash the outbox must survive: with ERP_FAULT_AFTER_SEND=1 (or
 * the operation's name) the process kills itself right after the ERP accepted a
 * write and before the app recorded it. The job is then claimed again after its
 * lease, and the connector's idempotency makes the second send a no-op.
 */
export function faultAfterSend(operation: string) {
  const f = process.env.ERP_FAULT_AFTER_SEND;
  if (f && (f === "1" || f === operation)) process.kill(process.pid, "SIGKILL");
}
