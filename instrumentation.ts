// Runs once when a server instance starts, before it serves requests: the
// database is migrated (and, for the demo, seeded) inside the process that owns it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}
