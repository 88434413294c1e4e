/** In-memory javac for the Java edition: compiles the submission's sources to class bytes; never loads or runs them. */
package edu.mlcourse.hw5.checker.edition.java.compile;
