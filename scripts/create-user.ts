// npm run user:create -- --email a@b.org [--name "A B"] [--password …] [--admin]
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { generateToken } from "@/lib/auth/tokens";
import { isAppError } from "@/lib/errors";
import { createUserAccount } from "@/server/auth/accounts";
import { loadDotEnv } from "./lib/load-env";

async function main() {
  loadDotEnv();
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      admin: { type: "boolean", default: false },
    },
  });
  if (!values.email) {
    console.error(
      'Usage: npm run user:create -- --email you@example.org [--name "Your Name"] [--password …] [--admin]',
    );
    process.exit(2);
  }
  migrateDatabase(getDb());
  const generated = values.password ? null : generateToken().slice(0, 20);
  const user = await createUserAccount({
    input: {
      email: values.email,
      name: values.name ?? values.email.split("@")[0],
      password: values.password ?? generated,
      admin: values.admin,
    },
  });
  console.log(
    `Created ${user.isAdmin ? "admin" : "user"} ${user.email}${user.isAdmin && !values.admin ? " (first account, so admin)" : ""}.`,
  );
  if (generated) console.log(`Password: ${generated}   (change it after signing in, under Account)`);
}

main().catch((e) => {
  if (isAppError(e)) {
    const fields = Object.entries(e.fieldErrors ?? {}).map(([f, m]) => `  --${f}: ${m.join(" ")}`);
    console.error([e.message.split(" (")[0], ...fields].join("\n"));
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
