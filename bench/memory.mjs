// `npm run bench:memory`: server RSS idle, then after 1,000 page requests
// (signed-in workbench home, portal home and the sign-in page). Needs a build
// (`npx next build`). Baseline: the idle RSS of the same server in the same run.
import { machine, percentile, rssMiB, signInCookie, startServer, waitFor } from "./support.mjs";

const port = Number(process.env.BENCH_PORT ?? 3411);
const base = `http://localhost:${port}`;
const total = Number(process.env.BENCH_REQUESTS ?? 1000);
const concurrency = 8;

const server = startServer({ port });
try {
  await waitFor(`${base}/api/health`);
  await new Promise((r) => setTimeout(r, 3000));
  const idle = rssMiB(server.child.pid);
  const employee = await signInCookie(base, "employee", "admin", "Demo@2026");
  const supplier = await signInCookie(base, "supplier", "supplier1", "Demo@2026");
  const targets = [
    { path: "/", cookie: employee },
    { path: "/admin", cookie: employee },
    { path: "/portal", cookie: supplier },
    { path: "/login", cookie: "" },
  ];
  const latencies = [];
  let next = 0;
  let errors = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const target = targets[next++ % targets.length];
        const s = performance.now();
        const r = await fetch(base + target.path, { headers: { cookie: target.cookie }, redirect: "manual" });
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssMiB(server.child.pid);
  latencies.sort((a, b) => a - b);
  const out = {
    machine: machine(),
    requests: total,
    non_200: errors,
    requests_per_s: Math.round(total / seconds),
    p50_ms: Math.round(percentile(latencies, 50)),
    p95_ms: Math.round(percentile(latencies, 95)),
    rss_idle_mib: idle,
    rss_after_mib: after,
    ratio_to_idle: Math.round((after / idle) * 100) / 100,
  };
  console.log(JSON.stringify(out));
} finally {
  await server.stop();
}
