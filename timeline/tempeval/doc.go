// Package tempeval scores temporal expression extraction the way
// TempEval-3 Task A does (UzZaman et al., 2013), so that figures compare
// with the published ones.
//
// The definition:
//   - The document creation time is not scored: pass the expressions of the
//     document's text only (FromTimeML does; the DCT of a TimeML file lies
//     outside TEXT).
//   - A system expression relaxed-matches a gold one when their extents
//     overlap, and strict-matches it when the extents are identical.
//   - Precision = matched system expressions / system expressions, recall =
//     matched gold expressions / gold expressions, F1 their harmonic mean;
//     for strict and for relaxed matching.
//   - Over the relaxed matches, value accuracy is the share whose value
//     attribute is identical to the gold one, type accuracy likewise with
//     type; value F1 = relaxed F1 × value accuracy, type F1 likewise.
//   - Totals are micro-averaged: counts are summed over all files, then the
//     ratios are taken (Report.Total).
//
// Several expressions overlapping one. Matches are counted from each side,
// per expression, not per gold/system pair: a system expression counts for
// precision when it overlaps at least one gold expression, a gold one
// counts for recall when at least one system expression overlaps it. So
// when the system splits gold "March 5, 1998" into "March 5" and "1998",
// both system expressions are relaxed matches (relaxed P = R = 1) and
// neither is strict; and one system expression spanning two gold ones
// matches both. Counting pairs instead would let recall exceed 1 (two
// matches for one gold) and reward splitting; a one-to-one alignment would
// instead turn the second fragment into a false positive, which the
// published scores do not do. For the attributes, each relaxed-matched
// gold expression is paired with one system expression: the overlapping
// one with the largest overlap (then the nearest start, then the first);
// value and type accuracy are over these pairs, whose number is the
// relaxed gold count.
//
// Gold expressions with an empty extent (empty TIMEX3 tags, which anchor
// durations) cannot be found in text and are left out.
package tempeval
