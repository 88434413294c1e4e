/**
 * The Q1 checks, as JUnit tests launched by {@link edu.mlcourse.hw5.checker.checks.Q1CheckLauncher} into a
 * {@link edu.mlcourse.hw5.checker.checks.CheckLedger}: outputs against the vectors, finite differences, and the
 * hints that explain a failure. Speaks to students through a {@link edu.mlcourse.hw5.checker.checks.Dialect};
 * never names an edition, and never starts a process itself (it calls a {@code Q1Runner}).
 */
package edu.mlcourse.hw5.checker.checks;
