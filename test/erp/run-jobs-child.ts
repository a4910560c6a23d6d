// Runs the due jobs of a PostgreSQL test database in a separate process, so that the
// ERP crash test can kill a real process (ERP_FAULT_AFTER_SEND makes it SIGKILL
// itself between "the ERP accepted" and "the app recorded").
//   CHILD_DB_URL=postgresql://... ERP_FAULT_AFTER_SEND=postGoodsReceipt \
//     node --import tsx --conditions=react-server test/erp/run-jobs-child.ts
import { openDb } from "../../lib/db/client";
import { installDomainModules } from "../../lib/server/domain-modules";
import { runDueJobs } from "../../lib/workflow/jobs/worker";

installDomainModules();
const url = process.env.CHILD_DB_URL;
if (!url) throw new Error("CHILD_DB_URL is not set");
const opened = await openDb({ mode: "postgresql", url });
try {
  const ran = await runDueJobs(opened.db, { workerId: `crash-child-${process.pid}` });
  console.log(`ran ${ran} jobs without crashing`);
} finally {
  await opened.close();
}
