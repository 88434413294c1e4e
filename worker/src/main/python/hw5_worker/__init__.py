"""The Python edition's worker: runs a student's q1.py for the grader (see worker/PROTOCOL.md)."""
