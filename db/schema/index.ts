export * from "./ai";
export * from "./ideas";
export * from "./jobs";
export * from "./reviews";
export * from "./studies";
export * from "./users";
