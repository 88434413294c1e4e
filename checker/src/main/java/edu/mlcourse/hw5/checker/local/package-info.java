/** The pipeline on a student's machine ({@code ./check}, {@code mvn test}): public vectors only; holds no answers. */
package edu.mlcourse.hw5.checker.local;
