/** The mistakes the class made most, from the stored results. */
package edu.mlcourse.hw5.grader.insights.mistakes;
