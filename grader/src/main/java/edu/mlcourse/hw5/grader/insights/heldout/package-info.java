/** Q2 across the class: accuracy histogram, per-class accuracy, frequent confusions. */
package edu.mlcourse.hw5.grader.insights.heldout;
