# Calls sys.exit instead of returning.
# breaks: relu_forward
# hint: relu_forward raised SystemExit
# hint: Functions must not call sys.exit (or exit, quit): return the result instead.
import sys


def relu_forward(x):
    sys.exit(1)
