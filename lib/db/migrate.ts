import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const FILTERS = { externalTables: [], externalEnums: [] };

function prismaDir(root = process.cwd()): string {
  return path.join(root, "prisma");
}

/** Reads prisma/migrations/<name>/migration.sql in the layout `prisma migrate` uses. */
export function readMigrations(root = process.cwd()): MigrationList {
  const baseDir = path.join(prismaDir(root), "migrations");
  const names = fs.existsSync(baseDir)
    ? fs.readdirSync(baseDir).filter((n) => fs.existsSync(path.join(baseDir, n, "migration.sql"))).sort()
    : [];
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  } as MigrationList;
}

function readSchemaFiles(root = process.cwd()) {
  const file = path.join(prismaDir(root), "schema.prisma");
  return [{ path: file, content: fs.readFileSync(file, "utf8") }];
}

type EngineModule = { SchemaEngine: typeof SchemaEngine; __wbg_set_wasm: (e: unknown) => void };
const g = globalThis as { __schemaEngineModule?: Promise<EngineModule> };

function loadEngineModule(root: string): Promise<EngineModule> {
  g.__schemaEngineModule ??= (async () => {
    const require = createRequire(path.join(root, "package.json"));
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(/* webpackIgnore: true */ path.join(pkgDir, "schema_engine_bg.js"))) as EngineModule;
    const wasm = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })().catch((e) => {
    g.__schemaEngineModule = undefined;
    throw e;
  });
  return g.__schemaEngineModule;
}

/**
 * Loads the schema engine compiled to WASM: the CLI's native binary would be
 * downloaded from a host this network cannot reach (database.md, "The trap").
 */
async function createSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  root = process.cwd(),
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const bg = await loadEngineModule(root);
  const schema = readSchemaFiles(root)[0];
  return bg.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/**
 * The engine never disposes the connections it opens; on PostgreSQL one of them
 * keeps the migration advisory lock, stalling the next migrator for 10 s. Track
 * them and dispose of them when the engine is done.
 */
function tracked(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const wrap = (open: () => Promise<SqlDriverAdapter>) => async () => {
    const adapter = await open();
    opened.push(adapter);
    return adapter;
  };
  const proxy: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: wrap(() => factory.connect()),
    connectToShadowDb: wrap(() => factory.connectToShadowDb()),
  };
  return { proxy, dispose: () => Promise.all(opened.map((a) => a.dispose().catch(() => {}))) };
}

/** Applies pending migrations; idempotent, records them in `_prisma_migrations`. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, root = process.cwd()) {
  const t = tracked(factory);
  const engine = await createSchemaEngine(t.proxy, root);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(root), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
    await t.dispose();
  }
}

/** SQL that takes a database migrated to the current history to the current schema. */
export async function diffAgainstMigrations(shadow: SqlMigrationAwareDriverAdapterFactory, root = process.cwd()) {
  const engine = await createSchemaEngine(shadow, root);
  try {
    await engine.applyMigrations({ migrationsList: readMigrations(root), filters: FILTERS });
    const files = readSchemaFiles(root);
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: prismaDir(root) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
