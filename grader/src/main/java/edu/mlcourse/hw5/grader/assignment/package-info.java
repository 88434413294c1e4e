/** The course data bundled in the grader (hidden vectors, held-out labels): found here, guarded by checksums; never shipped to students. */
package edu.mlcourse.hw5.grader.assignment;
