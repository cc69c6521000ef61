// A stand-in server worker for cluster-primary.test.ts: says which job role it was given, forwards
// what the primary relays to it back to the test, and exits with status 3 when told to.
process.send({ kind: "hello", jobRunner: process.env.JOB_RUNNER });
process.on("message", (msg) => {
  if (msg.kind === "die") process.exit(3);
  else if (msg.kind === "send") process.send(msg.msg);
  else process.send({ kind: "received", msg });
});
process.on("SIGTERM", () => process.exit(0));
setInterval(() => {}, 1000);
