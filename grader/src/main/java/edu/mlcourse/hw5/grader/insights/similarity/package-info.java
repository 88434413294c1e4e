/** Hand-ins to look at twice: source fingerprints and prediction agreement between pairs. Lists pairs; never accuses or scores. */
package edu.mlcourse.hw5.grader.insights.similarity;
