/** Work started early and waited for later (vectors loading, an isolation probe): never holds grading logic. */
package edu.mlcourse.hw5.checker.async;
