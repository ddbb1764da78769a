import { PGlite } from "@electric-sql/pglite";

let t = Date.now();
const db = new PGlite();
await db.waitReady;
console.log("mem new", Date.now() - t);
t = Date.now();
await db.exec("create table a(id int)");
const dump = await db.dumpDataDir("none");
console.log("dump", Date.now() - t, dump.size);
t = Date.now();
const db2 = new PGlite({ loadDataDir: dump });
await db2.waitReady;
console.log("load", Date.now() - t);
console.log(
  (await db2.query("select count(*) from a")).rows,
  (await db2.query("select gen_random_uuid(), version()")).rows,
);
t = Date.now();
const db3 = new PGlite();
await db3.waitReady;
console.log("mem new 2", Date.now() - t);
