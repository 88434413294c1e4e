# A syntax error: Q1 cannot be imported and scores zero; Q2 is still graded.
# breaks: everything
# whole-file: yes
# hint: q1.py could not be imported: SyntaxError
# hint: q1.py, line 10
# hint: Python cannot read q1.py: fix the line shown
import numpy as np


def linear_forward(x, w, b)
    return x @ w + b
