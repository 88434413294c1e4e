# Imports its own module beside q1.py.
# breaks: nothing
# note: Q1 loaded: helpers.py, q1.py.
import helpers


def softmax_forward(x):
    return helpers.stable_softmax(x)
