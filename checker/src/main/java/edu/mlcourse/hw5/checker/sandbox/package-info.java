/**
 * Runs untrusted code: the worker process, its limits and its isolation, for whichever edition's
 * {@link edu.mlcourse.hw5.checker.sandbox.WorkerProgram} it is given. Never reads answers, and imports no edition.
 */
package edu.mlcourse.hw5.checker.sandbox;
