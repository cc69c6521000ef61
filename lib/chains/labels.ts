import type { ChainBuildStage } from "./progress";
import type { ChainStatus } from "./stored";
import type { ChainDirection } from "./types";

// Words and marks the chain pages use. Direction is told by colour AND by a shape and a word, so it
// does not depend on seeing colour.

export const DIRECTION_LABELS: Record<ChainDirection, string> = {
  backward: "Backward (earlier work it builds on)",
  anchor: "Anchor",
  forward: "Forward (later work citing it)",
};

export const DIRECTION_SHORT: Record<ChainDirection, string> = {
  backward: "backward",
  anchor: "anchor",
  forward: "forward",
};

/** A text mark per direction: ◀ backward, ◆ anchor, ▶ forward. */
export const DIRECTION_MARKS: Record<ChainDirection, string> = { backward: "◀", anchor: "◆", forward: "▶" };

export const DIRECTION_COLOURS: Record<ChainDirection, string> = {
  backward: "#2563eb",
  anchor: "#b45309",
  forward: "#15803d",
};

export const STAGE_LABELS: Record<ChainBuildStage, string> = {
  queries: "Writing search queries",
  candidates: "Searching for candidate papers",
  anchor: "Choosing anchors",
  backward: "Walking backward through references",
  forward: "Walking forward through citing papers",
  reading: "Reading the chosen papers",
};

export const STATUS_LABELS: Record<ChainStatus, string> = {
  queued: "Waiting to start",
  running: "Building",
  done: "Built",
  failed: "Failed",
  cancelled: "Cancelled",
};
