/**
 * What an edition of Q1 is ({@link edu.mlcourse.hw5.checker.edition.Q1Edition}): how its file is found,
 * made ready, run and spoken of. Each edition lives in a folder of its own below this one; a new edition
 * is a new folder, and nothing outside names its classes but the list of editions in {@code grading}.
 */
package edu.mlcourse.hw5.checker.edition;
