package edu.mlcourse.hw5.checker.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** q2.ipynb is read as data: what it holds is reported, and it is never run. */
class NotebookTest {
    @TempDir
    Path dir;

    private Notebook read(String json) throws IOException {
        return Notebook.read(Files.writeString(dir.resolve("q2.ipynb"), json));
    }

    @Test
    void countsCodeCellsAndThoseWithSavedOutputs() throws IOException {
        Notebook notebook = read("""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "markdown", "source": "# Q2"},
                 {"cell_type": "code", "source": ["import torch\\n"], "outputs": []},
                 {"cell_type": "code", "source": "print(1)", "outputs": [{"output_type": "stream", "text": "1"}]}]}
                """);
        assertTrue(notebook.valid());
        assertEquals(2, notebook.codeCells());
        assertEquals(1, notebook.cellsWithOutputs());
        assertEquals("q2.ipynb is a valid notebook with 2 code cell(s), 1 of them with saved outputs (the grader reads"
                + " it and never runs it).", notebook.describe());
    }

    @Test
    void anythingElseIsRefusedWithAReasonAStudentCanActOn() throws IOException {
        Notebook old = read("{\"nbformat\": 3, \"worksheets\": []}");
        assertFalse(old.valid());
        assertTrue(old.describe().contains("not a Jupyter notebook in nbformat 4"), old.describe());
        Notebook script = read("import torch\nmodel = torch.nn.Linear(784, 10)\n");
        assertFalse(script.valid());
        assertTrue(script.describe().startsWith("q2.ipynb is not valid JSON"), script.describe());
    }
}
