# Expected values of COINr 1.1.14 (github.com/bluefoxr/COINr commit b968203) for the parity tests of
# Coherence.cronbachAlpha, Weights.pca and Weights.optimise. Run from this folder with Debian's R:
#   Rscript make-fixtures.R
# Writes parity.json. Numbers are printed with 17 significant digits (round-trip exact for doubles).
suppressPackageStartupMessages(library(COINr))
stopifnot(packageVersion("COINr") == "1.1.14")

coin <- build_example_coin(quietly = TRUE)  # the same pipeline as ../../../../shared/data/coinr-asem
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
out <- c()
add <- function(...) out <<- c(out, paste0(...))

# 1. Cronbach's alpha of every pillar's indicators: pairwise-complete covariances (COINr's default) and listwise
pillars <- coin$Meta$Ind$iCode[coin$Meta$Ind$Level == 2 & !is.na(coin$Meta$Ind$Level)]
alpha <- c()
for (dset in c("Raw", "Denominated", "Normalised")) {
  for (p in pillars) {
    pw <- get_cronbach(coin, dset = dset, iCodes = p, Level = 1)
    lw <- get_cronbach(coin, dset = dset, iCodes = p, Level = 1, use = "complete.obs")
    alpha <- c(alpha, sprintf('{ "dset": "%s", "group": "%s", "pairwise": %s, "listwise": %s }', dset, p, num(pw), num(lw)))
  }
}
# aggregates: the sub-indices' pillars and the index's sub-indices
for (p in c("Conn", "Sust", "Index")) {
  lev <- coin$Meta$Ind$Level[coin$Meta$Ind$iCode == p] - 1
  pw <- get_cronbach(coin, dset = "Aggregated", iCodes = p, Level = lev)
  alpha <- c(alpha, sprintf('{ "dset": "Aggregated", "group": "%s", "pairwise": %s, "listwise": %s }', p, num(pw), num(pw)))
}
add('"cronbach": [\n    ', paste(alpha, collapse = ",\n    "), "\n  ]")

# 2. PCA weights (get_PCA, by groups): first-component loadings of each group's correlation matrix (complete rows)
pca <- c()
for (spec in list(list(dset = "Normalised", Level = 1), list(dset = "Denominated", Level = 1),
                  list(dset = "Aggregated", Level = 2))) {
  res <- suppressWarnings(get_PCA(coin, dset = spec$dset, Level = spec$Level, out2 = "list"))
  for (g in names(res$PCAresults)) {
    r <- res$PCAresults[[g]]
    share <- r$PCAres$sdev^2 / sum(r$PCAres$sdev^2)  # summary()'s "Proportion of Variance", unrounded
    pca <- c(pca, sprintf(
      '{ "dset": "%s", "level": %d, "group": "%s", "codes": %s, "weights": %s, "varianceShare": %s, "rows": %d }',
      spec$dset, spec$Level, g, str(r$iCodes), vec(r$wts), vec(share), nrow(r$PCAres$x)))
  }
}
add('"pca": [\n    ', paste(pca, collapse = ",\n    "), "\n  ]")

# 3. Correlation-optimised weights (get_opt_weights, Nelder–Mead of stats::optim with COINr's defaults)
opt <- c()
for (spec in list(list(Level = 3, optype = "balance"), list(Level = 2, optype = "balance"),
                  list(Level = 3, optype = "infomax"), list(Level = 2, optype = "infomax"))) {
  itarg <- if (spec$optype == "balance") "equal" else NULL
  res <- suppressMessages(get_opt_weights(coin, itarg = itarg, dset = "Aggregated", Level = spec$Level,
                                          optype = spec$optype, out2 = "list"))
  w <- res$WeightsOpt[res$WeightsOpt$Level == spec$Level, ]
  opt <- c(opt, sprintf(
    '{ "level": %d, "optype": "%s", "codes": %s, "weights": %s, "value": %s, "evaluations": %d, "convergence": %d, "correlations": %s }',
    spec$Level, spec$optype, str(w$iCode), vec(w$Weight), num(res$OptResults$value),
    res$OptResults$counts[["function"]], res$OptResults$convergence, vec(res$CorrResultsNorm$Obtained)))
}
add('"optimised": [\n    ', paste(opt, collapse = ",\n    "), "\n  ]")

writeLines(c("{", paste0('  "coinr": "', packageVersion("COINr"), '",'), paste0('  "r": "', getRversion(), '",'),
             paste0("  ", out, collapse = ",\n"), "}"), "parity.json")
