export * from "./ai";
export * from "./arena";
export * from "./ideas";
export * from "./jobs";
export * from "./results";
export * from "./reviews";
export * from "./studies";
export * from "./users";
