// Seeds the bench:load database at argv[2] with argv[3] reviewers and prints the world as JSON, for
// scripts that cannot import db/ themselves (profile-request.ts runs Next in-process, without the
// react-server condition that db/ needs).
import { loadBenchWorld } from "./lib/bench-load-seed";

const [dbPath, reviewers = "1"] = process.argv.slice(2);
if (!dbPath) throw new Error("usage: bench-load-world.ts DB_PATH [REVIEWERS]");
console.log(JSON.stringify(loadBenchWorld({ dbPath, reviewers: Number(reviewers) })));
