/** The bundles the grader makes: students' projects (no answers) and Gradescope's autograder.zip. */
package edu.mlcourse.hw5.grader.packaging;
