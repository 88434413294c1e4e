/** What a grading produced and how it is shown: text, Markdown, Gradescope's results.json. Only formats; never grades. */
package edu.mlcourse.hw5.checker.report;
