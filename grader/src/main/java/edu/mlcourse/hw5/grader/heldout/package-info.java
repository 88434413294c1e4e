/** Q2 scoring on the held-out labels: the {@code my_model.json} evaluator in plain Java, the confusion matrix. No DJL, no native code. */
package edu.mlcourse.hw5.grader.heldout;
