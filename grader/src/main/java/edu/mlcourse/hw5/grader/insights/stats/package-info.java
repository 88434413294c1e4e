/** Plain statistics the insights and the pages share (histograms); knows no page and no submission. */
package edu.mlcourse.hw5.grader.insights.stats;
