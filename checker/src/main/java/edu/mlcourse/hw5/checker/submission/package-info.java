/** A submission as files: found by name, unzipped within limits. Never runs or judges what it finds. */
package edu.mlcourse.hw5.checker.submission;
