/** What a batch tells an instructor, computed from the stored results; reads the batch's store, never grades. */
package edu.mlcourse.hw5.grader.insights;
