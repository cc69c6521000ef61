export * from "./ai";
export * from "./jobs";
export * from "./studies";
export * from "./users";
