/** Points: the rubric, and the scores it gives the checks' outcomes. Never runs student code or the checks. */
package edu.mlcourse.hw5.checker.scoring;
