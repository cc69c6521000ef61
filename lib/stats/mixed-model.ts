// The text of mixed-model.R: the same hypothesis as one linear mixed model per metric, with
// reviewer, idea and topic as random intercepts, for readers who prefer it to the three units.
// R is not run here; the script only has to be correct R that reads the same tidy CSV.
import { TIDY_LEADING, TIDY_TRAILING } from "./tidy";

/** An R string literal: JSON's escapes (\", \\, \n, \uXXXX) are all valid in R. */
const r = (text: string) => JSON.stringify(text);
const vector = (items: readonly string[]) => `c(${items.map(r).join(", ")})`;

export function formatMixedModelScript({
  inputPath,
  baseline,
  metrics,
}: {
  inputPath: string;
  baseline: string;
  metrics: readonly string[];
}): string {
  return `# Linear mixed model per metric: score ~ condition + (1 | reviewer_id) + (1 | idea_id) + (1 | topic),
# with the baseline condition as the reference level. Written by \`npm run stats\`.
# Run: Rscript mixed-model.R [reviews.csv]   (needs lme4; with lmerTest installed, p-values too)
# Writes mixed-model-results.csv (fixed effects per metric) in the working directory.
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[[1]] else ${r(inputPath)}
metrics <- ${vector(metrics)}
baseline <- ${r(baseline)}

if (requireNamespace("lmerTest", quietly = TRUE)) library(lmerTest) else library(lme4)

wide <- read.csv(path, colClasses = "character", check.names = FALSE, na.strings = character(0))
# The app matches the fixed columns case-insensitively and trims header names; so does this.
names(wide) <- trimws(names(wide))
fixed <- tolower(names(wide)) %in% ${vector([...TIDY_LEADING, ...TIDY_TRAILING])}
names(wide)[fixed] <- tolower(names(wide)[fixed])

# Optional columns (topic, reviewer_id) may be absent; read as empty, their term is left out below.
column <- function(name) if (name %in% names(wide)) trimws(wide[[name]]) else rep("", nrow(wide))

# Long format: one row per review and metric; an empty cell is a missing score and is dropped.
long <- do.call(rbind, lapply(metrics, function(m) data.frame(
  idea_id = column("idea_id"), topic = column("topic"),
  condition = column("condition"), reviewer_id = column("reviewer_id"), metric = m,
  score = suppressWarnings(as.numeric(trimws(wide[[m]]))), stringsAsFactors = FALSE)))
long <- long[!is.na(long$score), ]

results <- list()
for (m in metrics) {
  d <- long[long$metric == m, ]
  cat("\n==== ", m, " ====\n", sep = "")
  if (!(baseline %in% d$condition) || length(unique(d$condition)) < 2) {
    cat("skipped: needs scores for the baseline and at least one other condition\n")
    next
  }
  d$condition <- relevel(factor(d$condition), ref = baseline)
  # The model is score ~ condition + (1 | reviewer_id) + (1 | idea_id) + (1 | topic). lme4 refuses a
  # grouping factor with one level (a study with one topic) or one observation per level (one
  # review per idea), so such a term is left out, and said so.
  # A term whose column is empty in some rows (no reviewer ids) cannot be estimated either.
  groups <- c("reviewer_id", "idea_id", "topic")
  usable <- sapply(groups, function(g) {
    k <- length(unique(d[[g]])); k > 1 && k < nrow(d) && all(d[[g]] != "") })
  if (!all(usable)) cat("left out (not estimable here):", paste0("(1 | ", groups[!usable], ")"), "\n")
  # paste0 would turn an empty selection into one "(1 | )", hence the sprintf over the names.
  terms <- c("condition", vapply(groups[usable], function(g) sprintf("(1 | %s)", g), ""))
  model <- as.formula(paste("score ~", paste(terms, collapse = " + ")))
  fit <- tryCatch(
    # bquote puts the formula itself into the call, so the summary prints it rather than "model".
    if (any(usable)) eval(bquote(lmer(.(model), data = d))) else eval(bquote(lm(.(model), data = d))),
    error = function(e) { cat("failed:", conditionMessage(e), "\n"); NULL })
  if (is.null(fit)) next
  print(summary(fit))
  fx <- as.data.frame(coef(summary(fit)))
  results[[m]] <- data.frame(metric = m, term = rownames(fx), fx, row.names = NULL, check.names = FALSE)
}
if (length(results) > 0) {
  # lm (no estimable grouping factor) and lmer without lmerTest report different columns.
  columns <- unique(unlist(lapply(results, names)))
  aligned <- lapply(results, function(r) { r[setdiff(columns, names(r))] <- NA; r[columns] })
  write.csv(do.call(rbind, aligned), "mixed-model-results.csv", row.names = FALSE)
}
`;
}
