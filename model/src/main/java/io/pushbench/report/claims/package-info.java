/**
 * The result of {@code pushbench claims}: {@code claims.json} (schema in {@code docs/claims.md}), one verdict per
 * claim about push with the figures it rests on, the model's figures beside them and the data of its chart.
 * {@link ClaimsJson} is the only writer and reader; {@code plot} draws the charts from it and {@code compare} lines
 * two of them up.
 */
package io.pushbench.report.claims;
